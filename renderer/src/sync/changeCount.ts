import type { LocalDb } from '../data/localDb'
import { basicAuthorization } from './connection'

// How much a sync has still to do: the local changes after the push's checkpoint, and central's
// changes after the pull's checkpoint, counted as the replications read them (one row per document).
// 立即同步 (batchSync.ts) counts before its first batch, to show done of total.

/** Pages of the changes feed read when counting without CouchDB's `pending` */
const COUNT_PAGE = 1000
const REQUEST_TIMEOUT_MS = 30_000

/** A row of a changes feed with all leaf revisions (`style=all_docs`). */
export interface ChangeRow {
  id: string
  seq: number | string
  changes: Array<{ rev: string }>
}

/** Thrown when a count or a run is cancelled. */
export class Cancelled extends Error {}

/** A change row as the other direction's feed lists it again: the document and its leaf revisions. */
export function rowKey(row: ChangeRow): string {
  return `${row.id}\n${row.changes
    .map((change) => change.rev)
    .sort()
    .join(',')}`
}

/** Local changes after `since`, one per document as the push reads them, but for the rows in `except`. */
export async function countLocalChanges(
  db: LocalDb,
  since: number | string,
  options: { stop?: () => boolean; except?: ReadonlySet<string> } = {},
): Promise<number> {
  let count = 0
  let from = since
  for (;;) {
    if (options.stop?.()) throw new Cancelled()
    const page = await db.changes({ since: from, limit: COUNT_PAGE, style: 'all_docs' })
    count += options.except?.size ? page.results.filter((row) => !options.except!.has(rowKey(row))).length : page.results.length
    if (page.results.length < COUNT_PAGE) return count
    from = page.last_seq
  }
}

/** The answer of a request the server refused, shaped as PouchDB's errors are (status, name, reason). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    readonly reason: string,
  ) {
    super(reason)
  }
}

/**
 * Rows of the central database's changes feed after `since` (one per document, as the pull reads
 * them). CouchDB 3 answers `_changes?limit=1` with `pending`, the rows after those returned. The
 * feed is read through in pages instead when rows in `except` are to be left out (a 继续 after this
 * station's own uploads), or from a server that gives no `pending`.
 */
export async function countRemoteChanges(
  dbUrl: string,
  since: number | string,
  username: string,
  password: string,
  options: { fetch?: typeof fetch; except?: ReadonlySet<string> } = {},
): Promise<number> {
  const fetchImpl = options.fetch ?? fetch
  const except = options.except ?? new Set<string>()
  const page = async (from: number | string, limit: number) => {
    const url = `${dbUrl}/_changes?style=all_docs&since=${encodeURIComponent(String(from))}&limit=${limit}`
    const response = await fetchImpl(url, {
      headers: { Accept: 'application/json', Authorization: basicAuthorization(username, password) },
      credentials: 'omit',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const body = (await response.json().catch(() => undefined)) as
      | { results?: ChangeRow[]; last_seq?: number | string; pending?: unknown; error?: string; reason?: string }
      | undefined
    if (!response.ok) throw new HttpError(response.status, body?.error ?? 'error', body?.reason ?? response.statusText)
    if (!body || !Array.isArray(body.results)) throw new HttpError(502, 'bad_response', 'not a changes feed')
    const counted = except.size > 0 ? body.results.filter((row) => !except.has(rowKey(row))).length : body.results.length
    return { rows: body.results.length, counted, lastSeq: body.last_seq ?? from, pending: typeof body.pending === 'number' ? body.pending : null }
  }

  const first = await page(since, 1)
  if (first.pending !== null && except.size === 0) return first.counted + first.pending
  let count = first.counted
  let from = first.lastSeq
  if (first.rows === 0) return 0
  for (;;) {
    const next = await page(from, COUNT_PAGE)
    count += next.counted
    if (next.rows < COUNT_PAGE) return count
    from = next.lastSeq
  }
}
