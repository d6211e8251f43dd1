// The pure parts of provisioning: addresses, credentials, comparisons, the documents it writes.
import { describe, expect, it } from 'vitest'
import { basicAuth, rollupReplication, stationSecurity } from '../renderer/src/contract'
import { parseServerUrl, pathOf, sameJson } from './couchHttp'
import { checkStationCode, makePassword } from './provision'

describe('provisioning parts', () => {
  it('takes the credentials out of the server address, decoding them', () => {
    const server = parseServerUrl('http://admin:p%40ss%3Aword@couch.example:5984')
    expect(server.base).toBe('http://couch.example:5984/')
    expect(server.username).toBe('admin')
    expect(server.authorization).toBe(basicAuth('admin', 'p@ss:word'))
    expect(parseServerUrl('https://couch.example/couchdb').base).toBe('https://couch.example/couchdb/')
    expect(parseServerUrl('http://127.0.0.1:5984/').authorization).toBeUndefined()
    expect(() => parseServerUrl('couch.example:5984')).toThrow(/Not a usable server address/)
  })

  it('encodes Basic credentials as UTF-8, so a Chinese password survives', () => {
    expect(basicAuth('admin', '密码')).toBe(`Basic ${Buffer.from('admin:密码').toString('base64')}`)
  })

  it('keeps _design/ as a path segment and encodes the rest', () => {
    expect(pathOf('station-xingfu', '_design/station')).toBe('station-xingfu/_design/station')
    expect(pathOf('_users', 'org.couchdb.user:station-xingfu')).toBe('_users/org.couchdb.user%3Astation-xingfu')
    expect(pathOf('district')).toBe('district')
  })

  it('compares JSON whatever the order of keys, but not of arrays', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true)
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameJson(null, {})).toBe(false)
  })

  it('accepts the station codes the station settings accept, and nothing else', () => {
    for (const code of ['xingfu', 'xf-01', '01']) expect(checkStationCode(code)).toBe(code)
    for (const code of ['', 'x', 'Xingfu', '-xf', 'xing fu', 'xing:fu', 'a'.repeat(33), ' xingfu']) {
      expect(() => checkStationCode(code), code).toThrow(/is not valid/)
    }
  })

  it('makes passwords of 20 unambiguous characters, different every time', () => {
    const made = new Set(Array.from({ length: 50 }, () => makePassword()))
    expect(made.size).toBe(50)
    for (const password of made) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/)
  })

  it("lets the station's role and the roll-up read a station database, administered by server admins only", () => {
    expect(stationSecurity('xingfu')).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['station:xingfu', 'district-rollup'] },
    })
  })

  it('replicates a station into the district between URLs of the server as it reaches itself', () => {
    const doc = rollupReplication('xingfu', 'http://127.0.0.1:5984', { username: 'district-rollup', password: 'pw' })
    expect(doc).toEqual({
      _id: 'rollup:station-xingfu',
      source: { url: 'http://127.0.0.1:5984/station-xingfu', headers: { Authorization: basicAuth('district-rollup', 'pw') } },
      target: { url: 'http://127.0.0.1:5984/district', headers: { Authorization: basicAuth('district-rollup', 'pw') } },
      continuous: true,
      create_target: false,
      selector: { _id: { $regex: '^[^_]' } },
    })
  })
})
