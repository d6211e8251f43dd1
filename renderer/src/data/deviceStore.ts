import Dexie, { type EntityTable } from 'dexie'
import { ulid } from 'ulid'
import type { SyncRun } from '../domain/sync'

// State of this one device that must never sync: who is at the desk, the language, drafts, the sync journal,
// the documents the central server refused.
// Kept apart from the read model so rebuilding that never touches it.

export interface Pref {
  key: string
  value: unknown
}

/** One run of the live sync with the central server, as stored (see sync/syncJournal.ts); `at` is when it began. */
export type SyncJournalEntry = Omit<SyncRun, 'startedAt'> & { id?: number; at: string }

/** A document the central server refused to store (see sync/refusedDocs.ts), until an upload of it gets through. */
export interface RefusedDoc {
  id: string
  /** The revision refused ('' when the server did not say) */
  rev: string
  /** The server's words: `<reason>: <detail>` from central's validate function */
  reason: string
  /** When it was refused */
  at: string
}

export class DeviceStore extends Dexie {
  prefs!: EntityTable<Pref, 'key'>
  syncJournal!: EntityTable<SyncJournalEntry, 'id'>
  refusedDocs!: EntityTable<RefusedDoc, 'id'>

  constructor(name = 'tongxin-device', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({ prefs: 'key' })
    this.version(2).stores({ prefs: 'key', syncJournal: '++id, at' })
    this.version(3).stores({ prefs: 'key', syncJournal: '++id, at', refusedDocs: 'id' })
  }

  async get<T>(key: string, fallback: T): Promise<T> {
    return ((await this.prefs.get(key))?.value as T | undefined) ?? fallback
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.prefs.put({ key, value })
  }

  /** This computer's id, made once: it tells apart edits made at the same moment on two computers. */
  async deviceId(): Promise<string> {
    return this.transaction('rw', this.prefs, async () => {
      const stored = await this.get<string | null>('deviceId', null)
      if (stored) return stored
      const made = ulid()
      await this.set('deviceId', made)
      return made
    })
  }
}
