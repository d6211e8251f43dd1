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

/** The number a sequence counts up to: local adapters give numbers, CouchDB gives '12-g1AAA…'. */
const seqNumber = (seq: string | number) => (typeof seq === 'number' ? seq : Number.parseInt(seq, 10))

const RETRY_MS = 1000

export class Projector {
  private feed: PouchDB.Core.Changes<object> | null = null
  private queue: Change[] = []
  private lastSeq: string | number = 0
  /** The sequence the read model holds everything up to. */
  private committedSeq: string | number = 0
  private running: Promise<void> = Promise.resolve()
  /** The last batch failed (and was logged): idle() must not wait for a sequence that may never come. */
  private failed = false
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
    this.committedSeq = since
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

  /**
   * Resolves when every change PouchDB held when it was called is in the read model. PouchDB tells the
   * live feed about a write only after the write has resolved, so waiting for the batches already queued
   * is not enough. Once stopped, it waits for the batches already queued only.
   */
  async idle(): Promise<void> {
    const target = seqNumber((await this.db.info()).update_seq)
    for (;;) {
      await this.running
      const committed = seqNumber(this.committedSeq)
      if (!this.feed || this.failed || Number.isNaN(target) || Number.isNaN(committed) || committed >= target) return
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
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
    // One macrotask lets a burst of changes (a sync, a bulk import) share a transaction. The wait is part
    // of `running`, so idle() and stop() callers wait for a batch that is queued but not yet applied.
    this.running = this.running
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(async () => {
        this.scheduled = false
        const batch = this.queue.splice(0)
        try {
          await this.apply(batch, this.lastSeq)
        } catch (error) {
          // Put the batch back and try again shortly: the checkpoint never moves past a change
          // that is not in the read model (a full disk or a closed database is usually passing).
          this.failed = true
          console.error('projector', error)
          this.queue.unshift(...batch)
          if (this.feed) setTimeout(() => this.schedule(), RETRY_MS)
        }
      })
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
        const row = projectRow(need, await rm.needEvents.where('needId').equals(id).toArray())
        if (row) rows.push(row)
      }
      if (rows.length) await rm.needs.bulkPut(rows)
      if (removedIds.length) await rm.needs.bulkDelete(removedIds)
      if (station) await rm.meta.put({ key: 'station', value: station })
      await rm.meta.put({ key: 'checkpoint', value: seq })
    })
    this.committedSeq = seq
    this.failed = false
    const batch = { rows, removedIds, station }
    for (const listener of this.listeners) listener(batch)
  }
}

/**
 * A need's ledger row, or null for a document too malformed to show (say, from a faulty sync peer):
 * one bad document must not stop every later change from reaching the screen. It stays in PouchDB.
 */
function projectRow(need: NeedDoc, events: NeedEventDoc[]): LedgerRow | null {
  try {
    return ledgerRow(need, events)
  } catch (error) {
    console.error('projector: cannot show', need._id, error)
    return null
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
  const rows = needs.flatMap((need) => projectRow(need, eventsByNeed.get(need._id) ?? []) ?? [])
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
