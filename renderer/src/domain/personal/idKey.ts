import { normalizedIdCard } from './idCard'

// 身份证号的密钥散列: finding a resident's earlier visits by their ID number without looking at the
// number, nor at its masked form (110105********002X is shared by thousands of strangers). What is
// compared is an HMAC-SHA-256 of the normalised 18-character number under a secret of the station
// (data/idKeys.ts makes it: WebCrypto is asynchronous). Each hash names the key it was made with, so a
// district-wide key can replace the station's later: a hash under any other key is simply made again.

/** The keyed hash of one ID number, and the id of the key that made it. */
export interface IdKey {
  keyId: string
  /** HMAC-SHA-256, 32 bytes as unpadded base64url */
  hmac: string
}

export const ID_KEY_ALGORITHM = 'HMAC-SHA-256'

/** A key's id: its scope and a random part (`station.xinghe-01.3f9a1c2b7d40`). Never a ':', see idKeyText. */
export const KEY_ID = /^[A-Za-z0-9._-]{1,80}$/
/** 32 bytes, unpadded base64url: 43 characters. */
export const ID_KEY_HMAC = /^[A-Za-z0-9_-]{43}$/

/**
 * The form of an ID number that is hashed: 18 characters, digits and an upper-case X, as checkIdCard
 * stores it; null for anything else (nothing to hash). Only the shape is checked: a stored number was
 * checked when it was typed, and one typed now is checked by checkIdCard before it is looked up.
 */
export function idCardForKey(idCard: unknown): string | null {
  if (typeof idCard !== 'string') return null
  const id = normalizedIdCard(idCard)
  return /^\d{17}[\dX]$/.test(id) ? id : null
}

export function isIdKey(value: unknown): value is IdKey {
  if (!value || typeof value !== 'object') return false
  const { keyId, hmac } = value as Partial<IdKey>
  // typeof first: test() would take undefined for the text 'undefined'.
  return typeof keyId === 'string' && KEY_ID.test(keyId) && typeof hmac === 'string' && ID_KEY_HMAC.test(hmac)
}

/** One text for a hash and its key, as the read model indexes it: a hash made under another key never matches. */
export const idKeyText = (key: IdKey): string => `${key.keyId}:${key.hmac}`
