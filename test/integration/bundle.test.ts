// 同步包 (bundle files) for a station with no connection, against a real CouchDB-protocol server on
// 127.0.0.1 provisioned the way a technician does it: station → file → central (through the
// technician's command), the same file twice, a truncated, a damaged, an altered and another
// station's file refused with nothing written, the return trip central → station, and a live
// replication afterwards finding nothing left to copy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { StationForm } from '../../renderer/src/domain/station'
import { BundleError, databaseOrigin, exportBundle, importBundle, readBundle, sha256Hex, validateSources } from '../../renderer/src/contract'
import { acknowledgePending, loadBundleAck, noteExported, noteReturnBundle } from '../../renderer/src/sync/bundleAck'
import { EXIT, runCli } from '../../central/cli'
import { setupStation } from '../../central/provision'
import { startCentral, type Central } from '../support/centralServer'
import { residentForm } from '../support/sampleNeeds'
import { adminStationDb } from '../support/syncTestKit'
import { administrator } from '../support/people'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
const PASSWORDS = { 'xinghe-01': 'pw-xinghe', 'dongfeng-02': 'pw-dongfeng' } as const
type Code = keyof typeof PASSWORDS

let central: Central
let dir: string
const open: Services[] = []
let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`

beforeAll(async () => {
  central = await startCentral()
  dir = mkdtempSync(join(tmpdir(), 'tongxin-bundle-'))
  for (const [code, password] of Object.entries(PASSWORDS)) {
    await setupStation({ serverUrl: central.adminUrl, station: code, name: `${code} 驿站`, password, sources: validateSources() })
  }
}, 30_000)

afterAll(async () => {
  for (const services of open.splice(0)) await services.close().catch(() => undefined)
  await central?.stop()
  if (central) rmSync(central.dataDir, { recursive: true, force: true })
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const stationForm = (code: Code, staff = ['王芳']): StationForm => ({
  name: `${code} 党群服务驿站`,
  code,
  phone: '',
  villages: ['星河村'],
  staff,
  deadlineDays: 3,
  deadlineMode: 'calendar',
})

const needForm = (n: number) => residentForm(n, { description: `第 ${n} 件诉求` })

/** A station as the app runs it (PouchDB in memory here), with needs, steps and an edited settings document. */
async function stationWithWork(code: Code, needs = 3): Promise<Services> {
  const names = { db: unique(`tongxin-${code}`), readModel: unique('read'), device: unique('device') }
  const services = await startServices(names, openLocalDb(names.db, MemoryPouch))
  open.push(services)
  const at = () => new Date().toISOString()
  // Saved twice: the settings document has a revision history of two.
  await services.stations.save(stationForm(code), { by: '王芳', at: at() })
  const saved = await services.stations.save(stationForm(code, ['王芳', '李强']), { by: '王芳', at: at(), person: administrator })
  if (!saved.ok) throw new Error('station refused')
  for (let n = 1; n <= needs; n++) {
    const need = await services.needs.register(needForm(n), { station: saved.value, by: '王芳', at: at() })
    if (!need.ok) throw new Error('need refused')
    if (n === 1) {
      const step = await services.needs.transition(need.value._id, { kind: 'assign', handler: { name: '李强' } } as never, {
        station: saved.value,
        by: '王芳',
        at: at(),
      })
      if (!step.ok) throw new Error(`step refused: ${JSON.stringify(step)}`)
    }
  }
  return services
}

/** A desk's bundle of everything after what central acknowledged, as the station's panel makes it. */
async function exportFromStation(services: Services, code: Code) {
  const origin = await databaseOrigin(services.db)
  const ack = await loadBundleAck(services.device, origin)
  return exportBundle(services.db, { station: code, since: ack.acknowledgedSeq, direction: 'toCentral', now: new Date().toISOString(), origin })
}

const adminDb = (code: string) => adminStationDb(central, code)

/** The server as the station's own user sees it (what live sync uses). */
const stationRemote = (code: Code) =>
  new PouchDB(`${central.url}station-${code}`, { skip_setup: true, auth: { username: `station-${code}`, password: PASSWORDS[code] } })

/** id → every leaf revision (sorted) of every document but design documents. */
async function leaves(db: PouchDB.Database): Promise<Map<string, string[]>> {
  const ids = (await db.allDocs()).rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'))
  const found = new Map<string, string[]>()
  for (const id of ids) {
    const all = await db.get(id, { open_revs: 'all' })
    found.set(id, all.map((leaf) => ('ok' in leaf ? leaf.ok._rev : '?')).sort())
  }
  return found
}

/**
 * Live sync would also bring the server's design document down, which no bundle carries (and no
 * desk writes): replications here leave it out to count the records only.
 */
const notDesign = (doc: { _id: string }) => !doc._id.startsWith('_design/')

function fileOf(bytes: Uint8Array, name = 'bundle'): string {
  const path = join(dir, `${unique(name)}.tongxin.gz`)
  writeFileSync(path, bytes)
  return path
}

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof BundleError ? error.key : `unexpected: ${String(error)}`),
  )

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Response(stream).text()
}

describe('a station’s bundle carried to the central server', () => {
  let station: Services
  let bundle: Uint8Array
  let path: string

  beforeAll(async () => {
    station = await stationWithWork('xinghe-01')
    // A conflict the station holds (two desks edited the same need while apart) travels as a conflict:
    // this desk has not merged it yet (its resolver is stopped), so the bundle carries both versions.
    station.conflictResolver.stop()
    const first = (await station.db.allDocs({ startkey: 'need:', endkey: 'need:\uffff', include_docs: true })).rows[0]!
    await station.db.bulkDocs(
      [{ ...first.doc, description: '另一台电脑上的修改', _rev: `1-${'f'.repeat(32)}`, _revisions: { start: 1, ids: ['f'.repeat(32)] } }],
      { new_edits: false },
    )
    bundle = (await exportFromStation(station, 'xinghe-01')).bytes
    path = fileOf(bundle, 'xinghe')
  })

  it('holds every leaf revision of the station with its history, and says so in its manifest', async () => {
    const { manifest, docs } = await readBundle(bundle)
    const local = await leaves(station.db)
    expect(manifest).toMatchObject({ format: 'tongxin-bundle', version: 1, direction: 'toCentral', station: 'xinghe-01', fromSeq: 0 })
    // settings + 3 needs + 1 step + the audit record of the settings' second save = 6 documents, one of them
    // (the settings) with a second (conflicting) leaf
    expect(local.size).toBe(6)
    expect(manifest.count).toBe(7)
    expect(docs.map((d) => `${d._id} ${d._rev}`).sort()).toEqual([...local].flatMap(([id, revs]) => revs.map((rev) => `${id} ${rev}`)).sort())
    expect(docs.find((d) => d._id === 'station:xinghe-01')?._revisions.ids).toHaveLength(2)
  })

  it('goes into the central server through the technician’s command with the very same revisions', async () => {
    const result = await cli('import-bundle', '--url', central.adminUrl, '--file', path)
    expect(result.err).toBe('')
    expect(result.code).toBe(EXIT.ok)
    expect(result.out).toContain('新写入 / Written: 7')
    expect(await leaves(adminDb('xinghe-01'))).toEqual(await leaves(station.db))
    // The bodies are the station's, revision for revision.
    const need = (await station.db.allDocs({ startkey: 'need:', endkey: 'need:\uffff' })).rows[0]!.id
    const { _conflicts: _a, ...there } = await adminDb('xinghe-01').get(need, { conflicts: true })
    const { _conflicts: _b, ...here } = await station.db.get(need, { conflicts: true })
    expect(there).toEqual(here)
    // With their history: the settings document's two revisions are both known on central.
    const history = async (db: PouchDB.Database) => (await db.get('station:xinghe-01', { revs: true }))._revisions
    expect(await history(adminDb('xinghe-01'))).toEqual(await history(station.db))
    expect((await history(station.db))?.ids).toHaveLength(2)
  })

  it('imported a second time changes nothing at all', async () => {
    const before = await adminDb('xinghe-01').info()
    const again = await cli('import-bundle', '--url', central.adminUrl, '--file', path)
    expect(again.code).toBe(EXIT.ok)
    expect(again.out).toContain('新写入 / Written: 0')
    expect(again.out).toContain('已存在 / Already present: 7')
    const after = await adminDb('xinghe-01').info()
    expect(after.update_seq).toEqual(before.update_seq)
    expect(after.doc_count).toBe(before.doc_count)
  })

  it('leaves a live replication nothing to copy afterwards, either way: no doubles', async () => {
    const up = await station.db.replicate.to(stationRemote('xinghe-01'))
    expect(up.docs_written).toBe(0)
    const down = await station.db.replicate.from(stationRemote('xinghe-01'), { filter: notDesign })
    expect(down.docs_written).toBe(0)
    expect(await leaves(adminDb('xinghe-01'))).toEqual(await leaves(station.db))
  })

  it('once acknowledged, the next bundle holds only what came after', async () => {
    const { manifest } = await readBundle(bundle)
    await noteExported(station.device, manifest, 'x.tongxin.gz')
    const ack = await acknowledgePending(station.device, manifest.origin!, new Date().toISOString())
    expect(ack).toMatchObject({ acknowledgedSeq: manifest.toSeq, pending: null })

    const current = (await station.stations.current())!
    const later = await station.needs.register(needForm(9), { station: current, by: '王芳', at: new Date().toISOString() })
    if (!later.ok) throw new Error('refused')
    const next = await exportFromStation(station, 'xinghe-01')
    expect(next.manifest.fromSeq).toBe(manifest.toSeq)
    expect((await readBundle(next.bytes)).docs.map((d) => d._id)).toEqual([later.value._id])
  })
})

describe('files that must be refused, with nothing written', () => {
  let bundle: Uint8Array
  let emptyCount: number

  beforeAll(async () => {
    const station = await stationWithWork('dongfeng-02', 5)
    bundle = (await exportFromStation(station, 'dongfeng-02')).bytes
    emptyCount = (await adminDb('dongfeng-02').info()).doc_count // its design document only
  })

  async function centralRefuses(bytes: Uint8Array) {
    const result = await cli('import-bundle', '--url', central.adminUrl, '--file', fileOf(bytes, 'bad'))
    expect((await adminDb('dongfeng-02').info()).doc_count).toBe(emptyCount)
    return result
  }

  it('a truncated file', async () => {
    const cut = bundle.slice(0, Math.floor(bundle.length * 0.7))
    expect(await refusal(readBundle(cut))).toBe('truncated')
    const result = await centralRefuses(cut)
    expect(result.code).toBe(EXIT.badBundle)
    expect(result.err).toContain('同步包文件不完整')
    expect(result.err).toContain('The bundle file is incomplete')
    // Even cut off by a single byte.
    expect(await refusal(readBundle(bundle.slice(0, bundle.length - 1)))).toBe('truncated')
  })

  it('a file with one byte flipped', async () => {
    const flipped = bundle.slice()
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01
    expect(await refusal(readBundle(flipped))).toBe('checksum')
    const result = await centralRefuses(flipped)
    expect(result.code).toBe(EXIT.badBundle)
    expect(result.err).toContain('校验不符')
  })

  it('a file whose records were altered and compressed again', async () => {
    const text = await gunzipText(bundle)
    const altered = await gzip(text.replace('第 2 件诉求', '第 200 件诉求'))
    expect(altered).not.toEqual(bundle)
    expect(await refusal(readBundle(altered))).toBe('checksum')
    expect((await centralRefuses(altered)).code).toBe(EXIT.badBundle)
  })

  it('a file whose manifest was rewritten to name another station', async () => {
    // The documents still carry their own station in their ids: the bundle is refused as a whole.
    const text = await gunzipText(bundle)
    const forged = await gzip(text.replace('"station":"dongfeng-02"', '"station":"xinghe-01"'))
    expect(await refusal(readBundle(forged))).toBe('badDocument')
    const before = await adminDb('xinghe-01').info()
    const result = await cli('import-bundle', '--url', central.adminUrl, '--file', fileOf(forged, 'forged'))
    expect(result.code).toBe(EXIT.badBundle)
    expect((await adminDb('xinghe-01').info()).update_seq).toEqual(before.update_seq)
  })

  it('another station’s bundle, at a station', async () => {
    const other = await stationWithWork('xinghe-01', 1)
    const before = await other.db.info()
    expect(await refusal(importBundle(other.db, bundle, { station: 'xinghe-01', expectDirection: 'toCentral' }))).toBe('wrongStation')
    expect((await other.db.info()).update_seq).toBe(before.update_seq)
  })

  it('a station’s own bundle imported back into a station, which only takes central’s return bundles', async () => {
    const other = await stationWithWork('dongfeng-02', 1)
    const before = await other.db.info()
    expect(await refusal(importBundle(other.db, bundle, { station: 'dongfeng-02', expectDirection: 'toStation' }))).toBe('wrongDirection')
    expect((await other.db.info()).update_seq).toBe(before.update_seq)
  })

  it('something that is not a bundle at all', async () => {
    expect(await refusal(readBundle(new TextEncoder().encode('姓名,电话\n张三,13800138000\n')))).toBe('notABundle')
    expect(await refusal(readBundle(await gzip('{"hello":"world"}\n')))).toBe('notABundle')
    expect(await refusal(readBundle(new Uint8Array()))).toBe('notABundle')
  })

  it('nothing of all this reached the central server', async () => {
    expect((await adminDb('dongfeng-02').info()).doc_count).toBe(emptyCount)
  })
})

describe('the return trip, central → station', () => {
  it('brings another desk’s records down with their revisions, acknowledges the desk’s own, and the ledger shows them', async () => {
    // Two desks of one station, each with its own database, each sending a bundle to central.
    const otherDesk = await stationWithWork('xinghe-01', 2)
    const desk = await stationWithWork('xinghe-01', 2)
    // The two desks' settings meet as a conflict; this desk's resolver is stopped so that what the
    // bundle brought can be compared leaf for leaf (conflicts.test.ts covers the merge).
    desk.conflictResolver.stop()
    const otherBundle = await exportFromStation(otherDesk, 'xinghe-01')
    expect((await cli('import-bundle', '--url', central.adminUrl, '--file', fileOf(otherBundle.bytes, 'other'))).code).toBe(EXIT.ok)
    const ownBundle = await exportFromStation(desk, 'xinghe-01')
    const origin = ownBundle.manifest.origin!
    expect(origin).not.toBe(otherBundle.manifest.origin)
    await noteExported(desk.device, ownBundle.manifest, 'own.tongxin.gz')
    expect((await cli('import-bundle', '--url', central.adminUrl, '--file', fileOf(ownBundle.bytes, 'own'))).code).toBe(EXIT.ok)

    const out = join(dir, `${unique('return')}.tongxin.gz`)
    const exported = await cli('export-bundle', '--url', central.adminUrl, '--station', 'xinghe-01', '--since', '0', '--out', out)
    expect(exported.err).toBe('')
    expect(exported.code).toBe(EXIT.ok)
    const bytes = new Uint8Array(readFileSync(out))
    const { manifest, docs } = await readBundle(bytes)
    expect(manifest).toMatchObject({ direction: 'toStation', station: 'xinghe-01', fromSeq: 0 })
    expect(exported.out).toContain(`--since ${String(manifest.toSeq)}`)
    // The server's design document stays on the server.
    expect(docs.some((d) => d._id.startsWith('_design/'))).toBe(false)

    const result = await importBundle(desk.db, bytes, { station: 'xinghe-01', expectDirection: 'toStation' })
    expect(result.written).toBeGreaterThan(0)
    expect(result.written + result.alreadyPresent).toBe(manifest.count)
    // Everything central holds for the station is now at this desk, leaf for leaf (the two desks'
    // settings documents are one document in conflict, kept as such).
    expect(await leaves(desk.db)).toEqual(await leaves(adminDb('xinghe-01')))
    const otherNeeds = [...(await leaves(otherDesk.db)).keys()].filter((id) => id.startsWith('need:'))
    expect(otherNeeds).toHaveLength(2)

    // Central says it holds all of this desk's bundle: acknowledged without asking the technician.
    // It also speaks for the other desk, whose sequences are its own.
    expect(manifest.acknowledges?.[origin]).toBe(ownBundle.manifest.toSeq)
    expect(manifest.acknowledges?.[otherBundle.manifest.origin!]).toBe(otherBundle.manifest.toSeq)
    const ack = await noteReturnBundle(desk.device, origin, manifest, new Date().toISOString())
    expect(ack).toMatchObject({ acknowledgedSeq: ownBundle.manifest.toSeq, pending: null, centralSeq: manifest.toSeq })

    // The other desk's needs reach the ledger the usual way (changes feed → projector).
    await expect.poll(() => otherNeeds.every((id) => desk.ledger.get(id) !== undefined), { timeout: 5000 }).toBe(true)

    // Imported twice: nothing.
    const again = await importBundle(desk.db, bytes, { station: 'xinghe-01', expectDirection: 'toStation' })
    expect(again).toMatchObject({ written: 0, alreadyPresent: manifest.count })
    // And live sync finds nothing to copy either way.
    expect((await desk.db.replicate.from(stationRemote('xinghe-01'), { filter: notDesign })).docs_written).toBe(0)
    expect((await desk.db.replicate.to(stationRemote('xinghe-01'))).docs_written).toBe(0)
  })

  it('a later return bundle starts where the last one ended and carries only what is new', async () => {
    const first = await cli('export-bundle', '--url', central.adminUrl, '--station', 'dongfeng-02', '--out', join(dir, 'df-1.tongxin.gz'))
    expect(first.code).toBe(EXIT.ok)
    const since = /--since (\S+)/.exec(first.out)![1]!
    const later = await cli('export-bundle', '--url', central.adminUrl, '--station', 'dongfeng-02', '--since', since, '--out', join(dir, 'df-2.tongxin.gz'))
    expect(later.code).toBe(EXIT.ok)
    const { manifest } = await readBundle(new Uint8Array(readFileSync(join(dir, 'df-2.tongxin.gz'))))
    expect(manifest.count).toBe(0)
    expect(manifest.sha256).toBe(await sha256Hex(new Uint8Array()))
  })
})
