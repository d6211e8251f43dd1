import PouchDB from 'pouchdb-browser'

// PouchDB in the renderer (IndexedDB): the one source of truth, and what syncs.
export type LocalDb = PouchDB.Database

export const LOCAL_DB_NAME = 'tongxin'

/** Opens the station's local database. Tests pass their own PouchDB (e.g. with the memory adapter). */
export function openLocalDb(name = LOCAL_DB_NAME, Pouch: PouchDB.Static = PouchDB): LocalDb {
  return new Pouch(name, { auto_compaction: true })
}

/** A stored document, or null when there is none (any other failure still throws). */
export async function getOrNull<T extends object>(db: LocalDb, id: string): Promise<(T & { _id: string; _rev: string }) | null> {
  try {
    return await db.get<T>(id)
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null
    throw error
  }
}

/** Every document whose id starts with `prefix` (ids sort by type, then station, then time). */
export async function docsByPrefix<T>(db: LocalDb, prefix: string): Promise<T[]> {
  const page = await db.allDocs<object>({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true })
  return page.rows.flatMap((row) => (row.doc ? [row.doc as unknown as T] : []))
}
