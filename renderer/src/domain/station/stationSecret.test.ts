import { describe, expect, it } from 'vitest'
import { KEY_ID } from '../personal'
import { newStationSecretDoc, stationKeyId, stationSecretDocId } from './stationSecret'

describe('the station’s secret for hashing ID numbers', () => {
  it('is one document per station, whose key id names its scope, its station and a random part', () => {
    const doc = newStationSecretDoc('xinghe-01', 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=', '3f9a1c2b7d40', {
      by: '王芳',
      at: '2026-11-23T01:00:00.000Z',
    })
    expect(doc).toMatchObject({
      _id: 'stationSecret:xinghe-01',
      type: 'stationSecret',
      stationId: 'xinghe-01',
      keyId: 'station.xinghe-01.3f9a1c2b7d40',
      algorithm: 'HMAC-SHA-256',
      createdBy: '王芳',
    })
    expect(stationSecretDocId('xinghe-01')).toBe(doc._id)
    // Two desks that each made one while apart made two keys: their hashes never pass for each other's.
    expect(stationKeyId('xinghe-01', '000000000001')).not.toBe(doc.keyId)
    expect(KEY_ID.test(doc.keyId)).toBe(true)
  })
})
