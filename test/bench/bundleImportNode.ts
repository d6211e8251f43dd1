// `npx tsx test/bench/bundleImportNode.ts [N]`: bundle import into an empty station database under
// Node with PouchDB's memory adapter: the cost of the bundle code and PouchDB itself, without
// IndexedDB (`npm run bench -- bundle-import` measures the real thing in Chromium: syncBench.mjs).
// The tests' setup gives pouchdb-browser the `self` and `navigator` it expects (and fake IndexedDB).
import '../support/setup'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { exportBundle, importBundle } from '../../renderer/src/contract'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
const count = Number(process.argv[2] ?? 20000)
const at = new Date().toISOString()
const base = { schemaVersion: 1, stationId: 'xingfu', createdAt: at, createdBy: '王芳', updatedAt: at, updatedBy: '王芳' }
const docs = Array.from({ length: count }, (_, i) => ({
  ...base,
  _id: `need:xingfu:01JBENCH${String(i).padStart(18, '0')}`,
  type: 'need',
  number: `20261123-${String(i).padStart(5, '0')}`,
  registeredAt: at,
  resident: { name: `群众${i}`, phone: `138${String(i).padStart(8, '0')}` },
  village: '幸福村',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: `第 ${i} 件诉求：老人家里的灯坏了，请帮忙找人修理。`,
  dueDate: '2026-11-26',
}))
const source = new MemoryPouch(`bench-source-${process.pid}`)
for (let i = 0; i < docs.length; i += 1000) await source.bulkDocs(docs.slice(i, i + 1000))
let started = performance.now()
const bundle = await exportBundle(source, { station: 'xingfu', since: 0, direction: 'toCentral', now: at, origin: 'bench' })
const exportMs = performance.now() - started
const target = new MemoryPouch(`bench-target-${process.pid}`)
started = performance.now()
const result = await importBundle(target, bundle.bytes, { station: 'xingfu', expectDirection: 'toCentral' })
const importMs = performance.now() - started
console.log(`bundle-import (memory adapter)  ${Math.round(result.written / (importMs / 1000))} docs/s  (${result.written} docs in ${(importMs / 1000).toFixed(2)} s; export ${(exportMs / 1000).toFixed(2)} s, ${(bundle.bytes.length / 1024 / 1024).toFixed(1)} MB)`)
