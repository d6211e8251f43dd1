// The sync figures of `npm run bench` (run.mjs calls runSyncFigures):
//
//   sync-push-50k            StationSync pushing 50,000 docs ÷ PouchDB.replicate pushing 50,000 docs, ≤ 1.2×
//   sync-initial-pull-100k   a new, empty station pulling 100,000 docs with StationSync, ≤ 60 s
//   bundle-import            importBundle() of a 50,000-doc 同步包 into a new, empty station, ≥ 5000 docs/s
//   sync-live-latency-p95    a need registered while live sync runs → on the server, p95 ≤ 2000 ms
//
// The station side runs in Debian's Chromium, on the browser's IndexedDB in a persistent (on-disk)
// profile as in the desktop app, with the app's own code (services, projector, StationSync, bundle.ts)
// bundled by esbuild with syncPage.ts. The page is served from 127.0.0.1 (a secure origin, so
// crypto.subtle is there for the bundle checksum), by a small server in this process: no Playwright
// routing, which would pass every request to the central server through Playwright.
//
// The central server is the tests' (test/support/centralServer.ts: express-pouchdb on LevelDB, its own
// process on 127.0.0.1, stopped by PID), each station provisioned with setupStation() as the tests and
// the technician do: security object, design document with the validate function (run on every
// document written), station user. Stations sync as their station user. The roll-up replication that
// setupStation() also starts (station → district, inside the same single-threaded test server) is
// deleted again unless --with-rollup is given: it would compete with the figure for the server's one
// thread, which real CouchDB runs elsewhere. The pull figure's documents are put on the server by its
// admin (_bulk_docs, the validate function still runs).
//
// Counts scale with --needs N as N/100,000 (e.g. --needs 10000: 5,000 docs pushed, 10,000 pulled).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { build } from 'esbuild'
import { chromium } from '@playwright/test'
import { tsImport } from 'tsx/esm/api'
import { needDocs } from './needDocs.mjs'
import { CHROMIUM } from '../support/chromium.mjs'

export const SYNC_FIGURES = ['sync-push-50k', 'sync-initial-pull-100k', 'bundle-import', 'sync-live-latency-p95', 'sign-in']

const VILLAGES = ['幸福村', '和平社区', '光明村', '东山村']
const STAFF = ['王芳', '李强']
// One station (database on central) per figure and side, so no figure sees another's documents.
const CODES = { pushOurs: 'xingfu', pushRaw: 'heping', pull: 'guangming', live: 'dongshan', bundle: 'baiyun' }

/**
 * @param {{ root: string, selected: string[], scale: number, withRollup: boolean, cpuProfile: boolean,
 *           record: (name: string, value: number, unit: string, target: {op: string, value: number}) => void,
 *           log: (message: string) => void, percentile: (samples: number[], p: number) => number }} options
 */
export async function runSyncFigures({ root, selected, scale, withRollup, cpuProfile, record, log, percentile }) {
  const want = (name) => selected.includes(name)
  const count = (full) => Math.max(100, Math.round(full * scale))
  const table = JSON.parse(readFileSync(join(root, 'resources/categories/wuwei.json'), 'utf8'))
  const items = table.categories.flatMap((c) => c.items.map((i) => ({ code: i.code, label: i.label['zh-CN'] })))
  const resultsDir = join(root, 'test-results')
  const profileDir = join(resultsDir, 'bench-sync-profile')

  const pageJs = await bundlePage(root, join(resultsDir, 'bench-sync'))
  const pageServer = await servePage(pageJs)
  const base = `http://127.0.0.1:${pageServer.address().port}/`
  log(`sync bench page on ${base}`)

  const needsCentral = want('sync-push-50k') || want('sync-initial-pull-100k') || want('sync-live-latency-p95')
  const imp = (path) => tsImport(join(root, path), import.meta.url)
  let central = null
  let context = null
  try {
    // ---- the central server and its stations ----
    const stations = {}
    if (needsCentral) {
      const { startCentral } = await imp('test/support/centralServer.ts')
      const { setupStation } = await imp('central/provision.ts')
      const { validateSources } = await imp('renderer/src/contract/index.ts')
      central = await startCentral()
      log(`central server on ${central.url} (data in ${central.dataDir})`)
      const codes = [
        ...(want('sync-push-50k') ? [CODES.pushOurs, CODES.pushRaw] : []),
        ...(want('sync-initial-pull-100k') ? [CODES.pull] : []),
        ...(want('sync-live-latency-p95') ? [CODES.live] : []),
      ]
      const sources = validateSources()
      for (const code of codes) {
        const password = randomBytes(12).toString('hex')
        await setupStation({ serverUrl: central.adminUrl, station: code, name: `${code} 党群服务中心`, password, sources })
        stations[code] = { url: central.url, code, username: `station-${code}`, password }
      }
      if (!withRollup) {
        for (const code of codes) await removeRollup(central, code)
      }
      log(`provisioned ${codes.join(', ')} with setupStation()${withRollup ? '' : ' (roll-up replications removed: see syncBench.mjs)'}`)
    }

    // ---- the browser ----
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
    context = await chromium.launchPersistentContext(profileDir, {
      ...CHROMIUM,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    await context.exposeFunction('syncBenchProgress', (message) => log(message))
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (error) => log(`page error: ${error.message}`))
    page.on('console', (message) => {
      // PouchDB's first look for a replication checkpoint is a 404, logged by Chromium as an error.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) log(`console error: ${message.text()}`)
    })
    await page.goto(base)
    await page.waitForFunction(() => window.syncBench)
    const evaluate = (name, args) => page.evaluate(([n, a]) => window.syncBench[n](a), [name, args])
    // With --cpu-profile, each step runs under Chrome's sampling profiler (figures then are for finding hot spots).
    const call = cpuProfile ? (name, args) => profiled(page, join(resultsDir, 'bench-cpu'), name, log, () => evaluate(name, args)) : evaluate
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`
    const common = { villages: VILLAGES, staff: STAFF, items }

    if (want('sign-in')) {
      const { medianMs, iterations } = await call('signInCheck', { runs: 7 })
      record('sign-in', medianMs, `ms (PBKDF2-SHA-256, ${iterations.toLocaleString('en')} iterations, median of 7 PIN checks)`, { op: '<=', value: 1000 })
    }

    if (want('sync-push-50k')) {
      const n = count(50_000)
      log(`sync-push-50k: two stations of ${n} docs each (settings, needs, timeline steps)`)
      const prepared = await call('pushPrepare', { count: n, ours: CODES.pushOurs, raw: CODES.pushRaw, ...common })
      log(`    written and projected in ${s(prepared.ms)}`)
      log(`    StationSync.start() → all ${n} pushed`)
      const ours = await call('pushWithStationSync', { remote: stations[CODES.pushOurs], count: n })
      await expectOnServer(central, CODES.pushOurs, n)
      log(`    StationSync: ${s(ours.ms)} (${ours.up} up, ${ours.denied} denied, ${ours.down} down)`)
      log(`    PouchDB.replicate(station → central, batch_size 500 as StationSync)`)
      const raw = await call('pushWithReplicate', { remote: stations[CODES.pushRaw] })
      await expectOnServer(central, CODES.pushRaw, n)
      log(`    PouchDB.replicate: ${s(raw.ms)} (${raw.up} written, ${raw.failures} failed)`)
      await call('pushCleanup')
      record('sync-push-50k', ours.ms / raw.ms, `× (StationSync ${s(ours.ms)} ÷ PouchDB.replicate ${s(raw.ms)}, ${n} docs each)`, { op: '<=', value: 1.2 })
    }

    if (want('sync-initial-pull-100k')) {
      const n = count(100_000)
      const remote = stations[CODES.pull]
      log(`sync-initial-pull-100k: ${n} docs onto the server (admin _bulk_docs)`)
      const seeded = await seedCentral(central, CODES.pull, n, common, imp)
      log(`    ${n} docs (${seeded.needs} needs) on the server in ${s(seeded.ms)}; it holds ${seeded.serverDocs} with the design document`)
      log(`    the server read through once (warm-up) in ${s(await warmUp(central, CODES.pull))}`)
      const args = { remote, expected: seeded.serverDocs, needs: seeded.needs }
      log('    StationSync.start() in a new, empty station → pull caught up')
      const ours = await call('pullWithStationSync', args)
      log(`    StationSync: ${s(ours.ms)} (${ours.down} down, ${ours.up} up, ${ours.localDocs} docs local); ledger complete at ${s(ours.ledgerMs)}`)
      if (ours.localDocs < seeded.serverDocs) throw new Error(`the station holds ${ours.localDocs} of ${seeded.serverDocs} docs`)
      // One way, in batches as big as StationSync's: what PouchDB itself takes, without the push leg.
      log('    PouchDB.replicate(central → a new, empty station, one way, batch_size 500)')
      const raw = await call('pullWithReplicate', { ...args, batchSize: 500 })
      log(`    PouchDB.replicate: ${s(raw.ms)} (${raw.down} written, ${raw.localDocs} docs local); ledger complete at ${s(raw.ledgerMs)}`)
      record(
        'sync-initial-pull-100k',
        ours.ms / 1000,
        `s (${n} docs by StationSync; ledger complete at ${s(ours.ledgerMs)}; PouchDB.replicate ${s(raw.ms)}: ${(ours.ms / raw.ms).toFixed(2)}×)`,
        { op: '<=', value: 60 },
      )
    }

    if (want('bundle-import')) {
      const n = count(50_000)
      log(`bundle-import: a 同步包 of ${n} docs into a new, empty station`)
      const r = await call('bundleRun', { count: n, code: CODES.bundle, ...common })
      const rate = r.written / (r.importMs / 1000)
      const rawRate = r.replicated / (r.replicateMs / 1000)
      log(`    exported in ${s(r.exportMs)} (${(r.bytes / 1024 / 1024).toFixed(1)} MB gzip)`)
      log(`    importBundle: ${r.written} written in ${s(r.importMs)} = ${Math.round(rate)} docs/s; ledger complete at ${s(r.importLedgerMs)}`)
      log(`    PouchDB.replicate(batch_size 1000): ${r.replicated} written in ${s(r.replicateMs)} = ${Math.round(rawRate)} docs/s; ledger complete at ${s(r.replicateLedgerMs)}`)
      const bareRate = r.written / (r.bareMs / 1000)
      log(`    PouchDB bulkDocs alone, into a bare database: ${s(r.bareMs)} = ${Math.round(bareRate)} docs/s (the ceiling here)`)
      record(
        'bundle-import',
        rate,
        `docs/s (${r.written} docs in ${s(r.importMs)}; PouchDB.replicate ${Math.round(rawRate)} docs/s: ${(rate / rawRate).toFixed(2)}× of it; bare bulkDocs ceiling ${Math.round(bareRate)} docs/s)`,
        { op: '>=', value: 5000 },
      )
    }

    if (want('sync-live-latency-p95')) {
      const writes = 100
      const spacingMs = 300
      const remote = stations[CODES.live]
      log(`sync-live-latency-p95: ${writes} needs registered ${spacingMs} ms apart while live sync runs`)
      await call('liveStart', { remote, villages: VILLAGES, staff: STAFF })
      const watcher = await watchServer(central, CODES.live)
      let r
      try {
        r = await call('liveWrites', { writes, spacingMs, ...common })
        await watcher.waitFor(r.writes.map((w) => w.id), 30_000)
      } finally {
        watcher.stop()
        await call('liveStop')
      }
      const latencies = r.writes.map((w) => watcher.arrivals.get(w.id) - w.at)
      const writeMs = r.writes.map((w) => w.writeMs)
      const summary = (t) => `p50 ${percentile(t, 50).toFixed(0)} ms, p95 ${percentile(t, 95).toFixed(0)} ms, max ${Math.max(...t).toFixed(0)} ms`
      log(`    local write (register): ${summary(writeMs)}`)
      log(`    write → on the server: ${summary(latencies)}`)
      record('sync-live-latency-p95', percentile(latencies, 95), `ms p95 of ${writes} needs registered ${spacingMs} ms apart, to the server's _changes (p50 ${percentile(latencies, 50).toFixed(0)} ms)`, {
        op: '<=',
        value: 2000,
      })
    }
  } finally {
    await context?.close().catch(() => {})
    if (central) {
      log('stopping the central server')
      await central.stop().catch(() => {})
      rmSync(central.dataDir, { recursive: true, force: true })
    }
    await new Promise((resolve) => pageServer.close(resolve))
  }
}

// ---- the page ------------------------------------------------------------------------------------------

/** Runs `fn` with Chrome's sampling profiler on `page`; saves the profile and logs the functions with most self time. */
async function profiled(page, dir, name, log, fn) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await cdp.send('Profiler.stop')
    await cdp.detach().catch(() => {})
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `sync-${name}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const self = new Map()
    let total = 0
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = nodes.get(id).callFrame
      const key = `${functionName || '(anonymous)'}  ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trimEnd()
      const us = profile.timeDeltas[i] ?? 0
      total += us
      self.set(key, (self.get(key) ?? 0) + us)
    })
    log(`${name}: CPU profile in ${file} (${(total / 1000).toFixed(0)} ms sampled); most self time:`)
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`    ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`)
  }
}

async function bundlePage(root, outDir) {
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'syncPage.js')
  await build({
    entryPoints: [join(root, 'test/bench/syncPage.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    outfile,
    logLevel: 'warning',
  })
  return readFileSync(outfile, 'utf8')
}

function servePage(js) {
  const html = '<!doctype html><meta charset="utf-8"><title>sync bench</title><script src="/syncPage.js"></script>'
  const server = createServer((req, res) => {
    if (req.url === '/syncPage.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      res.end(js)
    } else if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(html)
    } else {
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404)
      res.end()
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

// ---- the central server --------------------------------------------------------------------------------

/**
 * One request to the central server as its admin, on a connection of its own (no keep-alive: a pooled
 * connection that the server closes after 5 idle seconds can fail the next request that picks it up).
 */
function adminRequest(central, path, { method = 'GET', body, signal } = {}) {
  const auth = Buffer.from(`${central.admin.username}:${central.admin.password}`).toString('base64')
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, central.url), {
      method,
      agent: false,
      signal,
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json', accept: 'application/json' },
    })
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        } catch (error) {
          reject(new Error(`${method} ${path}: ${res.statusCode}, not JSON (${error.message})`))
        }
      })
    })
    req.end(body)
  })
}

async function adminJson(central, path, init) {
  const { status, body } = await adminRequest(central, path, init)
  if (status < 200 || status >= 300) throw new Error(`${init?.method ?? 'GET'} ${path}: ${status} ${JSON.stringify(body)}`)
  return body
}

/** Deletes the station's roll-up replication document (the replicator stops it). */
async function removeRollup(central, code) {
  const id = encodeURIComponent(`rollup:station-${code}`)
  const doc = await adminJson(central, `_replicator/${id}`)
  await adminJson(central, `_replicator/${id}?rev=${encodeURIComponent(doc._rev)}`, { method: 'DELETE' })
}

/** The station database holds `count` documents besides its design document. */
async function expectOnServer(central, code, count) {
  const info = await adminJson(central, `station-${code}`)
  if (info.doc_count !== count + 1) throw new Error(`station-${code} holds ${info.doc_count} docs, expected ${count} + the design document`)
}

/** The station's settings and `count − 1` needs and steps, written by the admin in chunks of 2,000. */
async function seedCentral(central, code, count, { villages, staff, items }, imp) {
  const { stationDoc } = await imp('renderer/src/domain/station/index.ts')
  const started = performance.now()
  const form = { name: `${villages[0]}党群服务中心`, code, phone: '0571-87654321', villages, staff, deadlineDays: 3, deadlineMode: 'calendar' }
  const docs = [stationDoc(form, { by: staff[0], at: new Date().toISOString() }), ...(await needDocs({ count: count - 1, stationId: code, villages, staff, items }))]
  for (let i = 0; i < docs.length; i += 2000) {
    const results = await adminJson(central, `station-${code}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: docs.slice(i, i + 2000) }) })
    const failed = results.filter((r) => r.error)
    if (failed.length) throw new Error(`_bulk_docs: ${failed.length} refused, e.g. ${JSON.stringify(failed[0])}`)
  }
  const info = await adminJson(central, `station-${code}`)
  return { ms: performance.now() - started, needs: docs.filter((d) => d.type === 'need').length, serverDocs: info.doc_count }
}

/**
 * Reads the station database through once (its changes and every document), so the first pull measured
 * does not pay alone for what the freshly written database still does on its first reads (LevelDB
 * compactions, cold code paths: seen as several times the server CPU of later pulls).
 */
async function warmUp(central, code) {
  const started = performance.now()
  await adminJson(central, `station-${code}/_changes?style=all_docs`)
  for (let startkey = null; ; ) {
    const query = `include_docs=true&limit=5001${startkey ? `&startkey=${encodeURIComponent(JSON.stringify(startkey))}` : ''}`
    const page = await adminJson(central, `station-${code}/_all_docs?${query}`)
    if (page.rows.length < 5001) break
    startkey = page.rows[5000].id
  }
  return performance.now() - started
}

/**
 * Follows the station database's _changes (longpoll, as the admin) from now on and notes, by document id,
 * when each change was first seen (Date.now(), the clock the page stamps its writes with).
 */
async function watchServer(central, code) {
  const arrivals = new Map()
  const controller = new AbortController()
  let since = (await adminJson(central, `station-${code}`)).update_seq
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      try {
        const body = await adminJson(central, `station-${code}/_changes?feed=longpoll&timeout=5000&since=${encodeURIComponent(since)}`, {
          signal: controller.signal,
        })
        const seen = Date.now()
        for (const change of body.results ?? []) if (!arrivals.has(change.id)) arrivals.set(change.id, seen)
        since = body.last_seq ?? since
      } catch (error) {
        if (stopped) return
        throw error
      }
    }
  })()
  return {
    arrivals,
    async waitFor(ids, timeoutMs) {
      const end = Date.now() + timeoutMs
      while (ids.some((id) => !arrivals.has(id))) {
        if (Date.now() > end) throw new Error(`${ids.filter((id) => !arrivals.has(id)).length} of ${ids.length} writes never reached the server`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    stop() {
      stopped = true
      controller.abort()
      loop.catch(() => {})
    },
  }
}
