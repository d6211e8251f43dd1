import PouchDB from 'pouchdb-browser'

// PouchDB in the renderer (IndexedDB): the one source of truth, and what syncs.
export type LocalDb = PouchDB.Database

export const LOCAL_DB_NAME = 'tongxin'

/** Opens the station's local database. Tests pass their own PouchDB (e.g. with the memory adapter). */
export function openLocalDb(name = LOCAL_DB_NAME, Pouch: PouchDB.Static = PouchDB): LocalDb {
  return new Pouch(name, { auto_compaction: true })
}
