import { newestFirst, queryLedger, type LedgerFilter, type LedgerRow, type LedgerSort } from '../domain/needs'
import type { ProjectedBatch } from './projector'
import type { ReadModel, RowPage } from './readModel'

// The ledger's rows held in memory, newest first, so filtering and pinyin search over 100,000
// needs take milliseconds (IndexedDB cannot index substrings). Loaded from the read model, then
// kept current by the projector's batches.
//
// Reading 100,000 rows takes seconds, so load() reads the newest pages of the read model first and shows
// their rows, then reads every page in chunks in the background (the ledger page says so meanwhile) and
// merges the rows in one go. Batches keep arriving during that read, and they are newer than anything it
// returns: a row a batch wrote or removed while the load ran is left as the batch left it.

export interface LedgerLoadProgress {
  /** pages of the read model (see readModel.ts) read in the background so far */
  read: number
  /** pages in the read model when the background read started (0 until counted) */
  total: number
}

export interface LedgerLoadOptions {
  /** at least this many of the newest rows are shown before the rest is read */
  firstPage?: number
  /** pages per background read: each is one task on the main thread, short enough to keep typing smooth */
  chunk?: number
}

const FIRST_PAGE = 200
/** pages: a few thousand rows at a busy station */
const CHUNK = 50

/**
 * After the next frame is painted, in a browser (or a moment later at most: a hidden window gets no
 * frames); after the current task elsewhere.
 */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0)
    setTimeout(resolve, 250)
    requestAnimationFrame(() => setTimeout(resolve, 0))
  })

export class LedgerStore {
  private rows: LedgerRow[] = []
  private readonly byId = new Map<string, LedgerRow>()
  private readonly listeners = new Set<() => void>()
  private readonly progressListeners = new Set<() => void>()
  /** Ids a batch wrote or removed since the running load started reading; null when no load runs. */
  private touched: Set<string> | null = null
  /** Bumped by every load and replaceAll: a load that finds it changed has been superseded and stops. */
  private generation = 0
  private finished: Promise<void> = Promise.resolve()
  /** Resolves `finished`: called once the running load is done, has failed or has been superseded. */
  private finish: () => void = () => undefined
  /** Bumped on every change of the rows; React reads it through useSyncExternalStore. */
  version = 0
  /** Every row of the read model is in. */
  loaded = false
  /** A load is reading the rest of the rows in the background: the rows held are the newest ones only. */
  loading = false
  progress: LedgerLoadProgress = { read: 0, total: 0 }

  /**
   * Loads the read model's rows: at least the newest `firstPage` at once (resolving when they are in and
   * listeners told), the rest in the background; ready() resolves when every row is in. Batches must
   * reach apply() from before the projector commits anything after these reads.
   */
  async load(readModel: ReadModel, { firstPage = FIRST_PAGE, chunk = CHUNK }: LedgerLoadOptions = {}): Promise<void> {
    this.stop()
    const generation = this.generation
    const touched = new Set<string>()
    this.touched = touched
    // Whatever the store held is in the read model too (batches are committed before they are applied).
    this.rows = []
    this.byId.clear()
    this.loaded = false
    this.loading = true
    this.progress = { read: 0, total: 0 }
    this.progressChanged()
    this.finished = new Promise((resolve) => (this.finish = resolve))
    const current = () => generation === this.generation
    try {
      // The newest pages, a few more each time, until they hold enough rows.
      const newest: LedgerRow[] = []
      let before: string | null = null
      let everything = false
      for (let pages = 4; newest.length < firstPage; pages *= 2) {
        const newer = before === null ? readModel.pages.orderBy(':id') : readModel.pages.where(':id').below(before)
        const read: RowPage[] = await newer.reverse().limit(pages).toArray()
        for (const page of read) for (const row of page.rows) newest.push(row)
        if (read.length < pages) {
          everything = true
          break
        }
        before = read[read.length - 1]!.key
      }
      if (!current()) return
      this.merge(newest, touched)
      if (everything) {
        this.done()
        return
      }
      this.changed()
      void this.loadRest(readModel, chunk, generation, touched)
    } catch (error) {
      if (current()) this.failed(error)
      throw error
    }
  }

  /** Resolves when the running load (if any) has every row in, or has been superseded or has failed. */
  ready(): Promise<void> {
    return this.finished
  }

  /** Stops a load running in the background (the read model is closing). */
  stop(): void {
    this.generation++
    this.touched = null
    this.finish()
    if (this.loading) {
      this.loading = false
      this.changed()
      this.progressChanged()
    }
  }

  replaceAll(rows: LedgerRow[]): void {
    this.stop()
    this.rows = rows.sort(newestFirst)
    this.byId.clear()
    for (const row of rows) this.byId.set(row.id, row)
    this.loaded = true
    this.changed()
  }

  apply(batch: ProjectedBatch): void {
    if (batch.rows.length === 0 && batch.removedIds.length === 0) {
      // No row changed, but what a lookup by ID number finds may have: screens that look one up read again.
      if (batch.rekeyed) this.changed()
      return
    }
    if (this.touched) {
      for (const row of batch.rows) this.touched.add(row.id)
      for (const id of batch.removedIds) this.touched.add(id)
    }
    const removed = new Set<string>()
    for (const id of batch.removedIds) if (this.byId.has(id)) removed.add(id)
    for (const row of batch.rows) if (this.byId.has(row.id)) removed.add(row.id)
    if (removed.size > 0) this.rows = this.rows.filter((row) => !removed.has(row.id))
    for (const id of batch.removedIds) this.byId.delete(id)
    for (const row of batch.rows) {
      this.byId.set(row.id, row)
      this.rows.splice(this.insertionPoint(row), 0, row)
    }
    this.changed()
  }

  get(id: string): LedgerRow | undefined {
    return this.byId.get(id)
  }

  all(): readonly LedgerRow[] {
    return this.rows
  }

  query(filter: LedgerFilter, sort: LedgerSort, today: string): LedgerRow[] {
    return queryLedger(this.rows, filter, sort, today)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  /**
   * Told as the background load reads on (without a new version: the rows are merged at the end) and
   * when it ends; getProgress() returns a new object each time, for useSyncExternalStore.
   */
  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener)
    return () => this.progressListeners.delete(listener)
  }

  getProgress = (): LedgerLoadProgress => this.progress

  /**
   * Reads every page, `chunk` pages at a time in key order (each its own short read, so the screen stays
   * responsive), then merges the rows in at once: one re-sort and one notification rather than one per chunk.
   */
  private async loadRest(
    readModel: ReadModel,
    chunk: number,
    generation: number,
    touched: Set<string>,
  ): Promise<void> {
    const current = () => generation === this.generation
    try {
      // The caller gets to show the first page before the reads below queue up in front of its own.
      await afterNextFrame()
      if (!current()) return
      const total = await readModel.pages.count()
      if (!current()) return
      this.progress = { ...this.progress, total }
      this.progressChanged()
      const read: LedgerRow[] = []
      let after: string | null = null
      let pagesRead = 0
      for (;;) {
        const pages = after === null ? readModel.pages.orderBy(':id') : readModel.pages.where(':id').above(after)
        const chunkRead: RowPage[] = await pages.limit(chunk).toArray()
        if (!current()) return
        for (const page of chunkRead) for (const row of page.rows) read.push(row)
        pagesRead += chunkRead.length
        // Pages written meanwhile can make the count grow past the total counted at the start.
        this.progress = { read: Math.min(pagesRead, total), total }
        this.progressChanged()
        if (chunkRead.length < chunk) break
        after = chunkRead[chunkRead.length - 1]!.key
      }
      this.merge(read, touched)
      this.done()
    } catch (error) {
      // A load superseded (or stopped as the read model closes) fails quietly.
      if (current()) this.failed(error)
    }
  }

  /**
   * Rows read from the read model go in unless a batch has written or removed that row since the load
   * started: the batch is newer than the read. Everything else the read returns is at least as new as
   * what the store holds, since every batch committed after the read is still to arrive.
   */
  private merge(read: readonly LedgerRow[], touched: ReadonlySet<string>): void {
    for (const row of read) if (!touched.has(row.id)) this.byId.set(row.id, row)
    this.rows = [...this.byId.values()].sort(newestFirst)
  }

  private done(): void {
    this.touched = null
    this.loaded = true
    this.loading = false
    this.changed()
    this.progressChanged()
    this.finish()
  }

  private failed(error: unknown): void {
    console.error('ledger: cannot load the read model', error)
    this.touched = null
    this.loading = false
    this.changed()
    this.progressChanged()
    this.finish()
  }

  private insertionPoint(row: LedgerRow): number {
    let low = 0
    let high = this.rows.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (newestFirst(this.rows[mid]!, row) < 0) low = mid + 1
      else high = mid
    }
    return low
  }

  private changed(): void {
    this.version++
    for (const listener of this.listeners) listener()
  }

  private progressChanged(): void {
    this.progress = { ...this.progress }
    for (const listener of this.progressListeners) listener()
  }
}
