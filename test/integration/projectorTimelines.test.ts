// The projector reads a need's timeline from PouchDB whenever the need or one of its steps changes. A bulk
// write (sync, import, replay) touches long runs of neighbouring needs, whose timelines it reads in one go
// over their id span; needs scattered across a big database fall back to a read each. Either way each row
// must come out as the domain folds the need's whole timeline.
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import {
  ledgerRow,
  newNeedDoc,
  type NeedDoc,
  newNeedEventDoc,
  type NeedEventDoc,
  type NeedEventInput,
} from '../../renderer/src/domain/needs'
import { ulidAt, residentForm } from '../support/sampleNeeds'

const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static
const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static


const START = Date.parse('2026-11-20T00:30:00.000Z')
const at = (i: number, k: number) => new Date(START + i * 3600_000 + k * 60_000).toISOString()

function need(i: number): NeedDoc {
  return newNeedDoc(
    residentForm(i),
    { stationId: 'xinghe-01', ulid: ulidAt(START + i * 3600_000, i), number: `20261120-${String(i + 1).padStart(3, '0')}` },
    '2026-11-30',
    { by: '王芳', at: at(i, 0) },
  )
}

const step = (n: NeedDoc, i: number, k: number, event: NeedEventInput): NeedEventDoc =>
  newNeedEventDoc(n, ulidAt(START + i * 3600_000 + k * 60_000, 1000 + k), event, { by: '王芳', at: at(i, k) })
const assign: NeedEventInput = { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }
const resolve: NeedEventInput = { kind: 'resolve', note: '已办结' }

let made = 0
const open: Services[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const s of open.splice(0)) await s.close()
})

describe.each([
  ['IndexedDB', IdbPouch],
  ['memory', MemoryPouch],
] as const)('timelines read by the projector, on PouchDB’s %s adapter', (_adapter, Pouch) => {
  it('reads a run of needs’ timelines in one go, and scattered needs’ one by one, with the same rows', async () => {
    const id = `timelines-${process.pid}-${++made}`
    const services = await startServices({ db: id, readModel: `${id}-read`, device: `${id}-device` }, openLocalDb(id, Pouch))
    open.push(services)
    const needs = Array.from({ length: 60 }, (_, i) => need(i))
    // Three steps each (assign, resolve, assign again: the last is skipped, as out of order).
    const steps = needs.flatMap((n, i) => [step(n, i, 1, assign), step(n, i, 2, resolve), step(n, i, 3, assign)])
    const timelineReads = () =>
      ranges.mock.calls.filter(([options]) => String((options as { startkey?: string })?.startkey ?? '').startsWith('needEvent:')).length
    const ranges = vi.spyOn(services.db, 'allDocs')

    // One bulk write: the projector sees a run of neighbours.
    await services.db.bulkDocs([...needs, ...steps])
    await services.projector.idle()
    // A read per batch the feed delivered it in, not one per need.
    expect(timelineReads()).toBeLessThan(needs.length / 5)
    const expected = async (n: NeedDoc) => ledgerRow(await services.db.get<NeedDoc>(n._id), await services.needs.timeline(n._id))
    for (const n of needs) expect(services.ledger.get(n._id)).toEqual(await expected(n))
    expect(services.ledger.get(needs[7]!._id)).toMatchObject({ status: 'resolved' })

    // Steps for five needs spread over the whole run: the span holds far more steps than they do.
    ranges.mockClear()
    const scattered = [0, 15, 30, 45, 59]
    await services.db.bulkDocs(
      scattered.map((i) => step(needs[i]!, i, 4, { kind: 'followUp', satisfaction: 'satisfied' })),
    )
    await services.projector.idle()
    // One capped read over the span, then one for each need it did not get through (all but the first).
    expect(timelineReads()).toBe(1 + scattered.length - 1)
    for (const n of needs) expect(services.ledger.get(n._id)).toEqual(await expected(n))
    for (const i of scattered) expect(services.ledger.get(needs[i]!._id)).toMatchObject({ status: 'closed', satisfaction: 'satisfied' })
    expect(services.ledger.get(needs[16]!._id)).toMatchObject({ status: 'resolved' })

    // The rebuild comes to the same rows.
    const live = await services.readModel.rows()
    await services.rebuildReadModel()
    expect(await services.readModel.rows()).toEqual(live)
  })
})
