// In-page half of the sync figures (test/bench/syncBench.mjs), bundled by esbuild: stations as the app
// runs them (PouchDB on the browser's IndexedDB, the projector feeding the read model and the ledger
// store, services.sync = StationSync) with the app's own code, and raw PouchDB.replicate beside them as
// the baseline, in the same page and the same run. Node drives it through window.syncBench, one step per
// call, so that it can wait for the central server between steps.
import PouchDB from 'pouchdb-browser'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { NeedFormInput } from '../../renderer/src/domain/needs'
import { stationDoc, type StationDoc, type StationForm } from '../../renderer/src/domain/station'
import type { SyncSettings, SyncState } from '../../renderer/src/domain/sync'
import { exportBundle, importBundle, readBundle } from '../../renderer/src/contract'
import { hashPin, pinMatches } from '../../renderer/src/data/pinHash'
import type { StationSync } from '../../renderer/src/sync/stationSync'
import { needDocs } from './needDocs.mjs'

/** The central server as a station reaches it: its address, and the station user provisioned there. */
export interface Remote {
  url: string
  code: string
  username: string
  password: string
}

type Item = { code: string; label: string }
type Doc = { _id: string; type: string } & Record<string, unknown>

interface Station {
  services: Services
  names: { db: string; readModel: string; device: string }
  /** need documents expected in the ledger */
  needs: number
}

const progress = (message: string) => (window as unknown as { syncBenchProgress?: (m: string) => void }).syncBenchProgress?.(message)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const now = () => new Date().toISOString()
let made = 0

/** A new, empty station: the app's services on a database of its own (as startServices opens them in the app). */
async function openStation(tag: string): Promise<Station> {
  const unique = `${tag}-${Date.now()}-${++made}`
  const names = { db: `bench-${unique}`, readModel: `bench-read-${unique}`, device: `bench-device-${unique}` }
  const services = await startServices(names, openLocalDb(names.db))
  return { services, names, needs: 0 }
}

async function closeStation(station: Station | null): Promise<void> {
  if (!station) return
  const { services, names } = station
  await services.close()
  // Free the disk: the profile holds a few hundred thousand documents over a run otherwise.
  await new PouchDB(names.db).destroy()
  for (const name of [names.readModel, names.device]) {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    })
  }
}

const formOf = (code: string, villages: string[], staff: string[]): StationForm => ({
  name: `${villages[0]}党群服务中心`,
  code,
  phone: '0571-87654321',
  villages,
  staff,
  deadlineDays: 3,
  deadlineMode: 'calendar',
})

/** The station's settings document and `count − 1` needs and timeline steps: `count` documents. */
async function stationDocs(count: number, code: string, villages: string[], staff: string[], items: Item[]): Promise<Doc[]> {
  const settings = stationDoc(formOf(code, villages, staff), { by: staff[0]!, at: now() }) as unknown as Doc
  return [settings, ...(await needDocs({ count: count - 1, stationId: code, villages, staff, items }))]
}

const needCount = (docs: Doc[]) => docs.reduce((n, doc) => n + (doc.type === 'need' ? 1 : 0), 0)

async function write(db: PouchDB.Database, docs: Doc[], chunk = 5000): Promise<void> {
  for (let i = 0; i < docs.length; i += chunk) {
    const results = await db.bulkDocs(docs.slice(i, i + chunk))
    const failed = results.filter((r) => 'error' in r && r.error)
    if (failed.length) throw new Error(`bulkDocs: ${failed.length} failed, e.g. ${JSON.stringify(failed[0])}`)
  }
}

/** Until the projector has caught up and the ledger store holds every need; ms since `since`. */
async function ledgerComplete(station: Station, since: number, timeoutMs = 15 * 60_000): Promise<number> {
  const { ledger, projector } = station.services
  for (;;) {
    await projector.idle()
    if (ledger.all().length >= station.needs) return performance.now() - since
    if (performance.now() - since > timeoutMs) throw new Error(`the ledger has ${ledger.all().length} of ${station.needs} rows`)
    await sleep(50)
  }
}

const settingsOf = (remote: Remote): SyncSettings => ({ url: remote.url, stationCode: remote.code, username: remote.username, remember: false })

/** The remote database as StationSync opens it (skip_setup, credentials on each request). */
const remoteDb = (remote: Remote) =>
  new PouchDB(`${remote.url}station-${remote.code}`, { skip_setup: true, auth: { username: remote.username, password: remote.password } })

/** Resolves with the status once `done` holds for it; rejects if sync gives up or time runs out. */
function until(sync: StationSync, what: string, done: (s: SyncState) => boolean, timeoutMs = 15 * 60_000): Promise<SyncState> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let lastNote = started
    const finish = (error?: Error) => {
      unsubscribe()
      clearTimeout(timer)
      if (error) reject(error)
      else resolve(sync.status)
    }
    const check = () => {
      const s = sync.status
      if (done(s)) return finish()
      if (s.phase === 'error') return finish(new Error(`sync gave up while waiting for ${what}: ${s.problem} ${JSON.stringify(s.closed ?? s.run)}`))
      if (performance.now() - lastNote > 10_000) {
        lastNote = performance.now()
        progress(`    ${what}: ${s.totals.up} up, ${s.totals.down} down, ${s.totals.denied} denied, phase ${s.phase} (${((lastNote - started) / 1000).toFixed(0)} s)`)
      }
    }
    const unsubscribe = sync.subscribe(check)
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}: ${JSON.stringify(sync.status)}`)), timeoutMs)
    check()
  })
}

// ---- sync-push-50k ---------------------------------------------------------------------------------------

let pushOurs: Station | null = null
let pushRawDb: PouchDB.Database | null = null

/**
 * A station with its settings and `count − 1` needs and steps, fully projected (as a station that has
 * worked offline for a while); and the same documents of another station code in a database opened as
 * the app opens its own (the baseline's source: no read model needed, nothing changes during a push).
 */
async function pushPrepare(args: { count: number; ours: string; raw: string; villages: string[]; staff: string[]; items: Item[] }) {
  const started = performance.now()
  pushOurs = await openStation(`push-${args.ours}`)
  const docs = await stationDocs(args.count, args.ours, args.villages, args.staff, args.items)
  pushOurs.needs = needCount(docs)
  await write(pushOurs.services.db, docs)
  await ledgerComplete(pushOurs, started)
  progress(`    station ${args.ours}: ${docs.length} docs (${pushOurs.needs} needs) written and projected`)
  pushRawDb = openLocalDb(`bench-push-${args.raw}-${Date.now()}`)
  await write(pushRawDb, await stationDocs(args.count, args.raw, args.villages, args.staff, args.items))
  progress(`    database of ${args.raw}: ${args.count} docs written`)
  return { docs: args.count, needs: pushOurs.needs, ms: performance.now() - started }
}

/** StationSync.start() → every local document pushed (its push leg caught up); sync stopped after. */
async function pushWithStationSync(args: { remote: Remote; count: number }) {
  const { sync } = pushOurs!.services
  const started = performance.now()
  await sync.start(settingsOf(args.remote), args.remote.password)
  const state = await until(sync, 'push', (s) => s.totals.up + s.totals.denied >= args.count && s.legs.push === 'idle')
  const ms = performance.now() - started
  await sync.stop()
  return { ms, up: state.totals.up, denied: state.totals.denied, down: state.totals.down }
}

/** PouchDB.replicate(station → central), one-shot, in batches as big as StationSync's (500). */
async function pushWithReplicate(args: { remote: Remote }) {
  const remote = remoteDb(args.remote)
  const started = performance.now()
  const result = await PouchDB.replicate(pushRawDb!, remote, { batch_size: 500 })
  const ms = performance.now() - started
  await remote.close()
  return { ms, up: result.docs_written, failures: result.doc_write_failures, ok: result.ok }
}

async function pushCleanup() {
  await closeStation(pushOurs)
  await pushRawDb?.destroy()
  pushOurs = null
  pushRawDb = null
}

// ---- sync-initial-pull-100k ------------------------------------------------------------------------------

/**
 * A new, empty station pulls its database from central: StationSync.start() until the pull leg has
 * caught up with `expected` documents (then the time until the ledger shows every need as well).
 */
async function pullWithStationSync(args: { remote: Remote; expected: number; needs: number }) {
  const station = await openStation(`pull-${args.remote.code}`)
  station.needs = args.needs
  const { sync, db } = station.services
  try {
    const started = performance.now()
    await sync.start(settingsOf(args.remote), args.remote.password)
    const state = await until(sync, 'pull', (s) => s.totals.down >= args.expected && s.legs.pull === 'idle')
    const ms = performance.now() - started
    const ledgerMs = await ledgerComplete(station, started)
    await sync.stop()
    const info = await db.info()
    return { ms, ledgerMs, down: state.totals.down, up: state.totals.up, localDocs: info.doc_count }
  } finally {
    await closeStation(station)
  }
}

/** The same into another new station with one-shot, one-way PouchDB.replicate(central → station). */
async function pullWithReplicate(args: { remote: Remote; expected: number; needs: number; batchSize?: number }) {
  const station = await openStation(`pull-raw-${args.remote.code}`)
  station.needs = args.needs
  const remote = remoteDb(args.remote)
  try {
    const started = performance.now()
    const result = await PouchDB.replicate(remote, station.services.db, { batch_size: args.batchSize ?? 100 })
    const ms = performance.now() - started
    const ledgerMs = await ledgerComplete(station, started)
    const info = await station.services.db.info()
    return { ms, ledgerMs, down: result.docs_written, localDocs: info.doc_count }
  } finally {
    await remote.close()
    await closeStation(station)
  }
}

// ---- sync-live-latency-p95 -------------------------------------------------------------------------------

let live: Station | null = null
let liveStation: StationDoc | null = null

/** A station with its settings, live sync started and caught up. */
async function liveStart(args: { remote: Remote; villages: string[]; staff: string[] }) {
  live = await openStation(`live-${args.remote.code}`)
  const saved = await live.services.stations.save(formOf(args.remote.code, args.villages, args.staff), { by: args.staff[0]!, at: now() })
  if (!saved.ok) throw new Error(`station form refused: ${JSON.stringify(saved)}`)
  liveStation = saved.value
  const { sync } = live.services
  await sync.start(settingsOf(args.remote), args.remote.password)
  await until(sync, 'live sync caught up', (s) => s.phase === 'online' && s.pending === 0, 60_000)
}

/**
 * `writes` needs registered through the app's own command (NeedRepository.register: one put), `spacingMs`
 * apart, while live sync runs. Returns, per need, the wall-clock time (Date.now(), the clock Node reads
 * too) just before the command was called, and how long the local write took.
 */
async function liveWrites(args: { writes: number; spacingMs: number; villages: string[]; staff: string[]; items: Item[] }) {
  const { needs } = live!.services
  const writes: Array<{ id: string; at: number; writeMs: number }> = []
  for (let i = 0; i < args.writes; i++) {
    const item = args.items[i % args.items.length]!
    const form: NeedFormInput = {
      residentName: `群众${i}`,
      phone: `139${String(10_000_000 + i)}`,
      idCard: '',
      village: args.villages[i % args.villages.length]!,
      address: '',
      categoryItem: item.code,
      channel: 'window',
      urgency: 'normal',
      description: `${item.label}：希望尽快协调解决`,
    }
    const at = Date.now()
    const t0 = performance.now()
    const result = await needs.register(form, { station: liveStation!, by: args.staff[i % args.staff.length]!, at: new Date(at).toISOString() })
    const writeMs = performance.now() - t0
    if (!result.ok) throw new Error(`register refused: ${JSON.stringify(result)}`)
    writes.push({ id: result.value._id, at, writeMs })
    await sleep(Math.max(0, args.spacingMs - writeMs))
  }
  return { writes, status: live!.services.sync.status }
}

async function liveStop() {
  await live?.services.sync.stop()
  await closeStation(live)
  live = null
}

// ---- bundle-import ---------------------------------------------------------------------------------------

/**
 * A 同步包 from central (direction toStation) with the station's settings and `count − 1` needs and steps,
 * imported into a new, empty station with the app's importBundle (as 同步包 → 导入 does: default batch
 * size); then the same documents into another new station by PouchDB.replicate from a database holding
 * them (batch_size 1000, the import's batch size), as the baseline.
 */
async function bundleRun(args: { count: number; code: string; villages: string[]; staff: string[]; items: Item[] }) {
  const docs = await stationDocs(args.count, args.code, args.villages, args.staff, args.items)
  const source = openLocalDb(`bench-bundle-source-${Date.now()}`)
  await write(source, docs)
  let started = performance.now()
  const bundle = await exportBundle(source, { station: args.code, since: 0, direction: 'toStation', now: now(), acknowledges: {} })
  const exportMs = performance.now() - started

  const ours = await openStation(`bundle-${args.code}`)
  ours.needs = needCount(docs)
  started = performance.now()
  const result = await importBundle(ours.services.db, bundle.bytes, { station: args.code, expectDirection: 'toStation' })
  const importMs = performance.now() - started
  const importLedgerMs = await ledgerComplete(ours, started)
  await closeStation(ours)

  // The ceiling: PouchDB's own bulkDocs of the same documents, already read, into a bare database that
  // nothing follows (no projector, no conflict check): no import into a station can be faster.
  const { docs: read } = await readBundle(bundle.bytes)
  const bare = openLocalDb(`bench-bundle-bare-${Date.now()}`)
  started = performance.now()
  for (let at = 0; at < read.length; at += 1000) {
    await bare.bulkDocs(read.slice(at, at + 1000) as unknown as PouchDB.Core.PutDocument<object>[], { new_edits: false })
  }
  const bareMs = performance.now() - started
  await bare.destroy()

  const raw = await openStation(`bundle-raw-${args.code}`)
  raw.needs = ours.needs
  started = performance.now()
  const replicated = await PouchDB.replicate(source, raw.services.db, { batch_size: 1000 })
  const replicateMs = performance.now() - started
  const replicateLedgerMs = await ledgerComplete(raw, started)
  await closeStation(raw)
  await source.destroy()
  return {
    docs: bundle.manifest.count,
    bytes: bundle.bytes.length,
    exportMs,
    importMs,
    importLedgerMs,
    written: result.written,
    replicateMs,
    replicateLedgerMs,
    replicated: replicated.docs_written,
    bareMs,
  }
}

/**
 * sign-in: checking a PIN against its stored hash, as the desk does at every sign-in and unlock, with the
 * app's own code and iteration count. Median of `runs`, after one warm-up.
 */
async function signInCheck(args: { runs: number }) {
  const stored = await hashPin('482915')
  await pinMatches('482915', stored)
  const times: number[] = []
  for (let i = 0; i < args.runs; i++) {
    const started = performance.now()
    if (!(await pinMatches(i % 2 ? '482915' : '000001', stored)) !== !(i % 2)) throw new Error('pinMatches gave the wrong answer')
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)]!, iterations: stored.iterations }
}

const api = {
  signInCheck,
  pushPrepare,
  pushWithStationSync,
  pushWithReplicate,
  pushCleanup,
  pullWithStationSync,
  pullWithReplicate,
  liveStart,
  liveWrites,
  liveStop,
  bundleRun,
}
export type SyncBenchApi = typeof api
;(window as unknown as { syncBench: SyncBenchApi }).syncBench = api
