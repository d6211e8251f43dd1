import type { PinHash } from '../domain/people'

// PINs are stored only as PBKDF2-HMAC-SHA-256 hashes with a random salt (WebCrypto: the browser and Node
// alike). 600,000 iterations is OWASP's figure for PBKDF2-SHA-256; the count is stored with each hash, so
// it can be raised later without touching old ones. `npm run bench -- sign-in` measures one check.

export const PIN_ITERATIONS = 600_000

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin.normalize('NFC')), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return new Uint8Array(bits)
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) }
}

/** Whether `pin` is the one `stored` was made from; compares every byte, so timing tells nothing. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.algorithm !== 'PBKDF2-SHA-256') return false
  const expected = fromBase64(stored.hash)
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations)
  let difference = expected.length ^ actual.length
  for (let i = 0; i < expected.length; i++) difference |= expected[i]! ^ (actual[i] ?? 0)
  return difference === 0
}
