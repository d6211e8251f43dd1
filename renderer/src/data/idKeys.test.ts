import { createHmac, createSecretKey } from 'node:crypto'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it } from 'vitest'
import { newNeedDoc, type NeedForm } from '../domain/needs'
import { idKeyText } from '../domain/personal'
import type { StationSecretDoc } from '../domain/station'
import { idKeyTexts, StationSecrets } from './idKeys'
import { openLocalDb } from './localDb'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
let made = 0
const freshDb = () => openLocalDb(`id-keys-${process.pid}-${++made}`, MemoryPouch)
const actor = { by: '王芳', at: '2026-11-23T01:00:00.000Z' }

const ID = '11010519491231002X'
const form = (idCard: string): NeedForm => ({
  residentName: '张三',
  phone: '13800138000',
  idCard,
  village: '星河村',
  address: '',
  categoryItem: 'other.other',
  channel: 'window',
  urgency: 'normal',
  description: '路灯坏了',
})
const need = (n: number, idCard: string) =>
  newNeedDoc(form(idCard), { stationId: 'xinghe-01', ulid: `01JCNEED${String(n).padStart(18, '0')}`, number: `20261123-00${n}` }, '2026-11-26', actor)

describe('hashing ID numbers with the station’s secret', () => {
  it('is HMAC-SHA-256 of the normalised number under the secret, in base64url, and holds nothing of the number', async () => {
    const db = freshDb()
    const keyer = await new StationSecrets(db).ensure('xinghe-01', actor)
    const stored = await db.get<StationSecretDoc>('stationSecret:xinghe-01')
    const expected = createHmac('sha256', createSecretKey(stored.secret, 'base64')).update(ID).digest('base64url')
    const key = await keyer.keyOf(ID)
    expect(key).toEqual({ keyId: stored.keyId, hmac: expected })
    expect(createSecretKey(stored.secret, 'base64').symmetricKeySize).toBe(32)
    for (const part of [ID, ID.slice(0, 6), ID.slice(6, 14), ID.slice(-4), '110105********002X']) expect(idKeyText(key)).not.toContain(part)
    await db.destroy()
  })

  it('makes the station’s secret once, however many ask at once, and every later ask gets that one', async () => {
    const db = freshDb()
    const secrets = new StationSecrets(db)
    const keyers = await Promise.all([secrets.ensure('xinghe-01', actor), secrets.ensure('xinghe-01', actor), new StationSecrets(db).ensure('xinghe-01', actor)])
    expect(new Set(keyers.map((k) => k.keyId)).size).toBe(1)
    expect((await db.allDocs({ startkey: 'stationSecret:', endkey: 'stationSecret:\uffff' })).rows).toHaveLength(1)
    expect((await secrets.current())?.keyId).toBe(keyers[0]!.keyId)
    await db.destroy()
  })

  it('gives one number different hashes under two stations’ secrets', async () => {
    const [a, b] = [freshDb(), freshDb()]
    const [ka, kb] = await Promise.all([new StationSecrets(a).ensure('xinghe-01', actor), new StationSecrets(b).ensure('xinghe-01', actor)])
    expect(ka.keyId).not.toBe(kb.keyId)
    expect((await ka.keyOf(ID)).hmac).not.toBe((await kb.keyOf(ID)).hmac)
    await Promise.all([a.destroy(), b.destroy()])
  })

  it('has no key at all while the station has no secret, or only a malformed one', async () => {
    const db = freshDb()
    expect(await new StationSecrets(db).current()).toBeNull()
    await db.put({ _id: 'stationSecret:xinghe-01', type: 'stationSecret', keyId: 'station.xinghe-01.x', secret: 'not base64' })
    expect(await new StationSecrets(db).current()).toBeNull()
    expect(await idKeyTexts([need(1, ID)], null)).toEqual(new Map())
    await db.destroy()
  })

  it('takes a need’s stored hash under the same key, and hashes the others from their number', async () => {
    const db = freshDb()
    const keyer = await new StationSecrets(db).ensure('xinghe-01', actor)
    const made = await keyer.keyOf(ID)
    const old = { keyId: 'station.xinghe-01.000000000000', hmac: 'A'.repeat(43) }
    const withStored = { ...need(1, ID), resident: { name: '张三', phone: '13800138000', idCard: ID, idKey: made } }
    const underOldKey = { ...need(2, ID), resident: { name: '张三', phone: '13800138000', idCard: ID, idKey: old } }
    const fromBefore = need(3, ID.toLowerCase())
    const noId = need(4, '')
    const texts = await idKeyTexts([withStored, underOldKey, fromBefore, noId], keyer)
    expect([...texts.keys()]).toEqual([withStored._id, underOldKey._id, fromBefore._id])
    expect(new Set(texts.values())).toEqual(new Set([idKeyText(made)]))
    await db.destroy()
  })
})
