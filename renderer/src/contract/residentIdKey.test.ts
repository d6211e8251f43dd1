// Central's validator and the hashes of residents' ID numbers: the station's secret (stationSecret:<code>)
// and the hash stored on each need (resident.idKey), as CouchDB 3 would run the validator.
import { describe, expect, it } from 'vitest'
import { newNeedDoc, type NeedForm } from '../domain/needs'
import { newStationSecretDoc } from '../domain/station'
import { compileValidate, serverAdmin, stationWriter, verdictOf, type Doc, type UserCtx } from '../../../test/support/couchValidate'
import { validateSources } from './validateSources'

const validate = compileValidate(validateSources().station)
const station = stationWriter('xingfu')
const admin = serverAdmin('xingfu')
const actor = { by: '王芳', at: '2026-11-23T01:30:00.000Z' }
const verdict = (doc: Doc, user: UserCtx = station, oldDoc: Doc | null = null) => verdictOf(validate, doc, user, oldDoc)

const ID = '11010519491231002X'
const idKey = { keyId: 'station.xingfu.3f9a1c2b7d40', hmac: 'q1Zb0m3pYQe7rV7Xc0mN9rW6k1sT2uV3wX4yZ5a6b7c' }
const form: NeedForm = {
  residentName: '张三',
  phone: '13800138000',
  idCard: ID,
  village: '星河村',
  address: '',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: '独居老人需要助餐',
}
const need = newNeedDoc(form, { stationId: 'xingfu', ulid: '01JCNEED000000000000000001', number: '20261123-001' }, '2026-11-26', actor, idKey)
const withResident = (resident: Doc): Doc => ({ ...need, resident: { ...need.resident, ...resident } })
const secret = newStationSecretDoc('xingfu', 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=', '3f9a1c2b7d40', actor) as unknown as Doc

describe('the hash of an ID number on a need, on central', () => {
  it('accepts a need with its hash, and one from before hashes without it', () => {
    expect(verdict(need as unknown as Doc)).toBe('accepted')
    expect(verdict(withResident({ idKey: undefined }))).toBe('accepted')
  })

  it('refuses a hash that is not one: the number itself, its masked form, or no key id', () => {
    expect(verdict(withResident({ idKey: { ...idKey, hmac: ID } }))).toMatch(/^badShape: resident\.idKey/)
    expect(verdict(withResident({ idKey: { ...idKey, hmac: '110105********002X' } }))).toMatch(/^badShape: resident\.idKey/)
    expect(verdict(withResident({ idKey: idKey.hmac }))).toMatch(/^badShape: resident\.idKey/)
    expect(verdict(withResident({ idKey: { hmac: idKey.hmac } }))).toMatch(/^badShape: resident\.idKey/)
    expect(verdict(withResident({ idKey: { ...idKey, keyId: 'a:b' } }))).toMatch(/^badShape: resident\.idKey/)
  })

  it('refuses a hash with no ID number beside it', () => {
    expect(verdict(withResident({ idCard: undefined }))).toMatch(/^badShape: resident\.idKey goes only with/)
  })
})

describe('the station’s secret on central', () => {
  it('accepts the station’s own secret once, under its own id', () => {
    expect(verdict(secret)).toBe('accepted')
    expect(verdict({ ...secret, _id: 'stationSecret:other' })).toMatch(/^wrongStation: /)
    expect(verdict({ ...secret, stationId: 'other' })).toMatch(/^wrongStation: /)
  })

  it('refuses a secret of the wrong form', () => {
    expect(verdict({ ...secret, secret: 'short' })).toMatch(/^badShape: secret/)
    expect(verdict({ ...secret, algorithm: 'SHA-1' })).toMatch(/^badShape: algorithm/)
    expect(verdict({ ...secret, keyId: '' })).toMatch(/^badShape: keyId/)
  })

  it('refuses a station changing its secret (every hash made with it would stop matching), not an administrator', () => {
    const changed = { ...secret, secret: 'b3RoZXJvdGhlcm90aGVyb3RoZXJvdGhlcm90aGVyMTI=' }
    const stored = { ...secret, _rev: '1-a' }
    expect(verdict(changed, station, stored)).toMatch(/^notAllowed: /)
    expect(verdict(changed, admin, stored)).toBe('accepted')
    // Another desk's secret, made while apart, arrives as a version of its own (no previous one): accepted.
    expect(verdict(changed, station, null)).toBe('accepted')
  })
})
