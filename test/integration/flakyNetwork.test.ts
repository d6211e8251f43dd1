// Live sync over a bad network: the stations reach the tests' central server only through a proxy
// (test/support/flakyProxy.ts) that delays connections and chunks, cuts connections in the middle
// of a transfer and refuses new ones. Two desks of one station write offline, then sync through it
// (and go on writing) while it misbehaves; once it heals, both desks and the server hold the same
// documents, each exactly once. And a network that goes fully down and comes back is picked up
// again by StationSync by itself, with no reconnectNow() and no restart.
import { EventEmitter } from 'node:events'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it } from 'vitest'
import { DeviceStore } from '../../renderer/src/data/deviceStore'
import { newNeedDoc, type NeedDoc } from '../../renderer/src/domain/needs'
import type { SyncSettings, SyncPhase } from '../../renderer/src/domain/sync'
import { StationSync } from '../../renderer/src/sync/stationSync'
import { recentRuns } from '../../renderer/src/sync/syncJournal'
import { centralForTests, stationSettings, until } from '../support/syncTestKit'
import { startFlakyProxy, type FlakyProxy } from '../support/flakyProxy'
import { residentForm } from '../support/sampleNeeds'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

// The app's backoff (1 s → 60 s) made short; small batches make many requests, so many chances to fail.
const OPTIONS = { backoff: { firstMs: 50, maxMs: 500 }, batchSize: 25 }
const PASSWORDS = { 'xinghe-01': 'pw-xinghe-口令', 'dongfeng-02': 'pw-dongfeng' } as const
type Code = keyof typeof PASSWORDS

const kit = centralForTests(PASSWORDS)
const { cleanups } = kit
let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}`

async function flakyProxy(seed: number): Promise<FlakyProxy> {
  const proxy = await startFlakyProxy(() => kit.server.port, { seed })
  cleanups.push(async () => {
    await proxy.close()
    expect(proxy.stats().open).toBe(0)
  })
  return proxy
}

const settingsOf = (code: Code, proxy: FlakyProxy) => stationSettings(proxy.url, code)

/** The server as its admin sees it, directly (not through the proxy). */
const adminDb = (code: Code) => kit.adminDb(code)

const form = (desk: string, n: number) => residentForm(n, { residentName: `群众${desk}${n}`, description: `${desk} 台第 ${n} 件诉求` })

/** Needs of one desk: ids and contents that tell the desk and the number. */
const needsOf = (code: Code, desk: string, from: number, count: number): NeedDoc[] => {
  const at = new Date().toISOString()
  return Array.from({ length: count }, (_, i) =>
    newNeedDoc(
      form(desk, from + i),
      { stationId: code, ulid: `01JFLAKY${desk}${String(from + i).padStart(17, '0')}`, number: `${desk}-${from + i}` },
      '2026-12-31',
      { by: '王芳', at },
    ),
  )
}

interface Desk {
  name: string
  db: PouchDB.Database
  device: DeviceStore
  sync: StationSync
  /** every phase the header showed, in order (repeats collapsed) */
  phases: SyncPhase[]
}

function openDesk(name: string): Desk {
  const db = new MemoryPouch(unique(`desk-${name}`))
  const device = new DeviceStore(unique('device'))
  const sync = new StationSync(db, device, OPTIONS)
  const phases: SyncPhase[] = []
  sync.subscribe(() => {
    if (phases.at(-1) !== sync.status.phase) phases.push(sync.status.phase)
  })
  cleanups.push(async () => {
    await sync.close()
    device.close()
    await db.destroy()
  })
  return { name, db, device, sync, phases }
}

const synced = (desk: Desk) => desk.sync.status.phase === 'online' && desk.sync.status.pending === 0

/** Polls `check` until it holds; on timeout the error carries `diagnose()`'s account of the state. */
/** id → rev of every need. */
async function needRevs(db: PouchDB.Database): Promise<Map<string, string>> {
  const all = await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff' })
  return new Map(all.rows.map((row) => [row.id, row.value.rev]))
}

/** The needs' contents (number and description), one entry per document, sorted. */
async function needContents(db: PouchDB.Database): Promise<string[]> {
  const all = await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff', include_docs: true })
  return all.rows.map((row) => `${(row.doc as unknown as NeedDoc).number}|${(row.doc as unknown as NeedDoc).description}`).sort()
}

const sameRevs = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([id, rev]) => b.get(id) === rev)

describe('a network that drops, delays and refuses connections', () => {
  it('two desks write offline, sync through it while it misbehaves, and converge once it heals', async () => {
    const code = 'xinghe-01'
    const proxy = await flakyProxy(20_260_501)
    const desks = [openDesk('A'), openDesk('B')]
    const server = adminDb(code)
    const OFFLINE = 300
    let written = OFFLINE // per desk

    // Offline: each desk registers its needs before sync ever starts.
    for (const desk of desks) {
      const rows = await desk.db.bulkDocs(needsOf(code, desk.name, 0, OFFLINE))
      expect(rows.every((row) => 'ok' in row && row.ok)).toBe(true)
    }

    // Nine connections in ten are cut somewhere in their first 24 KB (a batch of 25 needs is ~16 KB),
    // about one in seven is refused, and every connection and chunk waits a little.
    proxy.configure({ connectDelayMs: 40, chunkDelayMs: 15, dropRate: 0.9, dropAfterBytes: [512, 24 * 1024], refuseRate: 0.15 })
    const flakySince = Date.now()
    for (const desk of desks) await desk.sync.start(settingsOf(code, proxy), PASSWORDS[code])

    const diagnose = async () => ({
      // what the server has and a desk lacks (the first few), and the reverse
      missing: await Promise.all(
        desks.map(async (desk) => {
          const [mine, theirs] = await Promise.all([needRevs(desk.db), needRevs(server)])
          const lacks = [...theirs.keys()].filter((id) => !mine.has(id))
          const extra = [...mine.keys()].filter((id) => !theirs.has(id))
          return { desk: desk.name, lacks: lacks.length, firstLacking: lacks.slice(0, 5), notOnServer: extra.length, firstNotOnServer: extra.slice(0, 5) }
        }),
      ),
      proxy: proxy.stats(),
      flakyForMs: Date.now() - flakySince,
      server: (await needRevs(server)).size,
      desks: await Promise.all(
        desks.map(async (desk) => ({
          desk: desk.name,
          needs: (await needRevs(desk.db)).size,
          status: { ...desk.sync.status, run: undefined, closed: undefined },
          phases: desk.phases.slice(-20),
        })),
      ),
    })

    // The desks go on registering, one need each every 50 ms, while the network misbehaves: for at
    // least 5 s and until it has really cut and refused a fair number of connections.
    const enough = () => {
      const { dropped, refused } = proxy.stats()
      return Date.now() - flakySince >= 5000 && dropped >= 12 && refused >= 3
    }
    const writing = (async () => {
      while (!enough() && Date.now() - flakySince < 15_000) {
        for (const desk of desks) await desk.db.put(needsOf(code, desk.name, written, 1)[0]!)
        written++
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    await until(enough, 'the proxy to drop connections', 20_000, diagnose)
    await writing
    const faults = proxy.stats()
    const midway = await Promise.all([server, ...desks.map((desk) => desk.db)].map(async (db) => (await needRevs(db)).size))
    proxy.heal()
    console.info(`flaky network for ${Date.now() - flakySince} ms, ${written} needs per desk:`, JSON.stringify(faults), 'needs on the server, desk A, desk B then:', midway)

    const total = 2 * written
    await until(
      async () => {
        const [a, b, s] = await Promise.all([needRevs(desks[0]!.db), needRevs(desks[1]!.db), needRevs(server)])
        return s.size === total && sameRevs(a, s) && sameRevs(b, s)
      },
      'both desks and the server to hold every need',
      30_000,
      diagnose,
    )
    await until(() => desks.every(synced), 'both desks to show “synced”', 15_000, diagnose)

    // The faults really happened, and the desks really met them.
    expect(faults.dropped).toBeGreaterThanOrEqual(12)
    expect(faults.refused).toBeGreaterThanOrEqual(3)
    expect(faults.delayedConnections).toBeGreaterThan(0)
    expect(faults.delayedChunks).toBeGreaterThan(0)
    for (const desk of desks) expect(desk.phases).toContain('offline')

    // Identical on both desks and the server: the union, each need once by id and once by content.
    const expected = [...needsOf(code, 'A', 0, written), ...needsOf(code, 'B', 0, written)]
    const expectedContents = expected.map((need) => `${need.number}|${need.description}`).sort()
    const serverRevs = await needRevs(server)
    expect([...serverRevs.keys()].sort()).toEqual(expected.map((need) => need._id).sort())
    for (const db of [server, ...desks.map((desk) => desk.db)]) {
      expect(await needContents(db)).toEqual(expectedContents)
      expect(sameRevs(await needRevs(db), serverRevs)).toBe(true)
      // No conflicting second revision anywhere: every need was written once, on one desk.
      const withConflicts = await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff', include_docs: true, conflicts: true })
      expect(withConflicts.rows.filter((row) => (row.doc as { _conflicts?: unknown[] })._conflicts?.length)).toEqual([])
      expect(withConflicts.rows.every((row) => row.value.rev.startsWith('1-'))).toBe(true)
    }

    // The journal tells the outage and the recovery.
    for (const desk of desks) {
      await desk.sync.settled()
      const runs = await recentRuns(desk.device, 500)
      expect(runs.some((run) => run.outcome === 'offline')).toBe(true)
      expect(runs[0]?.outcome).toBe('synced')
    }
  }, 60_000)
})

describe('a network that goes fully down and comes back', () => {
  it('StationSync goes offline, keeps retrying, and is back to “synced” by itself', async () => {
    const code = 'dongfeng-02'
    const proxy = await flakyProxy(7)
    const desk = openDesk('C')
    const server = adminDb(code)
    const diagnose = async () => ({
      proxy: proxy.stats(),
      down: proxy.isDown,
      server: (await needRevs(server)).size,
      local: (await needRevs(desk.db)).size,
      status: { ...desk.sync.status, run: undefined, closed: undefined },
      phases: desk.phases.slice(-20),
    })

    await desk.db.bulkDocs(needsOf(code, 'C', 0, 20))
    await desk.sync.start(settingsOf(code, proxy), PASSWORDS[code])
    await until(() => synced(desk), 'synced', 15_000, diagnose)
    expect((await needRevs(server)).size).toBe(20)

    proxy.down()
    await until(() => desk.sync.status.phase === 'offline', 'offline once the network is down', 15_000, diagnose)
    expect(desk.sync.status.problem).toBe('unreachable')
    const cutOff = proxy.stats()
    expect(cutOff.cut).toBeGreaterThan(0)

    // Work goes on while the network is down; it waits, counted, and the desk keeps knocking.
    await desk.db.bulkDocs(needsOf(code, 'C', 20, 30))
    await until(() => desk.sync.status.pending === 30, 'the new needs counted as not uploaded', 10_000, diagnose)
    await until(() => proxy.stats().refused >= cutOff.refused + 3, 'retries while down', 10_000, diagnose)
    expect(desk.sync.status.phase).toBe('offline')
    expect((await needRevs(server)).size).toBe(20)

    proxy.up()
    await until(() => synced(desk), 'back to “synced” after the network returns', 20_000, diagnose)
    const local = await needRevs(desk.db)
    expect(local.size).toBe(50)
    expect(sameRevs(await needRevs(server), local)).toBe(true)
    expect(await needContents(server)).toEqual(needsOf(code, 'C', 0, 50).map((need) => `${need.number}|${need.description}`).sort())
    expect(desk.phases.slice(desk.phases.lastIndexOf('offline'))).toContain('online')
  }, 45_000)
})

describe('a request that fails while a batch is being written', () => {
  // PouchDB 9.0's own retry (retry: true) lost the batch after the one being written: the failed
  // pass dropped its queued batches, finished the one in hand, then read the changes feed on from
  // beyond the dropped ones and checkpointed past them. No network here, so the timing is fixed: the
  // central database is a memory database (injected as StationSync's Pouch), its third changes
  // request fails, and the desk writes slowly, so a batch is in hand when it does.
  it('costs no batch: every document arrives, once', async () => {
    const central = new MemoryPouch(unique('central-stand-in'))
    await central.bulkDocs(needsOf('xinghe-01', 'R', 0, 100))
    let changesCalls = 0
    const changes = central.changes.bind(central)
    central.changes = ((options: PouchDB.Core.ChangesOptions) => {
      if (++changesCalls !== 3) return changes(options)
      // What the http adapter's changes() gives when the connection is cut: a feed that rejects.
      const failed = Promise.reject(new TypeError('fetch failed'))
      failed.catch(() => undefined)
      return Object.assign(new EventEmitter(), { then: failed.then.bind(failed), catch: failed.catch.bind(failed), cancel: () => undefined })
    }) as typeof central.changes
    // StationSync closes its remote before each new attempt; this one stays open for the next.
    central.close = (() => Promise.resolve()) as typeof central.close
    const Pouch = function () {
      return central
    } as unknown as PouchDB.Static

    const desk = openDesk('R')
    const bulkDocs = desk.db.bulkDocs.bind(desk.db)
    desk.db.bulkDocs = ((...args: Parameters<typeof bulkDocs>) =>
      new Promise((resolve) => setTimeout(resolve, 100)).then(() => bulkDocs(...args))) as typeof desk.db.bulkDocs
    const sync = new StationSync(desk.db, desk.device, { Pouch, backoff: { firstMs: 500, maxMs: 500 }, batchSize: 10 })
    cleanups.push(() => sync.close())
    const diagnose = async () => ({
      changesCalls,
      local: [...(await needRevs(desk.db)).keys()].map((id) => id.slice(-3)),
      status: { ...sync.status, run: undefined, closed: undefined },
    })

    await sync.start({ url: 'http://127.0.0.1:5984/', stationCode: 'xinghe-01', username: 'station-xinghe-01', remember: false }, 'x')
    await until(async () => changesCalls >= 3 && (await needRevs(desk.db)).size === 100, 'all 100 needs on the desk', 15_000, diagnose)
    await until(() => sync.status.phase === 'online', 'synced', 10_000, diagnose)
    expect(await needContents(desk.db)).toEqual(needsOf('xinghe-01', 'R', 0, 100).map((need) => `${need.number}|${need.description}`).sort())
  })
})
