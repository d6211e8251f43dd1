import { ledgerRow, type LedgerRow, type NeedDoc, needEventPrefix, type NeedEventDoc } from '../domain/needs'
import type { StationDoc } from '../domain/station'
import { idKeyTexts, StationSecrets, type IdKeyer } from './idKeys'
import type { LocalDb } from './localDb'
import { idKeyPagesOf, pagesOf, type ReadModel } from './readModel'

// Feeds the read model from PouchDB's changes feed. Each batch lands in one Dexie transaction
// together with its checkpoint, so a crash replays at most that batch, and replaying is harmless:
// a need's row is always recomputed from the need and its whole timeline, read from PouchDB.
// A need's ID number is hashed with the station's secret as it is then (see rekey for when it changes).

export interface ProjectedBatch {
  rows: LedgerRow[]
  removedIds: string[]
  station: StationDoc | null
  /** every hash of an ID number was made again (no row changed, but what a lookup by ID finds may have) */
  rekeyed?: boolean
}

type AnyDoc = PouchDB.Core.ExistingDocument<{ type?: string }>
type Change = { id: string; deleted?: boolean; doc?: AnyDoc }

/** needEvent:<station>:<needUlid>:<eventUlid> → need:<station>:<needUlid>, the need whose needEventPrefix() it has (ownerPrefix). */
const needIdOfEvent = (eventId: string) => `need:${eventId.slice('needEvent:'.length, eventId.lastIndexOf(':'))}`

/** The number a sequence counts up to: local adapters give numbers, CouchDB gives '12-g1AAA…'. */
const seqNumber = (seq: string | number) => (typeof seq === 'number' ? seq : Number.parseInt(seq, 10))

const RETRY_MS = 1000
/** Needs read from PouchDB at a time by a rekey */
const REKEY_PAGE = 1000

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
  /** start() under way or done; idle() waits for it */
  private starting: Promise<void> | null = null
  private stopped = false
  private readonly listeners = new Set<(batch: ProjectedBatch) => void>()
  private readonly secrets: StationSecrets
  /** the station's secret as PouchDB holds it: read at start, and again when a batch brings a change of it */
  private keyer: IdKeyer | null = null
  /** the key every hash in the read model was made with; undefined: not all were made yet (a read model from before hashes) */
  private builtKeyId: string | null | undefined = undefined
  /** ...as the read model's meta says */
  private savedKeyId: string | null | undefined = undefined

  constructor(
    private readonly db: LocalDb,
    private readonly readModel: ReadModel,
  ) {
    this.secrets = new StationSecrets(db)
  }

  /** Called after each batch is committed to the read model. */
  onBatch(listener: (batch: ProjectedBatch) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Catches up from the stored checkpoint, then follows the feed live. */
  start(): Promise<void> {
    this.starting ??= this.follow()
    return this.starting
  }

  private async follow(): Promise<void> {
    const since = ((await this.readModel.meta.get('checkpoint'))?.value as string | number | undefined) ?? 0
    this.committedSeq = since
    this.keyer = await this.secrets.current()
    this.savedKeyId = await this.readModel.idKeyId()
    // An empty read model holds no hash made with another key: replaying the feed makes them all with this one.
    this.builtKeyId = since === 0 ? (this.keyer?.keyId ?? null) : this.savedKeyId
    await this.catchUp(since)
    if (this.stopped) return
    await this.keysCurrent()
    if (this.stopped) return
    this.feed = this.db.changes({ since: this.lastSeq, live: true, include_docs: true })
    this.feed.on('change', (change) => {
      this.queue.push(change as Change)
      this.lastSeq = change.seq
      this.schedule()
    })
  }

  stop(): void {
    this.stopped = true
    this.feed?.cancel()
    this.feed = null
  }

  /**
   * Resolves when every change PouchDB held when it was called is in the read model. PouchDB tells the
   * live feed about a write only after the write has resolved, so waiting for the batches already queued
   * is not enough. Once stopped, it waits for the batches already queued only. While start() is still
   * catching up (PouchDB may still be opening), it waits for that first.
   */
  async idle(): Promise<void> {
    await this.starting?.catch(() => undefined)
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
    while (!this.stopped) {
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
    const touched = new Set<string>()
    let station: StationDoc | null = null
    let secretChanged = false
    for (const change of changes) {
      if (change.id.startsWith('need:')) {
        needs.set(change.id, change.deleted ? null : (change.doc as unknown as NeedDoc))
        touched.add(change.id)
      } else if (change.id.startsWith('needEvent:')) touched.add(needIdOfEvent(change.id))
      else if (change.doc?.type === 'station' && !change.deleted) station = change.doc as unknown as StationDoc
      else if (change.id.startsWith('stationSecret:')) secretChanged = true
    }
    // The secret as PouchDB shows it now (a second version arriving by sync may have become the winner).
    if (secretChanged) this.keyer = await this.secrets.current()
    // Needs not in this batch, and the timeline of every need touched, are read from PouchDB before the
    // Dexie transaction (which cannot await other I/O). PouchDB may be ahead of this batch by then: the
    // row is then newer than the batch, and the later change recomputes it anyway.
    const missing = [...touched].filter((id) => !needs.has(id))
    if (missing.length > 0) {
      const found = await this.db.allDocs<NeedDoc>({ keys: missing, include_docs: true })
      for (const row of found.rows) if ('doc' in row && row.doc) needs.set(row.id, row.doc as NeedDoc)
    }
    const present = [...touched].filter((id) => needs.get(id))
    const timelines = await readTimelines(this.db, present)

    const rows: LedgerRow[] = []
    const removedIds: string[] = []
    for (const id of touched) {
      const need = needs.get(id)
      const row = need ? projectRow(need, timelines.get(id) ?? []) : null
      // A need gone, or one too malformed to show (see projectRow), has no row: as after a rebuild.
      if (row) rows.push(row)
      else removedIds.push(id)
    }
    const keyer = this.keyer
    const idKeys = await idKeyTexts(present.map((id) => needs.get(id)!), keyer)
    const unkeyed = [...touched].filter((id) => !idKeys.has(id))
    const built = this.builtKeyId
    const saveKeyId = built !== undefined && built !== this.savedKeyId ? { value: built } : null
    const rm = this.readModel
    await rm.transaction('rw', [rm.pages, rm.numberDays, rm.idKeyPages, rm.meta], async () => {
      if (rows.length || removedIds.length) await rm.applyRows(rows, removedIds)
      // With no secret there are no hashes (a rekey cleared them when it went), so nothing to touch.
      if (keyer && (idKeys.size || unkeyed.length)) await rm.applyIdKeys(idKeys, unkeyed)
      if (saveKeyId) await rm.meta.put({ key: 'idKeyId', value: saveKeyId.value })
      if (station) await rm.meta.put({ key: 'station', value: station })
      await rm.meta.put({ key: 'checkpoint', value: seq })
    })
    if (saveKeyId) this.savedKeyId = saveKeyId.value
    // A new secret has every hash made again as part of this batch, so idle() waits for them too.
    if (secretChanged) await this.keysCurrent()
    this.committedSeq = seq
    this.failed = false
    const batch = { rows, removedIds, station }
    for (const listener of this.listeners) listener(batch)
  }

  /** Makes every hash again if they were made with another key than the station's secret now (or not all made). */
  private async keysCurrent(): Promise<void> {
    if (this.builtKeyId !== (this.keyer?.keyId ?? null)) await this.rekey()
  }

  /**
   * Hashes every need's ID number again with the station's secret as it is now, and replaces all the read
   * model's hashes with them: when the read model predates hashes, when the station's first secret is made,
   * and when sync makes another desk's secret the winner (or a district-wide key replaces the station's).
   * Rare, and once per key: a pass over the needs in PouchDB, hashing those whose stored hash will not do.
   */
  private async rekey(): Promise<void> {
    const keyer = this.keyer
    const texts = new Map<string, string>()
    if (keyer) {
      let startkey = 'need:'
      let skip = 0
      for (;;) {
        const range = { startkey, endkey: 'need:\uffff', skip, limit: REKEY_PAGE }
        const page = await this.db.allDocs<NeedDoc>({ ...range, include_docs: true })
        const docs = page.rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc as NeedDoc] : []))
        for (const [id, text] of await idKeyTexts(docs, keyer)) texts.set(id, text)
        if (page.rows.length < REKEY_PAGE || this.stopped) break
        startkey = page.rows[page.rows.length - 1]!.id
        skip = 1
      }
      // Stopped part way (a rebuild, or closing): the hashes made so far are not all of them.
      if (this.stopped) return
    }
    const keyId = keyer?.keyId ?? null
    const rm = this.readModel
    await rm.transaction('rw', rm.idKeyPages, rm.meta, async () => {
      await rm.idKeyPages.clear()
      await rm.idKeyPages.bulkPut(idKeyPagesOf(texts))
      await rm.meta.put({ key: 'idKeyId', value: keyId })
    })
    this.builtKeyId = this.savedKeyId = keyId
    const batch: ProjectedBatch = { rows: [], removedIds: [], station: null, rekeyed: true }
    for (const listener of this.listeners) listener(batch)
  }
}

/** The prefix of the need an event belongs to: needEventPrefix() of that need. */
const ownerPrefix = (eventId: string) => eventId.slice(0, eventId.lastIndexOf(':') + 1)

/** From this many needs in one batch, their timelines are first tried as one read over their id span. */
const SPAN_FROM = 4
/** ...which stops after this many documents per need, for needs scattered across a big database. */
const SPAN_DOCS_PER_NEED = 8

/**
 * The timelines of these needs, straight from PouchDB (the read model keeps no copy): a need's steps sort
 * together under needEventPrefix(), so each is one range read of the primary index. That costs a request
 * or so per need; a bulk write (a sync, an import, a replay) touches long runs of neighbouring needs,
 * whose timelines one read over the whole span brings in far more cheaply. That read is capped: the
 * needs it has fully passed are done, the others are read one by one.
 */
async function readTimelines(db: LocalDb, needIds: readonly string[]): Promise<Map<string, NeedEventDoc[]>> {
  const timelines = new Map<string, NeedEventDoc[]>()
  const owners = new Map<string, string>()
  for (const needId of needIds) {
    timelines.set(needId, [])
    owners.set(needEventPrefix(needId), needId)
  }
  const take = (rows: readonly { id: string; doc?: object | null }[]) => {
    for (const row of rows) {
      const needId = owners.get(ownerPrefix(row.id))
      if (needId && row.doc) timelines.get(needId)!.push(row.doc as NeedEventDoc)
    }
  }
  const range = (prefix: string) => ({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true as const })
  let single = [...owners.keys()]
  if (single.length >= SPAN_FROM) {
    const sorted = single.sort()
    const limit = SPAN_DOCS_PER_NEED * sorted.length
    const page = await db.allDocs({ ...range(sorted[0]!), endkey: `${sorted[sorted.length - 1]!}\uffff`, limit })
    take(page.rows)
    if (page.rows.length < limit) return timelines
    const reached = page.rows[page.rows.length - 1]!.id
    // The last need it reached may be cut short: it is read again, from scratch, with the rest.
    single = sorted.filter((prefix) => reached < `${prefix}\uffff`)
    for (const prefix of single) timelines.set(owners.get(prefix)!, [])
  }
  await Promise.all(
    single.map(async (prefix) => {
      const page = await db.allDocs(range(prefix))
      take(page.rows)
    }),
  )
  return timelines
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

/** Pages written per transaction by a rebuild: a few megabytes. */
const PAGES_PER_WRITE = 200

/**
 * Rebuilds the read model from nothing but PouchDB. The result must equal what the live feed
 * built incrementally (a test proves it). Returns how many documents it read; `onRows` is given every
 * row before they are written (the ledger store takes them from there instead of reading them back).
 *
 * IndexedDB serves one request at a time for the whole app, and charges by the request, so the rebuild
 * asks it for as little as possible: it reads the changes feed rather than allDocs (PouchDB fetches each
 * document there by one primary-key read, not an index read), deletes the read model outright rather
 * than clearing it, and writes the rows as pages (see readModel.ts), a few hundred pages to a
 * transaction, the checkpoint last: a rebuild cut short leaves no checkpoint, and the projector then
 * replays the whole feed on the next start (slow, but right). The checkpoint is the last sequence read,
 * so it never passes a change the read model lacks; a change made during the rebuild is replayed afterwards.
 */
export async function rebuildReadModel(
  db: LocalDb,
  readModel: ReadModel,
  pageSize = 5000,
  onRows?: (rows: LedgerRow[]) => void,
): Promise<number> {
  // Every live document by id, the latest version read (a document changed during the rebuild comes round
  // again, later in the feed); the order of the feed decides which station document wins, as it does live.
  const docs = new Map<string, AnyDoc>()
  let station: StationDoc | null = null
  const fetch = (since: string | number) => {
    const page = db.changes({ since, limit: pageSize, include_docs: true })
    page.catch(() => undefined) // a page asked for ahead that nobody waits for must not go unhandled
    return page
  }
  let seq: string | number = 0
  let next = fetch(seq)
  for (;;) {
    const page = await next
    if (page.results.length === 0) break
    seq = page.last_seq
    next = fetch(seq) // read on while this page is sorted out
    for (const change of page.results as Change[]) {
      if (change.deleted || !change.doc) {
        docs.delete(change.id)
        continue
      }
      docs.set(change.id, change.doc)
      if (change.doc.type === 'station') station = change.doc as unknown as StationDoc
    }
  }

  const timelines = new Map<string, NeedEventDoc[]>()
  const needs: NeedDoc[] = []
  for (const [id, doc] of docs) {
    if (id.startsWith('need:')) needs.push(doc as unknown as NeedDoc)
    else if (id.startsWith('needEvent:')) {
      // By their need's prefix (needEventPrefix), the way the projector reads them; in id order, as there.
      const prefix = ownerPrefix(id)
      const list = timelines.get(prefix)
      if (list) list.push(doc as unknown as NeedEventDoc)
      else timelines.set(prefix, [doc as unknown as NeedEventDoc])
    }
  }
  const byId = (a: NeedEventDoc, b: NeedEventDoc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  const rows: LedgerRow[] = []
  for (const need of needs) {
    const row = projectRow(need, timelines.get(needEventPrefix(need._id))?.sort(byId) ?? [])
    if (row) rows.push(row)
  }
  onRows?.(rows)
  const { pages, numberDays } = pagesOf(rows)
  // The hashes of ID numbers, with the station's secret as the projector that follows will hold it.
  const keyer = await new StationSecrets(db).current()
  const idKeyPages = idKeyPagesOf(await idKeyTexts(needs, keyer))

  await readModel.delete({ disableAutoOpen: false })
  await readModel.open()
  for (let i = 0; i < pages.length; i += PAGES_PER_WRITE) await readModel.pages.bulkPut(pages.slice(i, i + PAGES_PER_WRITE))
  await readModel.numberDays.bulkPut(numberDays)
  for (let i = 0; i < idKeyPages.length; i += PAGES_PER_WRITE) {
    await readModel.idKeyPages.bulkPut(idKeyPages.slice(i, i + PAGES_PER_WRITE))
  }
  await readModel.transaction('rw', readModel.meta, async () => {
    if (station) await readModel.meta.put({ key: 'station', value: station })
    await readModel.meta.put({ key: 'idKeyId', value: keyer?.keyId ?? null })
    await readModel.meta.put({ key: 'checkpoint', value: seq })
  })
  return docs.size
}
