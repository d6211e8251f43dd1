import { residentIdCard, trustedIdKey, type NeedDoc } from '../domain/needs'
import { idKeyText, KEY_ID, type IdKey } from '../domain/personal'
import { newStationSecretDoc, stationSecretDocId, type StationSecretDoc } from '../domain/station'
import type { Actor } from '../domain/records'
import type { LocalDb } from './localDb'

// The keyed hashes of residents' ID numbers (domain/personal/idKey.ts): HMAC-SHA-256 under the station's
// secret (domain/station/stationSecret.ts), by WebCrypto, which the browser and Node 20 both have.

/** Makes the hashes of one key. */
export interface IdKeyer {
  keyId: string
  /** `idCard` normalised already (checkIdCard's value, or residentIdCard) */
  keyOf(idCard: string): Promise<IdKey>
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

async function keyerOf(doc: StationSecretDoc): Promise<IdKeyer> {
  // Not extractable: once imported, the key itself cannot be read back out of this page.
  const key = await crypto.subtle.importKey('raw', fromBase64(doc.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const encoder = new TextEncoder()
  return {
    keyId: doc.keyId,
    async keyOf(idCard) {
      const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(idCard))
      return { keyId: doc.keyId, hmac: toBase64Url(new Uint8Array(mac)) }
    },
  }
}

/** 32 bytes, base64 */
const SECRET = /^[A-Za-z0-9+/]{43}=$/

/** A secret this desk can use; a malformed one (from a faulty peer) counts as none rather than stopping the projector. */
function isSecretDoc(doc: unknown): doc is StationSecretDoc {
  const { keyId, secret } = (doc ?? {}) as Partial<StationSecretDoc>
  return typeof keyId === 'string' && KEY_ID.test(keyId) && typeof secret === 'string' && SECRET.test(secret)
}

/**
 * The station's secret as this desk holds it now. A database holds one station's documents, so the first
 * `stationSecret:` is that station's. Where two desks each made one while apart, PouchDB shows the same
 * winner on every desk (and CouchDB the same again), so every desk settles on one key.
 */
export class StationSecrets {
  /** the keyer of the secret last read, by its revision: importing a key is asynchronous, reading the doc cheap */
  private cached: { rev: string; keyer: Promise<IdKeyer> } | null = null
  private making: Promise<IdKeyer> | null = null

  constructor(private readonly db: LocalDb) {}

  async current(): Promise<IdKeyer | null> {
    const range = { startkey: 'stationSecret:', endkey: 'stationSecret:\uffff', limit: 1 }
    const page = await this.db.allDocs({ ...range, include_docs: true })
    const row = page.rows[0]
    const doc = row && 'doc' in row ? row.doc : null
    if (!isSecretDoc(doc)) return null
    if (this.cached?.rev !== doc._rev) this.cached = { rev: doc._rev, keyer: keyerOf(doc) }
    return this.cached.keyer
  }

  /** The station's keyer, its secret made now if the station has none yet (the first time it is needed). */
  ensure(code: string, actor: Actor): Promise<IdKeyer> {
    // One at a time on this desk: a registration and a lookup at once make one secret, not two.
    this.making ??= this.currentOrMade(code, actor).finally(() => (this.making = null))
    return this.making
  }

  private async currentOrMade(code: string, actor: Actor): Promise<IdKeyer> {
    const found = await this.current()
    if (found) return found
    const secret = toBase64(crypto.getRandomValues(new Uint8Array(32)))
    const random = toHex(crypto.getRandomValues(new Uint8Array(6)))
    try {
      await this.db.put(newStationSecretDoc(code, secret, random, actor))
    } catch (error) {
      // Written meanwhile (by sync): that one is the station's.
      if ((error as { status?: number }).status !== 409) throw error
    }
    const made = await this.current()
    if (!made) throw new Error(`${stationSecretDocId(code)} could not be read back`)
    return made
  }
}

/** Needs hashed at once: WebCrypto queues them on its own thread, and a few hundred keep it busy. */
const HASH_CHUNK = 500

/**
 * The read model's hash (as idKeyText) of each of these needs that has an ID number: the one stored on the
 * need where it can be trusted under this key (trustedIdKey), else made from the number. Needs stored
 * before hashes existed, or hashed under another key, are hashed here and left as they are in PouchDB.
 */
export async function idKeyTexts(needs: readonly NeedDoc[], keyer: IdKeyer | null): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  if (!keyer) return texts
  const toHash: [string, string][] = []
  for (const need of needs) {
    const idCard = residentIdCard(need)
    if (!idCard) continue
    const stored = trustedIdKey(need, keyer.keyId)
    if (stored) texts.set(need._id, idKeyText(stored))
    else toHash.push([need._id, idCard])
  }
  for (let i = 0; i < toHash.length; i += HASH_CHUNK) {
    const chunk = toHash.slice(i, i + HASH_CHUNK)
    const made = await Promise.all(chunk.map(([, idCard]) => keyer.keyOf(idCard)))
    chunk.forEach(([needId], j) => texts.set(needId, idKeyText(made[j]!)))
  }
  return texts
}
