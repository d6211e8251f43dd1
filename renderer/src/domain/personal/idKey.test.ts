import { describe, expect, it } from 'vitest'
import { idCardForKey, idKeyText, isIdKey } from './idKey'

// The example printed in GB 11643-1999 (see idCard.test.ts).
const ID = '11010519491231002X'

describe('idCardForKey', () => {
  it('hashes one form of a number however it was typed: half-width, no spaces, an upper-case X', () => {
    expect(idCardForKey(ID)).toBe(ID)
    expect(idCardForKey(' 110105 19491231 002x ')).toBe(ID)
    expect(idCardForKey('１１０１０５１９４９１２３１００２Ｘ')).toBe(ID)
  })

  it('has nothing to hash for a number of the wrong shape, or none', () => {
    expect(idCardForKey('')).toBeNull()
    expect(idCardForKey('110105491231002')).toBeNull() // the old 15-digit form
    expect(idCardForKey('110105********002X')).toBeNull() // a masked number
    expect(idCardForKey(undefined)).toBeNull()
    expect(idCardForKey(110105194912310020)).toBeNull()
  })
})

describe('isIdKey and idKeyText', () => {
  const key = { keyId: 'station.xinghe-01.3f9a1c2b7d40', hmac: 'q1Zb0m3pYQe7rV7Xc0mN9rW6k1sT2uV3wX4yZ5a6b7c' }

  it('accepts a hash with its key’s id, and nothing that could be the number itself', () => {
    expect(isIdKey(key)).toBe(true)
    expect(isIdKey({ ...key, hmac: ID })).toBe(false)
    expect(isIdKey({ ...key, hmac: '110105********002X' })).toBe(false)
    expect(isIdKey({ ...key, keyId: 'station:xinghe-01' })).toBe(false)
    expect(isIdKey({ hmac: key.hmac })).toBe(false)
    expect(isIdKey(null)).toBe(false)
  })

  it('indexes a hash together with its key, so a hash under another key never matches', () => {
    expect(idKeyText(key)).toBe(`station.xinghe-01.3f9a1c2b7d40:${key.hmac}`)
    expect(idKeyText({ ...key, keyId: 'district.jinan.000000000001' })).not.toBe(idKeyText(key))
  })
})
