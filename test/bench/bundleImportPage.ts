// In-page half of test/bench/bundleImport.mjs, bundled by esbuild: a station's PouchDB on the
// browser's own IndexedDB, the way the app stores it, and the app's own bundle code.
import PouchDB from 'pouchdb-browser'
import { exportBundle, importBundle } from '../../renderer/src/sync/bundle'

interface Figures {
  docs: number
  bytes: number
  exportMs: number
  importMs: number
  againMs: number
  /** PouchDB.replicate of the same documents into another empty database: what IndexedDB allows */
  replicateMs: number
  written: number
  alreadyPresent: number
}

/** `count` needs (with one timeline step for every fourth) → bundle → a new, empty station database, `batchSize` documents per write. */
async function measureBundleImport(count: number, batchSize = 1000): Promise<Figures> {
  const stamp = Date.now()
  const source = new PouchDB(`bench-bundle-source-${stamp}`, { auto_compaction: true })
  const target = new PouchDB(`bench-bundle-target-${stamp}`, { auto_compaction: true })
  const at = new Date().toISOString()
  const docs: object[] = []
  for (let i = 0; i < count; i++) {
    const ulid = `01JBENCH${String(i).padStart(18, '0')}`
    const base = { schemaVersion: 1, stationId: 'xingfu', createdAt: at, createdBy: '王芳', updatedAt: at, updatedBy: '王芳' }
    docs.push({
      ...base,
      _id: `need:xingfu:${ulid}`,
      type: 'need',
      number: `20261123-${String(i).padStart(5, '0')}`,
      registeredAt: at,
      resident: { name: `群众${i}`, phone: `138${String(i).padStart(8, '0')}` },
      village: '幸福村',
      address: '幸福村 3 组',
      categoryItem: 'elderly.daily-care',
      channel: 'window',
      urgency: 'normal',
      description: `第 ${i} 件诉求：老人家里的灯坏了，请帮忙找人修理。`,
      dueDate: '2026-11-26',
    })
    if (i % 4 === 0) {
      docs.push({ ...base, _id: `needEvent:xingfu:${ulid}:01JSTEP${String(i).padStart(19, '0')}`, type: 'needEvent', needId: `need:xingfu:${ulid}`, kind: 'assign', handler: { name: '李强' }, at, by: '王芳' })
    }
  }
  for (let i = 0; i < docs.length; i += 1000) await source.bulkDocs(docs.slice(i, i + 1000))

  let started = performance.now()
  const bundle = await exportBundle(source, { station: 'xingfu', since: 0, direction: 'toCentral', now: at, origin: 'bench' })
  const exportMs = performance.now() - started

  started = performance.now()
  const result = await importBundle(target, bundle.bytes, { station: 'xingfu', expectDirection: 'toCentral', batchSize })
  const importMs = performance.now() - started

  started = performance.now()
  await importBundle(target, bundle.bytes, { station: 'xingfu', expectDirection: 'toCentral' })
  const againMs = performance.now() - started

  const replica = new PouchDB(`bench-bundle-replica-${stamp}`, { auto_compaction: true })
  started = performance.now()
  await PouchDB.replicate(source, replica, { batch_size: 1000 })
  const replicateMs = performance.now() - started

  await source.destroy()
  await target.destroy()
  await replica.destroy()
  return { docs: bundle.manifest.count, bytes: bundle.bytes.length, exportMs, importMs, againMs, replicateMs, written: result.written, alreadyPresent: result.alreadyPresent }
}

;(window as unknown as { measureBundleImport: typeof measureBundleImport }).measureBundleImport = measureBundleImport
