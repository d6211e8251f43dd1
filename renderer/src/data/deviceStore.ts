import Dexie, { type EntityTable } from 'dexie'

// State of this one device that must never sync: who is at the desk, the language, drafts.
// Kept apart from the read model so rebuilding that never touches it.

export interface Pref {
  key: string
  value: unknown
}

export class DeviceStore extends Dexie {
  prefs!: EntityTable<Pref, 'key'>

  constructor(name = 'tongxin-device', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({ prefs: 'key' })
  }

  async get<T>(key: string, fallback: T): Promise<T> {
    return ((await this.prefs.get(key))?.value as T | undefined) ?? fallback
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.prefs.put({ key, value })
  }
}
