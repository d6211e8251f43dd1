import PouchDB from 'pouchdb-browser'

// PouchDB in the renderer (IndexedDB): the one source of truth, and what syncs.
export type LocalDb = PouchDB.Database

export const LOCAL_DB_NAME = 'tongxin'

/** Opens the station's local database. Tests pass their own PouchDB (e.g. with the memory adapter). */
export function openLocalDb(name = LOCAL_DB_NAME, Pouch: PouchDB.Static = PouchDB): LocalDb {
  const db = new Pouch(name, { auto_compaction: true })
  const treeByTree = db.revsDiff.bind(db)
  db.revsDiff = ((asked: PouchDB.Core.RevisionDiffOptions) => quickRevsDiff(db, asked, treeByTree)) as typeof db.revsDiff
  return db
}

/**
 * Which of these revisions the database lacks, as PouchDB's revsDiff answers; PouchDB's own reads each
 * document's revision tree in a request of its own. Replication asks it for every batch the pull brings,
 * and in a two-way sync that includes every document this computer has just uploaded, which central's
 * changes feed hands straight back: on a 50,000-document upload those reads made the sync about 1.6× as
 * slow as a one-way replicate (test/bench, sync-push-50k). One allDocs read answers most at once: a
 * document never stored lacks every revision, and one whose current revision is the only one asked for
 * lacks nothing (a current revision's body is never compacted away). The rest (conflicts, older
 * revisions, deleted documents) go to PouchDB's own.
 */
export async function quickRevsDiff(
  db: LocalDb,
  asked: PouchDB.Core.RevisionDiffOptions,
  treeByTree: (asked: PouchDB.Core.RevisionDiffOptions) => Promise<PouchDB.Core.RevisionDiffResponse>,
): Promise<PouchDB.Core.RevisionDiffResponse> {
  const ids = Object.keys(asked)
  const answer: PouchDB.Core.RevisionDiffResponse = {}
  if (ids.length === 0) return answer
  const { rows } = await db.allDocs({ keys: ids })
  const unsure: PouchDB.Core.RevisionDiffOptions = {}
  rows.forEach((row, i) => {
    const id = ids[i]!
    const revs = asked[id]!
    if ('error' in row && row.error === 'not_found') answer[id] = { missing: [...revs] }
    else if ('value' in row && !row.value.deleted && revs.length === 1 && revs[0] === row.value.rev) return
    else unsure[id] = revs
  })
  if (Object.keys(unsure).length > 0) Object.assign(answer, await treeByTree(unsure))
  return answer
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
