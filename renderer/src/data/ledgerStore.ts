import { newestFirst, queryLedger, type LedgerFilter, type LedgerRow, type LedgerSort } from '../domain/ledger'
import type { ProjectedBatch } from './projector'
import type { ReadModel } from './readModel'

// The ledger's rows held in memory, newest first, so filtering and pinyin search over 100,000
// needs take milliseconds (IndexedDB cannot index substrings). Loaded once from the read model,
// then kept current by the projector's batches.

export class LedgerStore {
  private rows: LedgerRow[] = []
  private readonly byId = new Map<string, LedgerRow>()
  private readonly listeners = new Set<() => void>()
  /** Bumped on every change; React reads it through useSyncExternalStore. */
  version = 0
  loaded = false

  async load(readModel: ReadModel): Promise<void> {
    const rows = await readModel.needs.orderBy('registeredAt').reverse().toArray()
    this.replaceAll(rows)
  }

  replaceAll(rows: LedgerRow[]): void {
    this.rows = rows.sort(newestFirst)
    this.byId.clear()
    for (const row of rows) this.byId.set(row.id, row)
    this.loaded = true
    this.changed()
  }

  apply(batch: ProjectedBatch): void {
    if (batch.rows.length === 0 && batch.removedIds.length === 0) return
    const removed = new Set(batch.removedIds)
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
}
