// 重复来访 through the services, on PouchDB as the app runs it: a resident's earlier visits are found by the
// keyed hash of their ID number (HMAC-SHA-256 under the station's secret), open and closed, with how each
// ended; strangers whose numbers differ by a digit, or share the masked form, are not; needs registered on
// another desk of the station, or before hashes existed, are found too; and no hash holds the number.
import Dexie from 'dexie'
import PouchDB from 'pouchdb-browser'
import { describe, expect, it } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import { maskIdCard } from '../../renderer/src/domain/personal'
import { newNeedDoc, newNeedEventDoc, type NeedDoc, type NeedEventInput, type NeedFormInput } from '../../renderer/src/domain/needs'
import type { StationDoc, StationForm, StationSecretDoc } from '../../renderer/src/domain/station'
import { StationSync } from '../../renderer/src/sync/stationSync'
import { china } from '../support/chinaTime'
import { residentForm } from '../support/sampleNeeds'
import { stationTests } from '../support/stationTests'
import { centralForTests, until } from '../support/syncTestKit'

const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static

const STATION: StationForm = {
  name: '星河党群服务驿站',
  code: 'xinghe-01',
  phone: '',
  villages: ['星河村'],
  staff: ['王芳', '刘洋'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}
const desks = stationTests('repeat-visits', STATION, china('2026-11-20T08:00:00'))

// The example printed in GB 11643-1999, and near misses: each valid, each someone else.
const ID = '11010519491231002X'
/** one digit of the body different (and so its check character) */
const ONE_DIGIT_OFF = '110105194912310038'
/** another person entirely, whose masked form is the same 110105********002X */
const SAME_MASK = '11010519500118002X'

const resident = (idCard: string, n = 1, fields: Partial<NeedFormInput> = {}): NeedFormInput =>
  residentForm(n, { residentName: '张秀英', idCard, description: `第 ${n} 次来访`, ...fields })

async function register(services: Services, station: StationDoc, at: string, input: NeedFormInput): Promise<NeedDoc> {
  const result = await services.needs.register(input, { station, by: '王芳', at })
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`)
  return result.value
}

async function step(services: Services, station: StationDoc, needId: string, at: string, event: NeedEventInput) {
  const result = await services.needs.transition(needId, event, { station, by: '王芳', at })
  if (!result.ok) throw new Error(`step refused: ${JSON.stringify(result)}`)
}

/** The earlier visits of `idCard` as typed, once the projector has caught up. */
async function visitsOf(services: Services, station: StationDoc, idCard: string) {
  await services.projector.idle()
  return services.needs.earlierVisits(idCard, { station, by: '王芳', at: china('2026-12-01T09:00:00') })
}

/** Both ways, once: what two desks of one station exchange through central, here straight from one to the other. */
async function syncDesks(a: Services, b: Services) {
  await a.db.replicate.to(b.db)
  await b.db.replicate.to(a.db)
  await Promise.all([a.projector.idle(), b.projector.idle()])
}

describe('a resident’s earlier visits, by the hash of their ID number', () => {
  it('finds a closed earlier visit by the same ID number typed any way, with its outcome and the follow-up’s satisfaction', async () => {
    const { services, station } = await desks.openStation()
    const first = await register(services, station, china('2026-11-23T09:00:00'), resident(ID, 1))
    await step(services, station, first._id, china('2026-11-23T10:00:00'), { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } })
    await step(services, station, first._id, china('2026-11-24T10:00:00'), { kind: 'resolve', note: '已安排每周三次送餐' })
    await step(services, station, first._id, china('2026-11-25T10:00:00'), { kind: 'followUp', satisfaction: 'satisfied', note: '老人很满意' })
    const second = await register(services, station, china('2026-11-28T09:00:00'), resident(ID, 2))
    await register(services, station, china('2026-11-28T10:00:00'), residentForm(3, { idCard: '' }))

    const { visits, complete } = await visitsOf(services, station, ' 110105 19491231 002x ')
    expect(complete).toBe(true)
    // Newest first: the open one of today, then the closed one, with how it ended.
    expect(visits.map((visit) => visit.id)).toEqual([second._id, first._id])
    expect(visits[0]).toMatchObject({ status: 'pending', handler: null, resolution: null, satisfaction: null })
    expect(visits[1]).toMatchObject({
      number: first.number,
      status: 'closed',
      handler: { kind: 'cadre', name: '李书记' },
      resolution: '已安排每周三次送餐',
      satisfaction: 'satisfied',
      followUpNote: '老人很满意',
    })
  })

  it('does not take a near miss for the resident: a number one digit off, or another number with the same masked form', async () => {
    const { services, station } = await desks.openStation()
    const mine = await register(services, station, china('2026-11-23T09:00:00'), resident(ID, 1))
    const offByOne = await register(services, station, china('2026-11-23T09:10:00'), resident(ONE_DIGIT_OFF, 2))
    const sameMask = await register(services, station, china('2026-11-23T09:20:00'), resident(SAME_MASK, 3))
    expect(maskIdCard(SAME_MASK)).toBe(maskIdCard(ID))

    expect((await visitsOf(services, station, ID)).visits.map((visit) => visit.id)).toEqual([mine._id])
    expect((await visitsOf(services, station, ONE_DIGIT_OFF)).visits.map((visit) => visit.id)).toEqual([offByOne._id])
    expect((await visitsOf(services, station, SAME_MASK)).visits.map((visit) => visit.id)).toEqual([sameMask._id])
    // The masked form itself finds nobody: it is no ID number.
    expect((await visitsOf(services, station, '110105********002X')).visits).toEqual([])
  })

  it('finds a need registered on another desk of the station once synced: both desks hash with the station’s one secret', async () => {
    const a = await desks.openStation()
    const b = await desks.openStation()
    const onA = await register(a.services, a.station, china('2026-11-23T09:00:00'), resident(ID, 1))
    await syncDesks(a.services, b.services)
    const onB = await register(b.services, b.station, china('2026-11-24T09:00:00'), resident(ID, 2))
    // Desk B took desk A's secret: its need carries a hash under the same key.
    expect(onB.resident.idKey?.keyId).toBe(onA.resident.idKey?.keyId)
    expect(onB.resident.idKey).toEqual(onA.resident.idKey)
    await syncDesks(a.services, b.services)

    for (const desk of [a, b]) {
      const found = await visitsOf(desk.services, desk.station, ID)
      expect(found).toMatchObject({ complete: true })
      expect(found.visits.map((visit) => visit.id)).toEqual([onB._id, onA._id])
    }
  })

  it('settles two desks that each made a secret while apart on one, and each then finds the other’s needs', async () => {
    const a = await desks.openStation()
    const b = await desks.openStation()
    const onA = await register(a.services, a.station, china('2026-11-23T09:00:00'), resident(ID, 1))
    const onB = await register(b.services, b.station, china('2026-11-23T09:05:00'), resident(ID, 2))
    expect(onA.resident.idKey?.keyId).not.toBe(onB.resident.idKey?.keyId)

    await syncDesks(a.services, b.services)
    const [secretA, secretB] = await Promise.all([a, b].map((desk) => desk.services.db.get<StationSecretDoc>('stationSecret:xinghe-01')))
    expect(secretA!._rev).toBe(secretB!._rev)
    for (const desk of [a, b]) {
      const found = await visitsOf(desk.services, desk.station, ID)
      expect(found).toMatchObject({ complete: true })
      expect(found.visits.map((visit) => visit.id)).toEqual([onB._id, onA._id])
      expect(await desk.services.readModel.idKeyId()).toBe(secretA!.keyId)
    }
  })

  it('never stores a hash that equals or holds the ID number, and keeps the number out of the read model', async () => {
    const { services, station } = await desks.openStation()
    const need = await register(services, station, china('2026-11-23T09:00:00'), resident(ID, 1))
    await services.projector.idle()
    const idKey = need.resident.idKey!
    expect(idKey.hmac).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const readModel = JSON.stringify({ pages: await services.readModel.pages.toArray(), idKeys: await services.readModel.idKeyPages.toArray() })
    for (const part of [ID, ID.slice(0, 6), ID.slice(6, 14), ID.slice(-4), '11010519491231002']) {
      expect(idKey.hmac).not.toContain(part)
      expect(JSON.stringify(idKey)).not.toContain(part)
    }
    // The read model shows the masked form only (110105********002X), and finds by the hash alone.
    for (const part of [ID, ID.slice(6, 14), ID.slice(0, 14)]) expect(readModel).not.toContain(part)
    // A hash of the same number on another station is another hash: it is keyed, not a plain digest.
    const other = await desks.openStation()
    const elsewhere = await register(other.services, other.station, china('2026-11-23T09:00:00'), resident(ID, 1))
    expect(elsewhere.resident.idKey!.hmac).not.toBe(idKey.hmac)
  })

  it('follows a corrected ID number: the need leaves the old number’s visits and joins the new one’s', async () => {
    const { services, station } = await desks.openStation()
    const need = await register(services, station, china('2026-11-23T09:00:00'), resident(ID, 1))
    const corrected = await services.needs.correct(need._id, resident(ONE_DIGIT_OFF, 1), { station, by: '王芳', at: china('2026-11-23T11:00:00') })
    if (!corrected.ok) throw new Error(JSON.stringify(corrected))
    // The stored hash follows the number, under the same key.
    expect(corrected.value.resident).toMatchObject({ idCard: ONE_DIGIT_OFF, idKey: { keyId: need.resident.idKey!.keyId } })
    expect(corrected.value.resident.idKey).not.toEqual(need.resident.idKey)
    expect((await visitsOf(services, station, ID)).visits).toEqual([])
    expect((await visitsOf(services, station, ONE_DIGIT_OFF)).visits.map((visit) => visit.id)).toEqual([need._id])
  })
})

describe('needs registered before hashes existed', () => {
  const unique = (what: string) => `${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`

  it('are found once the station’s first lookup has made its secret, and are left as they were in PouchDB', async () => {
    const { services, station } = await desks.openStation()
    // Written as the app wrote them before: no hash, no secret; one closed with a follow-up.
    const old = newNeedDoc(
      { ...residentForm(1, { idCard: ID }), residentName: '张秀英' },
      { stationId: 'xinghe-01', ulid: '01JBOLDNEED000000000000001', number: '20261001-001' },
      '2026-10-04',
      { by: '刘洋', at: '2026-10-01T01:00:00.000Z' },
    )
    const saved = await services.db.put(old)
    const steps: NeedEventInput[] = [
      { kind: 'assign', handler: { kind: 'department', name: '民政办' } },
      { kind: 'resolve', note: '已办理低保' },
      { kind: 'followUp', satisfaction: 'basicallySatisfied' },
    ]
    await services.db.bulkDocs(
      steps.map((event, i) => newNeedEventDoc(old, `01JBOLDSTEP00000000000000${i}`, event, { by: '刘洋', at: `2026-10-0${i + 2}T01:00:00.000Z` })),
    )
    await services.projector.idle()
    expect(await services.db.allDocs({ keys: ['stationSecret:xinghe-01'] })).toMatchObject({ rows: [{ error: 'not_found' }] })

    // The first lookup makes the secret; the projector then hashes every stored number with it.
    await services.needs.earlierVisits(ID, { station, by: '王芳', at: china('2026-12-01T09:00:00') })
    const { visits, complete } = await visitsOf(services, station, ID)
    expect(complete).toBe(true)
    expect(visits).toMatchObject([{ id: old._id, status: 'closed', handler: { name: '民政办' }, resolution: '已办理低保', satisfaction: 'basicallySatisfied' }])
    expect((await services.db.get<NeedDoc>(old._id))._rev).toBe(saved.rev)
    expect((await services.db.get<NeedDoc>(old._id)).resident.idKey).toBeUndefined()
  })

  it('are hashed into a read model from before hashes on its next start, and a rebuild restores the index', async () => {
    const names = { db: unique('repeat-db'), readModel: unique('repeat-read'), device: unique('repeat-device') }
    const first = await startServices(names, openLocalDb(names.db, IdbPouch))
    const saved = await first.stations.save(STATION, { by: '王芳', at: china('2026-11-20T08:00:00') })
    if (!saved.ok) throw new Error('station refused')
    const station = saved.value
    const need = await register(first, station, china('2026-11-23T09:00:00'), resident(ID, 1))
    await first.projector.idle()
    const built = await first.readModel.idKeyPages.toArray()
    expect(built).toHaveLength(1)
    await first.close()

    // As a version 2 read model left it: rows and checkpoint, no hashes, no key.
    const v2 = new Dexie(names.readModel)
    await v2.open()
    await v2.table('idKeyPages').clear()
    await v2.table('meta').delete('idKeyId')
    v2.close()

    const second = await startServices(names, openLocalDb(names.db, IdbPouch))
    try {
      expect(await second.readModel.idKeyPages.toArray()).toEqual(built)
      expect((await visitsOf(second, station, ID)).visits.map((visit) => visit.id)).toEqual([need._id])

      await second.rebuildReadModel()
      expect(await second.readModel.idKeyPages.toArray()).toEqual(built)
      expect(await visitsOf(second, station, ID)).toMatchObject({ complete: true, visits: [{ id: need._id }] })
    } finally {
      await second.close()
      await Dexie.delete(names.readModel)
    }
  })
})

describe('two desks of a station syncing through central', () => {
  const PASSWORD = 'pw-xinghe-口令'
  const kit = centralForTests({ 'xinghe-01': PASSWORD })
  const has = (db: PouchDB.Database, id: string) => db.get(id).then(() => true, () => false)

  it('carries the station’s secret and each need’s hash past central’s validator, and each desk finds the other’s visits', async () => {
    const a = await desks.openStation()
    const b = await desks.openStation()
    const syncs = [a, b].map((desk) => new StationSync(desk.services.db, desk.services.device, { backoff: { firstMs: 100, maxMs: 1000 } }))
    try {
      const onA = await register(a.services, a.station, china('2026-11-23T09:00:00'), resident(ID, 1))
      for (const sync of syncs) await sync.start(kit.settingsOf('xinghe-01'), PASSWORD)
      await until(async () => (await has(b.services.db, 'stationSecret:xinghe-01')) && (await has(b.services.db, onA._id)), 'desk A’s secret and need on desk B')

      const onB = await register(b.services, b.station, china('2026-11-24T09:00:00'), resident(ID, 2))
      expect(onB.resident.idKey?.keyId).toBe(onA.resident.idKey?.keyId)
      await until(() => has(a.services.db, onB._id), 'desk B’s need on desk A')
      // Central took both, with their hashes, and the secret: nothing was refused.
      const central = kit.adminDb('xinghe-01')
      expect((await central.get<NeedDoc>(onB._id)).resident.idKey).toEqual(onB.resident.idKey)
      expect((await central.get<StationSecretDoc>('stationSecret:xinghe-01')).keyId).toBe(onA.resident.idKey?.keyId)

      for (const desk of [a, b]) {
        const found = await visitsOf(desk.services, desk.station, ID)
        expect(found.visits.map((visit) => visit.id)).toEqual([onB._id, onA._id])
      }
    } finally {
      for (const sync of syncs) await sync.close()
    }
  })
})
