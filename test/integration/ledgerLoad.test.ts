// The ledger store's load: the newest rows at once, the rest in the background, merged with the
// projector's batches that arrive meanwhile. A batch is newer than anything the load reads, so a row a
// batch wrote keeps the batch's version, and a row a batch removed does not come back.
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LedgerStore } from '../../renderer/src/data/ledgerStore'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { ReadModel } from '../../renderer/src/data/readModel'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import { ledgerRow, newestFirst, type LedgerRow, newNeedDoc, type NeedDoc } from '../../renderer/src/domain/needs'
import { ulidAt, residentForm } from '../support/sampleNeeds'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`

const HOUR = 3600_000
const START = Date.parse('2026-01-20T00:30:00.000Z')

/**
 * The i-th need: later i, later registration, ten hours apart, so each has a read-model page of its own
 * (a page holds about nine hours of registrations) and loading in pages is loading need by need.
 */
function need(i: number): NeedDoc {
  const ms = START + i * 10 * HOUR
  const at = new Date(ms).toISOString()
  return newNeedDoc(
    residentForm(i),
    { stationId: 'xinghe-01', ulid: ulidAt(ms, i), number: `20261120-${String(i + 1).padStart(3, '0')}` },
    '2026-11-30',
    { by: '王芳', at },
  )
}

const ordered = (rows: readonly LedgerRow[]) => [...rows].sort(newestFirst)

const readModels: ReadModel[] = []
const services: Services[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const s of services.splice(0)) await s.close()
  for (const rm of readModels.splice(0)) {
    rm.close()
    await rm.delete()
  }
})

describe('the ledger store loading a big read model', () => {
  it('shows the newest rows first, then every row, keeping what batches wrote or removed meanwhile', async () => {
    const readModel = new ReadModel(unique('read'))
    readModels.push(readModel)
    const stored = Array.from({ length: 30 }, (_, i) => ledgerRow(need(i), []))
    await readModel.applyRows(stored, [])
    expect(await readModel.pages.count()).toBe(30)
    const store = new LedgerStore()
    const seen: number[] = []
    store.subscribeProgress(() => seen.push(store.progress.read))

    await store.load(readModel, { firstPage: 5, chunk: 4 })
    // The newest pages are shown (4 pages were too few, 4 + 8 enough); the rest is still being read.
    expect(store.loading).toBe(true)
    expect(store.loaded).toBe(false)
    expect(store.all().map((r) => r.id)).toEqual(ordered(stored).slice(0, 12).map((r) => r.id))

    // Batches the projector delivers before the background read lands. The read model is left as it was,
    // as for a read that started before these batches were committed: the load reads the old versions.
    const renamed = { ...stored[3]!, residentName: '改名后', status: 'inProgress' as const }
    const added = ledgerRow(need(40), [])
    store.apply({ rows: [renamed, added], removedIds: [stored[7]!.id, stored[29]!.id], station: null })
    expect(store.get(stored[29]!.id)).toBeUndefined()
    expect(store.all()[0]?.id).toBe(added.id)

    // And a batch after the first chunks have been read, before they are merged.
    let late = false
    const renamedLate = { ...stored[1]!, residentName: '后来改名' }
    const unsubscribe = store.subscribeProgress(() => {
      if (!late && store.loading && store.progress.read >= 8) {
        late = true
        store.apply({ rows: [renamedLate], removedIds: [stored[2]!.id], station: null })
      }
    })

    await store.ready()
    unsubscribe()
    expect(late).toBe(true)
    expect(store.loading).toBe(false)
    expect(store.loaded).toBe(true)
    expect(store.progress).toEqual({ read: 30, total: 30 })
    expect(seen.length).toBeGreaterThan(2)

    const removed = new Set([stored[7]!.id, stored[29]!.id, stored[2]!.id])
    const expected = ordered([
      ...stored.filter((r) => !removed.has(r.id) && r.id !== renamed.id && r.id !== renamedLate.id),
      renamed,
      renamedLate,
      added,
    ])
    expect(store.all()).toEqual(expected)
    for (const id of removed) expect(store.get(id)).toBeUndefined()
    expect(store.get(renamed.id)).toEqual(renamed)
    expect(store.get(renamedLate.id)).toEqual(renamedLate)

    // Later batches apply as usual.
    store.apply({ rows: [], removedIds: [added.id], station: null })
    expect(store.all()).toEqual(expected.filter((r) => r.id !== added.id))
  })

  it('a load superseded by replaceAll (a rebuild) stops without touching the rows', async () => {
    const readModel = new ReadModel(unique('read'))
    readModels.push(readModel)
    const stored = Array.from({ length: 20 }, (_, i) => ledgerRow(need(i), []))
    await readModel.applyRows(stored, [])
    const store = new LedgerStore()
    await store.load(readModel, { firstPage: 3, chunk: 5 })
    expect(store.loading).toBe(true)
    store.replaceAll(stored.slice(0, 2))
    await store.ready()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(store.loading).toBe(false)
    expect(store.all()).toEqual(ordered(stored.slice(0, 2)))
  })

  it('after a restart the app starts on the newest rows, and writes made during the load all reach the ledger', async () => {
    const names = { db: unique('tongxin'), readModel: unique('read'), device: unique('device') }
    const Pouch = MemoryPouch
    const db = openLocalDb(names.db, Pouch)
    const first = await startServices(names, db)
    services.push(first)
    const saved = await first.stations.save(
      { name: '星河驿站', code: 'xinghe-01', phone: '', villages: ['星河村'], staff: ['王芳'], deadlineDays: 3, deadlineMode: 'calendar' },
      { by: '王芳', at: '2026-11-20T00:00:00.000Z' },
    )
    if (!saved.ok) throw new Error('station refused')
    const station = saved.value
    const needs = Array.from({ length: 450 }, (_, i) => need(i))
    await first.db.bulkDocs(needs)
    await first.projector.idle()
    expect(first.ledger.all()).toHaveLength(450)
    await first.close()
    services.splice(0)

    // The background read is held back until the writes below are under way (in the app it races them).
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    type Rest = (this: LedgerStore, ...args: unknown[]) => Promise<void>
    const proto = LedgerStore.prototype as unknown as { loadRest: Rest }
    const loadRest = proto.loadRest
    vi.spyOn(proto, 'loadRest').mockImplementation(async function (this: LedgerStore, ...args: unknown[]) {
      await held
      return loadRest.apply(this, args)
    })

    const again = await startServices(names, openLocalDb(names.db, Pouch))
    services.push(again)
    // startServices waited for the newest pages only: at least 200 rows (4 + 8 + … + 128 pages of one).
    expect(again.ledger.loading).toBe(true)
    expect(again.ledger.all().map((r) => r.id)).toEqual(
      [...needs].reverse().slice(0, 252).map((n) => n._id),
    )

    // While the rest loads: a registration, a step on an old need, an old need deleted.
    const ctx = { station, by: '王芳', at: '2026-12-01T02:00:00.000Z' }
    const registered = await again.needs.register(
      { residentName: '新来的', phone: '13800138000', village: '星河村', categoryItem: 'other.other', channel: 'window', urgency: 'normal', description: '路灯坏了' },
      ctx,
    )
    if (!registered.ok) throw new Error('registration refused')
    const stepped = await again.needs.transition(needs[5]!._id, { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }, ctx)
    expect(stepped.ok).toBe(true)
    await again.db.remove(await again.db.get(needs[6]!._id))
    const later = again.needs.transition(needs[7]!._id, { kind: 'decline', reason: '重复诉求' }, ctx)
    release()
    expect((await later).ok).toBe(true)

    await again.projector.idle()
    await again.ledger.ready()
    expect(again.ledger.loaded).toBe(true)
    const inReadModel = ordered(await again.readModel.rows())
    expect(again.ledger.all()).toEqual(inReadModel)
    expect(inReadModel).toHaveLength(450)
    expect(again.ledger.all()[0]?.id).toBe(registered.value._id)
    expect(again.ledger.get(needs[5]!._id)).toMatchObject({ status: 'inProgress', handlerName: '李书记' })
    expect(again.ledger.get(needs[6]!._id)).toBeUndefined()
    expect(again.ledger.get(needs[7]!._id)).toMatchObject({ status: 'declined' })
    // What the projector computed from PouchDB's timeline equals the domain's own fold.
    const timeline = await again.needs.timeline(needs[5]!._id)
    expect(again.ledger.get(needs[5]!._id)).toEqual(ledgerRow(needs[5]!, timeline))
    expect(timeline).toEqual([expect.objectContaining(stepped.ok ? { _id: stepped.value._id } : {})])
  })
})
