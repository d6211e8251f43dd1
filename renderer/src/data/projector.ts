import { ledgerRow, type LedgerRow } from '../domain/ledger'
import type { NeedDoc } from '../domain/need'
import type { NeedEventDoc } from '../domain/needLifecycle'
import type { StationDoc } from '../domain/station'
import type { LocalDb } from './localDb'
import type { ReadModel } from './readModel'

// Feeds the read model from PouchDB's changes feed. Each batch lands in one Dexie transaction
// together with its checkpoint, so a crash replays at most that batch, and replaying is harmless:
// a need's row is always recomputed from the need and its whole timeline.

export interface ProjectedBatch {
  rows: LedgerRow[]
  removedIds: string[]
  station: StationDoc | null
}

type AnyDoc = PouchDB.Core.ExistingDocument<{ type?: string }>
type Change = { id: string; deleted?: boolean; doc?: AnyDoc }

const needIdOfEvent = (eventId: string) => {
  // needEvent:<station>:<needUlid>:<eventUlid> → need:<station>:<needUlid>
  const parts = eventId.split(':')
  return `need:${parts[1]}:${parts[2]}`
}

export class Projector {
  private feed: PouchDB.Core.Changes<object> | null = null
  private queue: Change[] = []
  private lastSeq: string | number = 0
  private running: Promise<void> = Promise.resolve()
  private scheduled = false
  private readonly listeners = new Set<(batch: ProjectedBatch) => void>()

  constructor(
    private readonly db: LocalDb,
    private readonly readModel: ReadModel,
  ) {}

  /** Called after each batch is committed to the read model. */
  onBatch(listener: (batch: ProjectedBatch) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Catches up from the stored checkpoint, then follows the feed live. */
  async start(): Promise<void> {
    const since = ((await this.readModel.meta.get('checkpoint'))?.value as string | number | undefined) ?? 0
    await this.catchUp(since)
    this.feed = this.db.changes({ since: this.lastSeq, live: true, include_docs: true })
    this.feed.on('change', (change) => {
      this.queue.push(change as Change)
      this.lastSeq = change.seq
      this.schedule()
    })
  }

  stop(): void {
    this.feed?.cancel()
    this.feed = null
  }

  /** Resolves when everything queued so far is in the read model. */
  idle(): Promise<void> {
    return this.running
  }

  private async catchUp(since: string | number): Promise<void> {
    this.lastSeq = since
    for (;;) {
      const page = await this.db.changes({ since: this.lastSeq, limit: 1000, include_docs: true })
      if (page.results.length === 0) return
      this.lastSeq = page.last_seq
      await this.apply(page.results as Change[], page.last_seq)
    }
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // One macrotask lets a burst of changes (a sync, a bulk import) share a transaction.
    setTimeout(() => {
      this.scheduled = false
      const batch = this.queue.splice(0)
      const seq = this.lastSeq
      this.running = this.running.then(() => this.apply(batch, seq)).catch((error) => console.error('projector', error))
    }, 0)
  }

  private async apply(changes: Change[], seq: string | number): Promise<void> {
    const needs = new Map<string, NeedDoc | null>()
    const events: NeedEventDoc[] = []
    const removedEvents: string[] = []
    let station: StationDoc | null = null
    for (const change of changes) {
      if (change.id.startsWith('need:')) needs.set(change.id, change.deleted ? null : (change.doc as unknown as NeedDoc))
      else if (change.id.startsWith('needEvent:')) {
        if (change.deleted) removedEvents.push(change.id)
        else events.push(change.doc as unknown as NeedEventDoc)
      } else if (change.doc?.type === 'station' && !change.deleted) station = change.doc as unknown as StationDoc
    }
    const touched = new Set<string>([
      ...needs.keys(),
      ...events.map((e) => e.needId),
      ...removedEvents.map(needIdOfEvent),
    ])
    // Needs not in this batch are read from PouchDB before the Dexie transaction (which cannot await other I/O).
    const missing = [...touched].filter((id) => !needs.has(id))
    if (missing.length > 0) {
      const found = await this.db.allDocs<NeedDoc>({ keys: missing, include_docs: true })
      for (const row of found.rows) if ('doc' in row && row.doc) needs.set(row.id, row.doc as NeedDoc)
    }

    const rows: LedgerRow[] = []
    const removedIds: string[] = []
    const rm = this.readModel
    await rm.transaction('rw', rm.needs, rm.needEvents, rm.meta, async () => {
      if (events.length) await rm.needEvents.bulkPut(events)
      if (removedEvents.length) await rm.needEvents.bulkDelete(removedEvents)
      for (const id of touched) {
        const need = needs.get(id)
        if (!need) {
          removedIds.push(id)
          continue
        }
        rows.push(ledgerRow(need, await rm.needEvents.where('needId').equals(id).toArray()))
      }
      if (rows.length) await rm.needs.bulkPut(rows)
      if (removedIds.length) await rm.needs.bulkDelete(removedIds)
      if (station) await rm.meta.put({ key: 'station', value: station })
      await rm.meta.put({ key: 'checkpoint', value: seq })
    })
    const batch = { rows, removedIds, station }
    for (const listener of this.listeners) listener(batch)
  }
}

/**
 * Rebuilds the read model from nothing but PouchDB. The result must equal what the live feed
 * built incrementally (a test proves it). Returns how many documents were read.
 */
export async function rebuildReadModel(db: LocalDb, readModel: ReadModel, pageSize = 5000): Promise<number> {
  const seq = (await db.info()).update_seq
  const needs: NeedDoc[] = []
  const eventsByNeed = new Map<string, NeedEventDoc[]>()
  let station: StationDoc | null = null
  let read = 0
  let startkey: string | undefined
  for (;;) {
    const page = await db.allDocs({ include_docs: true, limit: pageSize, ...(startkey ? { startkey, skip: 1 } : {}) })
    if (page.rows.length === 0) break
    for (const row of page.rows) {
      const doc = row.doc as unknown as AnyDoc
      read++
      if (doc.type === 'need') needs.push(doc as unknown as NeedDoc)
      else if (doc.type === 'needEvent') {
        const event = doc as unknown as NeedEventDoc
        const list = eventsByNeed.get(event.needId)
        if (list) list.push(event)
        else eventsByNeed.set(event.needId, [event])
      } else if (doc.type === 'station') station = doc as unknown as StationDoc
    }
    startkey = page.rows[page.rows.length - 1]!.id
  }
  const rows = needs.map((need) => ledgerRow(need, eventsByNeed.get(need._id) ?? []))
  const allEvents = [...eventsByNeed.values()].flat()
  await readModel.transaction('rw', readModel.needs, readModel.needEvents, readModel.meta, async () => {
    await Promise.all([readModel.needs.clear(), readModel.needEvents.clear(), readModel.meta.clear()])
    await readModel.needs.bulkPut(rows)
    await readModel.needEvents.bulkPut(allEvents)
    if (station) await readModel.meta.put({ key: 'station', value: station })
    await readModel.meta.put({ key: 'checkpoint', value: seq })
  })
  return read
}
