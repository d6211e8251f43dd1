// 立即同步 against a real CouchDB-protocol server on 127.0.0.1, provisioned as a technician does it:
// a large upload in batches whose progress reaches its total, a run cancelled half-way that 继续
// finishes from its checkpoint without doubling anything, a first download into an empty station,
// and the server missing, killed mid-run, or refusing the password. The live sync stands aside
// while a run goes on and carries on after it. A document central refuses is listed until an upload
// of it gets through.
import { createServer, type Socket } from 'node:net'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it } from 'vitest'
import { DeviceStore } from '../../renderer/src/data/deviceStore'
import { newNeedDoc, type NeedDoc } from '../../renderer/src/domain/needs'
import type { SyncSettings } from '../../renderer/src/domain/sync'
import { BatchSync, type BatchState } from '../../renderer/src/sync/batchSync'
import { refusedDocs } from '../../renderer/src/sync/refusedDocs'
import { StationSync } from '../../renderer/src/sync/stationSync'
import { recentRuns } from '../../renderer/src/sync/syncJournal'
import { centralForTests, closedPort, until } from '../support/syncTestKit'
import { residentForm, ulidAt } from '../support/sampleNeeds'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

const STATIONS = ['bpush-01', 'bresume-02', 'bpull-03', 'bfault-04', 'blive-05', 'bhang-06', 'brefuse-07'] as const
type Code = (typeof STATIONS)[number]
const PASSWORD = 'pw-批量-sync'
const N = 600

const kit = centralForTests(Object.fromEntries(STATIONS.map((code) => [code, PASSWORD])), 60_000)
const { cleanups, adminDb } = kit
let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`

const settingsOf = (code: Code, over: Partial<SyncSettings> = {}) => kit.settingsOf(code, over)

/** `count` needs of station `code`, ids sortable by `n`. */
function needs(code: Code, count: number, from = 0): NeedDoc[] {
  const at = '2026-11-23T02:00:00.000Z'
  return Array.from({ length: count }, (_, i) =>
    newNeedDoc(residentForm(from + i), { stationId: code, ulid: ulidAt(Date.parse(at), from + i), number: `B-${from + i}` }, '2026-11-26', { by: '王芳', at }),
  )
}

/** A station's local database, device store and batch sync (memory adapter: fast). */
function openStation(options: ConstructorParameters<typeof BatchSync>[3] = {}, live: StationSync | null = null) {
  const db = new MemoryPouch(unique('station'))
  const device = new DeviceStore(unique('device'))
  const batch = new BatchSync(db, device, live, { batchSize: 50, ...options })
  cleanups.push(async () => {
    await batch.close()
    device.close()
    await db.destroy()
  })
  return { db, device, batch }
}

/** A station with its live sync too, which 立即同步 stops for a run and, had it been running, starts again after. */
function openLiveStation() {
  const db = new MemoryPouch(unique('station'))
  const device = new DeviceStore(unique('device'))
  const live = new StationSync(db, device, { backoff: { firstMs: 100, maxMs: 1000 } })
  const batch = new BatchSync(db, device, live, { batchSize: 50, resumeLive: async () => true })
  cleanups.push(async () => {
    await batch.close()
    await live.close()
    device.close()
    await db.destroy()
  })
  return { db, device, live, batch }
}

/** Every state the batch sync went through. */
function record(batch: BatchSync): BatchState[] {
  const states: BatchState[] = []
  batch.subscribe(() => states.push(batch.getState()))
  return states
}

/** Ids of the needs in a database (design documents and the like left out). */
async function needIds(db: PouchDB.Database): Promise<string[]> {
  return (await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff' })).rows.map((row) => row.id)
}

describe('立即同步 uploads in batches', () => {
  it('pushes 600 needs batch by batch, with progress reaching its total', async () => {
    const { db, device, batch } = openStation()
    await db.bulkDocs(needs('bpush-01', N))
    const states = record(batch)
    const started = Date.now()

    const end = await batch.run(settingsOf('bpush-01'), PASSWORD)
    const took = Date.now() - started

    expect(end).toMatchObject({ phase: 'done', up: N, denied: 0, problem: null })
    // Counted before the first batch: the 600 needs up, and the station's design document down.
    const running = states.filter((s) => s.phase === 'running')
    const totals = new Set(running.map((s) => s.total))
    expect([...totals]).toEqual([N + 1])
    expect(end.done).toBe(N + 1)
    expect(end.total).toBe(N + 1)
    // In batches of 50: the count climbs step by step, never backwards, never past the total.
    const pushed = [...new Set(running.filter((s) => s.step === 'push').map((s) => s.done))]
    expect(pushed.length).toBeGreaterThanOrEqual(N / 50)
    expect(pushed).toEqual([...pushed].sort((a, b) => a - b))
    expect(pushed.every((done) => done % 50 === 0 && done <= N)).toBe(true)
    expect(running.some((s) => s.step === 'pull')).toBe(true)
    // Samples for the time still needed were taken as it went.
    expect(end.samples.length).toBeGreaterThan(1)

    const onServer = await needIds(adminDb('bpush-01'))
    expect(onServer.length).toBe(N)
    expect(new Set(onServer).size).toBe(N)
    // One journal line, marked as 立即同步.
    const [line] = await recentRuns(device, 5)
    expect(line).toMatchObject({ kind: 'batch', outcome: 'synced', up: N, down: 1, denied: 0, errors: [] })
    console.info(`batch push of ${N} needs: ${took} ms, ${Math.round((N / took) * 1000)} docs/s`)
  })
})

describe('cancel and 继续', () => {
  it('stops after a batch, and 继续 finishes from the checkpoint without doubling anything', async () => {
    const { db, device, batch } = openStation()
    await db.bulkDocs(needs('bresume-02', N))
    const settings = settingsOf('bresume-02')

    // The screen offers 继续 as soon as it shows the run as cancelled (a render at that moment sees it).
    let offered: boolean | null = null
    const unsubscribe = batch.subscribe(() => {
      if (batch.getState().phase === 'cancelled') offered = batch.canResume(settings) && !batch.busy
    })
    const first = batch.run(settings, PASSWORD)
    await until(() => batch.getState().done >= 200, 'a third of the upload')
    batch.cancel()
    const stopped = await first
    expect(stopped.phase).toBe('cancelled')
    // It stopped at the end of a batch: what it counts as done is exactly what central has.
    const partly = (await needIds(adminDb('bresume-02'))).length
    expect(partly).toBeGreaterThanOrEqual(200)
    expect(partly).toBeLessThan(N)
    expect(partly).toBe(stopped.done)
    expect(stopped.up).toBe(partly)
    expect(batch.canResume(settings)).toBe(true)
    expect(offered).toBe(true)
    unsubscribe()

    const states = record(batch)
    const end = await batch.run(settings, PASSWORD, { resume: true })
    expect(end.phase).toBe('done')
    // 继续 goes on with the same job: its count starts where the cancelled run stopped.
    const running = states.filter((s) => s.phase === 'running')
    expect(running[0]!.done).toBe(stopped.done)
    // Counted once, before the first batch, and reached exactly: the needs the first run uploaded
    // are in central's feed now, but as this job's own uploads they are not counted again.
    expect(running.every((s) => s.total === N + 1)).toBe(true)
    expect(end).toMatchObject({ done: N + 1, total: N + 1 })
    // Each need was written once over both runs.
    expect(end.up).toBe(N)

    const onServer = await needIds(adminDb('bresume-02'))
    expect(onServer.length).toBe(N)
    expect(new Set(onServer).size).toBe(N)
    expect(await needIds(db)).toEqual(onServer)

    // The second run transferred only what the first had not checkpointed.
    const [second, firstLine] = await recentRuns(device, 5)
    expect(firstLine).toMatchObject({ kind: 'batch', outcome: 'stopped' })
    expect(second).toMatchObject({ kind: 'batch', outcome: 'synced' })
    expect(second!.up).toBe(N - partly)
    console.info(`cancelled after ${stopped.done} checked, ${partly} on the server; 继续 uploaded ${second!.up}`)
  })

  it('cancels while counting: nothing moves, and a fresh 立即同步 starts from zero', async () => {
    const { db, batch } = openStation()
    await db.bulkDocs(needs('bresume-02', 10, 5000))
    const run = batch.run(settingsOf('bresume-02'), PASSWORD)
    batch.cancel()
    expect((await run).phase).toBe('cancelled')
    const fresh = await batch.run(settingsOf('bresume-02'), PASSWORD)
    expect(fresh.phase).toBe('done')
    expect(fresh.up).toBe(10)
  })
})

describe('立即同步 downloads', () => {
  it('fills an empty station from central, with progress', async () => {
    await adminDb('bpull-03').bulkDocs(needs('bpull-03', N))
    const { db, batch } = openStation()
    const states = record(batch)

    const end = await batch.run(settingsOf('bpull-03'), PASSWORD)

    expect(end).toMatchObject({ phase: 'done', up: 0, down: N + 1, done: N + 1, total: N + 1 })
    const pulled = [...new Set(states.filter((s) => s.phase === 'running' && s.step === 'pull').map((s) => s.done))]
    expect(pulled.length).toBeGreaterThanOrEqual(N / 50)
    expect(states.filter((s) => s.phase === 'running').every((s) => s.total === N + 1)).toBe(true)
    const local = await needIds(db)
    expect(local.length).toBe(N)
    expect(local).toEqual(await needIds(adminDb('bpull-03')))

    // Run again: nothing left to do, and it says so at once.
    const again = await batch.run(settingsOf('bpull-03'), PASSWORD)
    expect(again).toMatchObject({ phase: 'done', done: 0, total: 0, up: 0, down: 0 })
  })
})

describe('faults', () => {
  it('no server: a clear verdict, nothing lost, a journal line', async () => {
    const { db, device, batch } = openStation()
    await db.bulkDocs(needs('bfault-04', 20))
    const end = await batch.run(settingsOf('bfault-04', { url: `http://127.0.0.1:${await closedPort()}/` }), PASSWORD)
    expect(end).toMatchObject({ phase: 'failed', problem: 'unreachable', done: 0, up: 0 })
    expect((await needIds(db)).length).toBe(20)
    const [line] = await recentRuns(device, 5)
    expect(line).toMatchObject({ kind: 'batch', outcome: 'offline', up: 0 })
    expect(line!.errors.length).toBe(1)
  })

  it('a wrong password is told apart from no server', async () => {
    const { batch } = openStation()
    const end = await batch.run(settingsOf('bfault-04'), 'wrong')
    expect(end).toMatchObject({ phase: 'failed', problem: 'wrongPassword' })
  })

  it('the server killed mid-run: the run fails as unreachable, and 继续 finishes once it is back', async () => {
    const { db, batch } = openStation()
    await db.bulkDocs(needs('bfault-04', N, 1000))
    const settings = settingsOf('bfault-04')
    const run = batch.run(settings, PASSWORD)
    await until(() => batch.getState().done >= 150, 'part of the upload')
    kit.server.kill()
    const failed = await run
    expect(failed).toMatchObject({ phase: 'failed', problem: 'unreachable' })
    expect(failed.done).toBeLessThan(N)
    expect(batch.canResume(settings)).toBe(true)

    await kit.server.restart()
    const states = record(batch)
    const end = await batch.run(settings, PASSWORD, { resume: true })
    expect(end.phase).toBe('done')
    // The count goes on from where the failed run stopped to the total counted at its start.
    expect(end.done).toBe(N + 1)
    expect(states.filter((s) => s.phase === 'running').every((s) => s.total === N + 1)).toBe(true)
    const onServer = (await needIds(adminDb('bfault-04'))).filter((id) => id >= `need:bfault-04:${ulidAt(Date.parse('2026-11-23T02:00:00.000Z'), 1000)}`)
    expect(onServer.length).toBe(N)
    expect(new Set(onServer).size).toBe(N)
  }, 40_000)
})

describe('a server that stops answering', () => {
  it('取消 while counting lets the run go after a short wait', async () => {
    // Accepts connections and never answers.
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => {
      sockets.add(socket)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = silent.address() as { port: number }
      const { batch } = openStation({ cancelWaitMs: 300 })
      const run = batch.run(settingsOf('bhang-06', { url: `http://127.0.0.1:${port}/` }), PASSWORD)
      await until(() => sockets.size > 0, 'the count asked the server')
      const asked = Date.now()
      batch.cancel()
      expect(batch.getState().phase).toBe('cancelling')
      const end = await run
      expect(end.phase).toBe('cancelled')
      expect(Date.now() - asked).toBeLessThan(2000)
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('取消 while an upload hangs lets the run go; 继续 finishes without doubles', async () => {
    // The server takes no more uploads (the requests hang), as a connection dying silently would.
    let hang = false
    let hanging = 0
    const Pouch = PouchDB.defaults({
      fetch: ((url: string | URL | Request, init?: RequestInit) => {
        if (!hang || !String(url).includes('_bulk_docs')) return fetch(url, init)
        hanging++
        return new Promise<Response>(() => undefined)
      }) as typeof fetch,
    } as PouchDB.Configuration.RemoteDatabaseConfiguration) as PouchDB.Static
    const { db, batch } = openStation({ Pouch, cancelWaitMs: 300 })
    await db.bulkDocs(needs('bhang-06', 300))
    const settings = settingsOf('bhang-06')
    const run = batch.run(settings, PASSWORD)
    await until(() => batch.getState().done >= 100, 'part of the upload')
    hang = true
    await until(() => hanging > 0, 'an upload hanging')
    const asked = Date.now()
    batch.cancel()
    const stopped = await run
    expect(stopped.phase).toBe('cancelled')
    expect(Date.now() - asked).toBeLessThan(2000)

    hang = false
    const end = await batch.run(settings, PASSWORD, { resume: true })
    expect(end.phase).toBe('done')
    const onServer = await needIds(adminDb('bhang-06'))
    expect(onServer.length).toBe(300)
    expect(new Set(onServer).size).toBe(300)
  })
})

describe('the live sync during 立即同步', () => {
  it('is stopped for the run and started again after it; the two agree on what is uploaded', async () => {
    const { db, live, batch } = openLiveStation()
    const settings = settingsOf('blive-05')
    await live.start(settings, PASSWORD)
    await until(() => live.status.phase === 'online', 'the live sync online')
    await db.bulkDocs(needs('blive-05', N))

    const run = batch.run(settings, PASSWORD)
    await until(() => batch.getState().phase === 'running', 'the batch running')
    expect(live.running).toBe(false)
    expect(batch.getState().livePaused).toBe(true)
    const end = await run
    expect(end.phase).toBe('done')
    expect(end.livePaused).toBe(false)
    expect(live.running).toBe(true)

    // The live sync reads how far 立即同步 got: nothing is left to upload.
    await until(() => live.status.phase === 'online' && live.status.pending === 0, 'the live sync caught up, nothing pending')
    const onServer = await needIds(adminDb('blive-05'))
    expect(onServer.length).toBe(N)
    expect(new Set(onServer).size).toBe(N)
  })

  it('stopped by the clerk, it stays stopped; what it shows follows the run', async () => {
    const { db, live, batch } = openLiveStation()
    const settings = settingsOf('blive-05')
    await db.bulkDocs(needs('blive-05', 30, 2000))
    await live.restore(settings) // as the app opens, with sync set up but stopped
    expect(live.status).toMatchObject({ running: false, pending: 30, lastSyncedAt: null })

    const end = await batch.run(settings, PASSWORD)
    expect(end).toMatchObject({ phase: 'done', up: 30, livePaused: false })
    expect(live.running).toBe(false)
    // The header: nothing waits for upload (the downloaded needs are not counted as such), synced at the run's end.
    expect(live.status).toMatchObject({ running: false, pending: 0, lastSyncedAt: end.endedAt })
  })
})

describe('documents central refuses', () => {
  it('立即同步 lists them with the server’s reason; corrected, the live sync uploads them and the list clears', async () => {
    const { db, device, live, batch } = openLiveStation()
    const settings = settingsOf('brefuse-07')
    const [good, bad] = needs('brefuse-07', 2)
    // Written without the phone central requires (an older version of the app, say).
    const [, written] = await db.bulkDocs([good!, { ...bad!, resident: { ...bad!.resident, phone: '' } }])

    const end = await batch.run(settings, PASSWORD)
    expect(end).toMatchObject({ phase: 'done', up: 1, denied: 1 })
    const listed = await refusedDocs(device)
    expect(listed).toEqual([{ id: bad!._id, rev: expect.any(String), reason: 'badShape: resident.phone is required', at: expect.any(String) }])
    // CouchDB 3 names the revision it refused; the tests' server does not.
    expect([written!.rev, '']).toContain(listed[0]!.rev)

    // The clerk corrects it (更正登记信息); the live sync uploads the new revision and the list clears.
    const stored = await db.get<NeedDoc>(bad!._id)
    await db.put({ ...stored, resident: { ...stored.resident, phone: '13800138000' } })
    await live.start(settings, PASSWORD)
    await until(async () => (await refusedDocs(device)).length === 0, 'the corrected need off the list')
    expect((await adminDb('brefuse-07').get<NeedDoc>(bad!._id)).resident.phone).toBe('13800138000')
  })
})
