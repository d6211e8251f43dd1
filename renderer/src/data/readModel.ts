import Dexie, { type EntityTable } from 'dexie'
import type { LedgerRow } from '../domain/ledger'
import type { NeedEventDoc } from '../domain/needLifecycle'
import type { StationDoc } from '../domain/station'

// The derived read model: indexed tables the screens read, fed from PouchDB's changes feed.
// Deleting it loses nothing (see rebuild in projector.ts).

export interface MetaEntry {
  key: 'checkpoint' | 'station'
  value: unknown
}

export class ReadModel extends Dexie {
  needs!: EntityTable<LedgerRow, 'id'>
  needEvents!: EntityTable<NeedEventDoc, '_id'>
  meta!: EntityTable<MetaEntry, 'key'>

  constructor(name = 'tongxin-read', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({
      needs: 'id, number, registeredAt, status, dueDate, phone, village',
      needEvents: '_id, needId',
      meta: 'key',
    })
  }

  async station(): Promise<StationDoc | null> {
    return ((await this.meta.get('station'))?.value as StationDoc | undefined) ?? null
  }

  /** The highest need number given out with this prefix (numbers are compared as numbers, not text). */
  async highestNeedNumber(prefix: string): Promise<string | null> {
    const numbers = (await this.needs.where('number').startsWith(prefix).keys()) as string[]
    let best: string | null = null
    for (const n of numbers) if (!best || Number(n.slice(prefix.length)) > Number(best.slice(prefix.length))) best = n
    return best
  }
}
