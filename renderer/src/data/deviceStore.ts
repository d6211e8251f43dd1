import Dexie, { type EntityTable } from 'dexie'

// State of this one device that must never sync: who is at the desk, the language, drafts, the sync journal.
// Kept apart from the read model so rebuilding that never touches it.

export interface Pref {
  key: string
  value: unknown
}

/** One run of the live sync with the central server (see sync/syncJournal.ts). */
export interface SyncJournalEntry {
  id?: number
  /** When the run began */
  at: string
  endedAt: string
  up: number
  down: number
  denied: number
  errors: string[]
  outcome: 'synced' | 'offline' | 'error' | 'stopped'
}

export class DeviceStore extends Dexie {
  prefs!: EntityTable<Pref, 'key'>
  syncJournal!: EntityTable<SyncJournalEntry, 'id'>

  constructor(name = 'tongxin-device', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({ prefs: 'key' })
    this.version(2).stores({ prefs: 'key', syncJournal: '++id, at' })
  }

  async get<T>(key: string, fallback: T): Promise<T> {
    return ((await this.prefs.get(key))?.value as T | undefined) ?? fallback
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.prefs.put({ key, value })
  }
}
