// Station side of live sync against a real CouchDB-protocol server started on 127.0.0.1 and
// provisioned the way a technician does it: two stations write offline and converge with central,
// a change made on central reaches the station's ledger without a reload, a server killed in the
// middle of a large replication comes back and nothing is lost or doubled, and the connection test
// tells a wrong password from a wrong station from no server at all.
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it } from 'vitest'
import { DeviceStore } from '../../renderer/src/data/deviceStore'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import { newNeedDoc, type NeedDoc } from '../../renderer/src/domain/needs'
import type { StationForm } from '../../renderer/src/domain/station'
import type { SyncSettings, SyncState } from '../../renderer/src/domain/sync'
import { StationSync } from '../../renderer/src/sync/stationSync'
import { recentRuns } from '../../renderer/src/sync/syncJournal'
import { residentForm } from '../support/sampleNeeds'
import { centralForTests, closedPort, until } from '../support/syncTestKit'

const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static
const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

// Short retry delays: the behaviour is the same as in the app (1 s → 60 s), only faster.
const FAST = { backoff: { firstMs: 100, maxMs: 1000 } }
const PASSWORDS = { 'xinghe-01': 'pw-xinghe-口令', 'dongfeng-02': 'pw-dongfeng' } as const
type Code = keyof typeof PASSWORDS

const kit = centralForTests(PASSWORDS)
const { cleanups, adminDb } = kit
let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`

const settingsOf = (code: Code, over: Partial<SyncSettings> = {}) => kit.settingsOf(code, over)

const stationForm = (code: Code): StationForm => ({
  name: `${code} 党群服务驿站`,
  code,
  phone: '',
  villages: ['星河村'],
  staff: ['王芳'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
})

const needForm = (n: number) => residentForm(n, { description: `第 ${n} 件诉求` })

/** A station as the app runs it: PouchDB on IndexedDB, the read model, the ledger, and sync. */
async function openStation(code: Code): Promise<{ services: Services; sync: StationSync }> {
  const names = { db: unique(`tongxin-${code}`), readModel: unique('read'), device: unique('device') }
  const services = await startServices(names, openLocalDb(names.db, IdbPouch))
  const sync = new StationSync(services.db, services.device, FAST)
  cleanups.push(async () => {
    await sync.close()
    await services.close()
  })
  const saved = await services.stations.save(stationForm(code), { by: '王芳', at: new Date().toISOString() })
  if (!saved.ok) throw new Error('station form refused')
  return { services, sync }
}

const synced = (sync: StationSync) => (s: SyncState = sync.status) => s.phase === 'online' && s.pending === 0

/** id → rev of every document but design documents. */
async function contents(db: PouchDB.Database): Promise<Map<string, string>> {
  const all = await db.allDocs()
  return new Map(all.rows.filter((row) => !row.id.startsWith('_design/')).map((row) => [row.id, row.value.rev]))
}

describe('two stations and the central server', () => {
  it('both write offline, go online, and each converges with its own central database', async () => {
    const stations = await Promise.all((['xinghe-01', 'dongfeng-02'] as const).map(async (code) => ({ code, ...(await openStation(code)) })))
    // Offline: needs are registered, and the header can already say how many wait for upload.
    for (const { code, services, sync } of stations) {
      const station = (await services.stations.current())!
      for (let n = 1; n <= 5; n++) {
        const result = await services.needs.register(needForm(n), { station, by: '王芳', at: new Date().toISOString() })
        expect(result.ok).toBe(true)
      }
      await sync.restore(settingsOf(code))
      expect(sync.status).toMatchObject({ phase: 'paused', pending: 6 }) // the station's settings and five needs
    }

    for (const { code, sync } of stations) await sync.start(settingsOf(code), PASSWORDS[code])
    for (const { sync } of stations) await until(() => synced(sync)(), 'both stations synced')

    for (const { code, services, sync } of stations) {
      const local = await contents(services.db)
      expect(local.size).toBe(6)
      expect(await contents(adminDb(code))).toEqual(local)
      expect(sync.status.lastSyncedAt).not.toBeNull()
      expect(sync.status.totals.up).toBe(6)
      // Each station's documents are its own: nothing of the other station came down.
      expect([...local.keys()].every((id) => id.includes(code))).toBe(true)
    }

    // A need registered while online reaches the server by itself.
    const [{ code, services, sync }] = stations as [(typeof stations)[number]]
    const station = (await services.stations.current())!
    const later = await services.needs.register(needForm(6), { station, by: '王芳', at: new Date().toISOString() })
    if (!later.ok) throw new Error('refused')
    await until(async () => !!(await adminDb(code).get(later.value._id).catch(() => null)), 'the new need on the server')
    await until(() => synced(sync)(), 'synced again')

    // The journal has the runs, newest first.
    await sync.settled()
    const runs = await recentRuns(services.device)
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.reduce((sum, run) => sum + run.up, 0)).toBe(7)
    expect(runs.every((run) => run.errors.length === 0)).toBe(true)
  })

  it('a change written on central reaches the station’s ledger with no reload', async () => {
    const { services, sync } = await openStation('xinghe-01')
    await sync.start(settingsOf('xinghe-01'), PASSWORDS['xinghe-01'])
    await until(() => synced(sync)(), 'synced')

    // Another desk of the same station registered this need; it is on the server only.
    const at = new Date().toISOString()
    const need: NeedDoc = newNeedDoc(
      { ...needForm(99), idCard: '', address: '', residentName: '远程群众' } as never,
      { stationId: 'xinghe-01', ulid: '01JREMOTE0000000000000000A', number: 'X-999' },
      '2026-12-31',
      { by: '刘洋', at },
    )
    await adminDb('xinghe-01').put(need)
    await until(() => services.ledger.get(need._id) !== undefined, 'the remote need in the ledger store')
    expect(services.ledger.get(need._id)).toMatchObject({ id: need._id, number: 'X-999' })
    expect(sync.status.totals.down).toBeGreaterThanOrEqual(1)
  })
})

describe('a server killed in the middle of a large replication', () => {
  it('resumes by itself after the restart; everything converges and nothing is doubled', async () => {
    const db = new MemoryPouch(unique('big'))
    const device = new DeviceStore(unique('device'))
    const sync = new StationSync(db, device, { ...FAST, batchSize: 50 })
    cleanups.push(async () => {
      await sync.close()
      device.close()
      await db.destroy()
    })
    const at = new Date().toISOString()
    const docs = Array.from({ length: 2000 }, (_, i) =>
      newNeedDoc(
        { ...needForm(i), idCard: '', address: '' } as never,
        { stationId: 'dongfeng-02', ulid: `01JBIG${String(i).padStart(20, '0')}`, number: `D-${i}` },
        '2026-12-31',
        { by: '王芳', at },
      ),
    )
    await db.bulkDocs(docs)
    const server = adminDb('dongfeng-02')
    const before = (await contents(server)).size

    await sync.start(settingsOf('dongfeng-02'), PASSWORDS['dongfeng-02'])
    await until(async () => (await server.info()).doc_count > before + 200, 'part of the upload on the server')
    kit.server.kill()
    await until(() => sync.status.phase === 'offline', 'the station to notice the server is gone')
    expect(sync.status.pending).toBeGreaterThan(0)
    await kit.server.restart()
    await until(() => synced(sync)(), 'synced after the restart', 40_000)

    const local = await contents(db)
    const remote = await contents(server)
    expect(remote).toEqual(local)
    // Counted by id: each of the 2,000 needs once, on both sides.
    const ids = (await server.allDocs({ startkey: 'need:dongfeng-02:01JBIG', endkey: 'need:dongfeng-02:01JBIG\uffff' })).rows.map((r) => r.id)
    expect(ids.length).toBe(2000)
    expect(new Set(ids).size).toBe(2000)
    await sync.settled()
    const runs = await recentRuns(device, 500)
    expect(runs.some((run) => run.outcome === 'offline')).toBe(true)
  }, 50_000)
})

describe('testing the connection', () => {
  it('gives a clear verdict for each case', async () => {
    const sync = new StationSync(new MemoryPouch(unique('verdicts')), new DeviceStore(unique('device')))
    expect(await sync.testConnection(settingsOf('xinghe-01'), PASSWORDS['xinghe-01'])).toBe('ok')
    expect(await sync.testConnection(settingsOf('xinghe-01'), 'wrong')).toBe('wrongPassword')
    expect(await sync.testConnection(settingsOf('xinghe-01', { username: 'nobody' }), 'x')).toBe('wrongPassword')
    // Station A's user and password, but station B's code.
    expect(await sync.testConnection(settingsOf('dongfeng-02', { username: 'station-xinghe-01' }), PASSWORDS['xinghe-01'])).toBe('wrongStation')
    expect(await sync.testConnection({ ...settingsOf('xinghe-01'), stationCode: 'never-set-up' }, PASSWORDS['xinghe-01'])).toBe('notSetUp')
    expect(await sync.testConnection(settingsOf('xinghe-01', { url: `http://127.0.0.1:${await closedPort()}/` }), 'x')).toBe('unreachable')
  })

  it('stops with "wrong password" instead of retrying for ever', async () => {
    const { sync } = await openStation('xinghe-01')
    await sync.start(settingsOf('xinghe-01'), 'wrong')
    await until(() => sync.status.phase === 'error', 'the error')
    expect(sync.status).toMatchObject({ running: false, problem: 'wrongPassword' })
  })

  it('goes offline, not into an error, when there is no server, and keeps counting local work', async () => {
    const { services, sync } = await openStation('xinghe-01')
    await sync.start(settingsOf('xinghe-01', { url: `http://127.0.0.1:${await closedPort()}/` }), 'x')
    await until(() => sync.status.phase === 'offline', 'offline')
    expect(sync.status.problem).toBe('unreachable')
    await until(() => sync.status.pending === 1, 'the station settings counted as not uploaded')
    const station = (await services.stations.current())!
    await services.needs.register(needForm(1), { station, by: '王芳', at: new Date().toISOString() })
    await until(() => sync.status.pending === 2, 'the new need counted')
  })
})

describe('station credentials', () => {
  it('cannot read or write another station’s database', async () => {
    const asA = { username: 'station-xinghe-01', password: PASSWORDS['xinghe-01'] }
    const bDb = new PouchDB(`${kit.server.url}station-dongfeng-02`, { skip_setup: true, auth: asA })
    await expect(bDb.allDocs()).rejects.toMatchObject({ status: expect.any(Number) })
    await expect(bDb.get('station:dongfeng-02')).rejects.toMatchObject({ status: expect.any(Number) })
    const need = newNeedDoc(
      { ...needForm(1), idCard: '', address: '' } as never,
      { stationId: 'dongfeng-02', ulid: '01JINTRUDER000000000000000', number: 'I-1' },
      '2026-12-31',
      { by: 'x', at: new Date().toISOString() },
    )
    await expect(bDb.put(need)).rejects.toMatchObject({ status: expect.any(Number) })
    const status = (error: unknown) => (error as { status: number }).status
    expect([401, 403]).toContain(await bDb.allDocs().catch(status))
    expect([401, 403]).toContain(await bDb.put(need).catch(status))
    expect(await adminDb('dongfeng-02').get(need._id).catch(status)).toBe(404)
  })
})
