// 同步包 (bundle files) read, written, exported and imported over any PouchDB, the station's or central's.
/// <reference types="pouchdb-core" />
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  checkBundle,
  idOfStation,
  type BundleDirection,
  type BundleDoc,
  type BundleErrorKey,
  type BundleManifest,
  type Seq,
} from './bundleManifest'

// For stations without any connection: export what the other side has not acknowledged into one
// gzip file, read it back, and import it with its exact revisions. The file format is described in
// bundleManifest.ts. Works on any PouchDB, local (the station) or http (the central server, from
// the technician's command): only changes, bulkGet, get, revsDiff and bulkDocs are used, which
// CouchDB 3 serves as _changes, _bulk_get, GET ?open_revs, _revs_diff and _bulk_docs.
// Only web-standard APIs (CompressionStream, crypto.subtle), so it runs in the renderer and Node 20;
// the PouchDB types come from pouchdb-core, which both the browser's and Node's PouchDB share.

/** What a bundle needs of a database. */
export type BundleDb = Pick<PouchDB.Database, 'changes' | 'bulkGet' | 'get' | 'revsDiff' | 'bulkDocs'>

/** A bundle refused; `key` is a domain verdict (message: bundle.error.<key>). Nothing was written. */
export class BundleError extends Error {
  constructor(
    readonly key: BundleErrorKey,
    /** the document at fault, for badDocument */
    readonly detail?: string,
  ) {
    super(`bundle refused: ${key}${detail ? ` (${detail})` : ''}`)
    this.name = 'BundleError'
  }
}

/** The file was fine but the database refused some documents (e.g. central's validate function). */
export class BundleWriteError extends Error {
  constructor(readonly refused: Array<{ id: string; reason: string }>) {
    super(`${refused.length} document(s) refused: ${refused.slice(0, 3).map((r) => `${r.id}: ${r.reason}`).join('; ')}`)
    this.name = 'BundleWriteError'
  }
}

export interface ExportOptions {
  /** the station the bundle is of (and for) */
  station: string
  /** the changes after this sequence: the last one the other side acknowledged */
  since: Seq
  direction: BundleDirection
  /** the time, ISO; passed in */
  now: string
  /** station bundles: the exporting database's id (databaseOrigin), see BundleManifest.origin */
  origin?: string
  /** return bundles: see BundleManifest.acknowledges */
  acknowledges?: Record<string, Seq>
  /** changes read per round trip */
  batchSize?: number
}

export interface ExportedBundle {
  bytes: Uint8Array
  manifest: BundleManifest
  /** ids left out because they are not the station's (a malformed document from elsewhere) */
  skipped: string[]
}

const encoder = new TextEncoder()
const NEWLINE = 0x0a

/**
 * Everything changed after `since`: every leaf revision (conflicting ones included, so a conflict
 * travels as a conflict) with its revision history. Design documents stay behind.
 */
export async function exportBundle(db: BundleDb, options: ExportOptions): Promise<ExportedBundle> {
  const batchSize = options.batchSize ?? 500
  const lines: string[] = []
  const skipped: string[] = []
  // A document edited during the export shows up again in a later page of changes: each leaf once.
  const seen = new Set<string>()
  const add = (doc: { _id: string; _rev: string }) => {
    const key = `${doc._id}\n${doc._rev}`
    if (seen.has(key)) return
    seen.add(key)
    lines.push(JSON.stringify(doc))
  }
  let seq: Seq = options.since
  for (;;) {
    const changes = await db.changes({ since: seq, style: 'all_docs', limit: batchSize, return_docs: true })
    const wanted: Array<{ id: string; rev: string }> = []
    for (const change of changes.results) {
      if (change.id.startsWith('_design/')) continue
      if (!idOfStation(change.id, options.station)) {
        skipped.push(change.id)
        continue
      }
      for (const { rev } of change.changes) wanted.push({ id: change.id, rev })
    }
    if (wanted.length > 0) {
      const got = await db.bulkGet({ docs: wanted, revs: true, attachments: true })
      const gone = new Set<string>()
      for (const result of got.results) {
        for (const one of result.docs) {
          // bulkGet answers with the document (with `_id` and `_rev`), or an error for that revision.
          if ('ok' in one) add(one.ok as PouchDB.Core.GetMeta & PouchDB.Core.IdMeta & { _rev: string })
          else gone.add(result.id)
        }
      }
      // A leaf edited while we read (and its old body compacted away, as the station compacts
      // automatically) comes as the document's current leaves instead: they are newer still.
      for (const id of gone) {
        const options: PouchDB.Core.GetOpenRevisions & { attachments: boolean } = { open_revs: 'all', revs: true, attachments: true }
        const leaves: Array<Partial<PouchDB.Core.Revision<object>>> = await db.get(id, options)
        for (const leaf of leaves) if (leaf.ok) add(leaf.ok)
      }
    }
    seq = changes.last_seq
    if (changes.results.length < batchSize) break
  }

  const payload = encoder.encode(lines.map((line) => `${line}\n`).join(''))
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    direction: options.direction,
    station: options.station,
    fromSeq: options.since,
    toSeq: seq,
    count: lines.length,
    createdAt: options.now,
    sha256: await sha256Hex(payload),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
    ...(options.acknowledges !== undefined ? { acknowledges: options.acknowledges } : {}),
  }
  const head = encoder.encode(`${JSON.stringify(manifest)}\n`)
  const plain = new Uint8Array(head.length + payload.length)
  plain.set(head, 0)
  plain.set(payload, head.length)
  return { bytes: await gzip(plain), manifest, skipped }
}

/**
 * The database's own id, the one PouchDB's replicator names its checkpoints by: it stays with the
 * database and is new if the database is ever made afresh (when its sequence numbers restart).
 */
export function databaseOrigin(db: PouchDB.Database): Promise<string> {
  // `id()` is PouchDB API (the replicator uses it) that @types/pouchdb-core leaves out.
  return (db as unknown as { id(): Promise<string> }).id()
}

export interface ReadBundle {
  manifest: BundleManifest
  docs: BundleDoc[]
}

/**
 * Reads and verifies a bundle file on its own terms: gzip intact, manifest understood, every line
 * there, checksum right, every document the manifest's station's. Throws BundleError.
 */
export async function readBundle(bytes: Uint8Array): Promise<ReadBundle> {
  const { manifest, docs, sha } = await parseBundle(bytes)
  const check = checkBundle(manifest, docs, null, sha)
  if (!check.ok) throw new BundleError(check.error, check.detail)
  return { manifest: check.manifest, docs: check.docs }
}

export interface ImportOptions {
  /** the station this database is of; null on the central server, where the manifest names it */
  station: string | null
  expectDirection: BundleDirection
  /** documents per bulkDocs */
  batchSize?: number
}

export interface ImportResult {
  manifest: BundleManifest
  /** leaf revisions this database did not have */
  written: number
  /** leaf revisions it had already (all of them, the second time) */
  alreadyPresent: number
}

/**
 * Verifies the whole file first (truncated, altered, another station's, the wrong way round) and
 * writes nothing unless all of it passes; then stores the revisions the database lacks, exactly as
 * they are (`new_edits: false`).
 */
export async function importBundle(db: BundleDb, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { manifest, docs, sha } = await parseBundle(bytes)
  const check = checkBundle(manifest, docs, options.station, sha, options.expectDirection)
  if (!check.ok) throw new BundleError(check.error, check.detail)

  const batchSize = options.batchSize ?? 1000
  let written = 0
  for (let start = 0; start < check.docs.length; start += batchSize) {
    const batch = check.docs.slice(start, start + batchSize)
    // Only what is missing is written: the second import writes nothing at all, and the count
    // tells the technician so.
    const wanted: Record<string, string[]> = {}
    for (const doc of batch) (wanted[doc._id] ??= []).push(doc._rev)
    const diff = await db.revsDiff(wanted)
    const missing = batch.filter((doc) => diff[doc._id]?.missing?.includes(doc._rev))
    if (missing.length === 0) continue
    const results = await db.bulkDocs(missing as unknown as PouchDB.Core.PutDocument<object>[], { new_edits: false })
    const refused = results.flatMap((result) =>
      'error' in result && result.error ? [{ id: result.id ?? '?', reason: String(result.reason ?? result.message ?? result.name) }] : [],
    )
    if (refused.length > 0) throw new BundleWriteError(refused)
    written += missing.length
  }
  return { manifest: check.manifest, written, alreadyPresent: check.docs.length - written }
}

// ---- the file ------------------------------------------------------------------------------------

/** The manifest and documents as they stand in the file, unchecked, with the checksum of the document lines. */
async function parseBundle(bytes: Uint8Array): Promise<{ manifest: unknown; docs: unknown[]; sha: string }> {
  // gzip's magic number: anything else was never a bundle (a spreadsheet picked by mistake, say).
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new BundleError('notABundle')
  const plain = await gunzip(bytes)

  const end = plain.indexOf(NEWLINE)
  if (end < 0) {
    // One line and no newline: a manifest cut short, or something else entirely.
    throw new BundleError(parsesAsManifestStart(plain) ? 'truncated' : 'notABundle')
  }
  let manifest: unknown
  try {
    manifest = JSON.parse(decoder().decode(plain.subarray(0, end)))
  } catch {
    throw new BundleError('notABundle')
  }
  const payload = plain.subarray(end + 1)
  // Every line ends in a newline: one that does not was cut off.
  if (payload.length > 0 && payload[payload.length - 1] !== NEWLINE) {
    if (isBundleManifest(manifest)) throw new BundleError('truncated')
    throw new BundleError('notABundle')
  }
  const sha = await sha256Hex(payload)
  const text = decoder().decode(payload)
  const docs: unknown[] = []
  let from = 0
  while (from < text.length) {
    const to = text.indexOf('\n', from)
    const line = text.slice(from, to)
    from = to + 1
    try {
      docs.push(JSON.parse(line))
    } catch {
      // Reported as badDocument by checkBundle, after the checksum has had its say.
      docs.push(null)
    }
  }
  return { manifest, docs, sha }
}

const decoder = () => new TextDecoder('utf-8', { fatal: false })

function isBundleManifest(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BUNDLE_FORMAT
}

function parsesAsManifestStart(plain: Uint8Array): boolean {
  return decoder().decode(plain.subarray(0, 64)).startsWith(`{"format":"${BUNDLE_FORMAT}"`)
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'))
}

/**
 * Decompresses, telling a file cut short (the gzip stream ends before its trailer) from one that is
 * damaged (a bad block or a wrong CRC-32). Node's zlib says "unexpected end of file" and Chromium's
 * "Compressed input was truncated" for the first.
 */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await pipe(bytes, new DecompressionStream('gzip'))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new BundleError(/unexpected end|truncat/i.test(message) ? 'truncated' : 'checksum')
  }
}

/**
 * Runs bytes through a (de)compression stream. Read with a reader, not `new Response(stream)`:
 * Chromium reports any error of a stream read through Response as "Failed to fetch", losing the
 * decompressor's own message.
 */
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // Typed as backed by a plain ArrayBuffer, which the DOM's typings ask for (Node's have no BlobPart).
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    length += value.length
  }
  const joined = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    joined.set(chunk, at)
    at += chunk.length
  }
  return joined
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Browsers offer crypto.subtle only to secure pages (https, localhost, file://, the desktop app).
  if (!globalThis.crypto?.subtle) throw new Error('SHA-256 (crypto.subtle) is unavailable: open the app over https, on localhost, or as the desktop app')
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}
