// The 同步包 (bundle file) format: its manifest, its documents, and whether a bundle read from a file may be imported.
import { z } from 'zod'
import { STATION_CODE } from '../domain/station'

// 同步包: a file that carries a station's records to the central server (or central's records back
// to the station) for a station with no connection at all. This module is the pure half: what a
// bundle's manifest must say and whether a bundle read from a file may be imported. Reading the
// file, hashing and writing to PouchDB are in bundle.ts beside it.
//
// The file (version 1) is one gzip member (CompressionStream('gzip')) holding UTF-8 NDJSON:
//   line 1      the manifest, JSON (BundleManifest below)
//   lines 2…    one document per line: one leaf revision of a document, as
//               `bulkGet({ revs: true })` gives it, so with its `_revisions` history
// Every line, the last one included, ends in "\n". `sha256` is the lowercase hex SHA-256 of the
// exact bytes of the document lines (everything after the manifest's "\n"): hashing bytes rather
// than re-serialised JSON leaves nothing to disagree about. Because each document keeps its
// revision history, `bulkDocs(docs, { new_edits: false })` stores the very same revisions: a second
// import adds nothing, and a later live replication finds them already there.

export const BUNDLE_FORMAT = 'tongxin-bundle'
export const BUNDLE_VERSION = 1
export const BUNDLE_DIRECTIONS = ['toCentral', 'toStation'] as const
export type BundleDirection = (typeof BUNDLE_DIRECTIONS)[number]

/**
 * A database's update sequence: a number in PouchDB, an opaque string in CouchDB 3. Only ever
 * passed back to the database that made it, never compared across databases.
 */
export type Seq = number | string
const seqSchema = z.union([z.number().int().nonnegative(), z.string().min(1).max(500)])

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  direction: z.enum(BUNDLE_DIRECTIONS),
  station: z.string().regex(STATION_CODE),
  /** the changes after this sequence of the exporting database… */
  fromSeq: seqSchema,
  /** …up to and including this one */
  toSeq: seqSchema,
  /** document lines in the file */
  count: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Station bundles: the exporting database's own id (PouchDB's `db.id()`). A station may have
   * several desks, each with its own PouchDB and its own sequence numbers: a sequence means
   * something only together with the database it came from.
   */
  origin: z.string().min(1).max(200).optional(),
  /**
   * Return bundles: for each station database (by origin), its sequence up to which the central
   * server holds, without a gap, what that database's bundles carried. The desk takes its own
   * entry as acknowledged.
   */
  acknowledges: z.record(z.string().min(1).max(200), seqSchema).optional(),
})

export type BundleManifest = z.infer<typeof bundleManifestSchema>

/** One leaf revision with its history, ready for `bulkDocs(…, { new_edits: false })`. */
export const bundleDocSchema = z.looseObject({
  _id: z.string().min(1),
  _rev: z.string().regex(/^[1-9]\d*-\S+$/),
  _revisions: z.object({
    start: z.number().int().positive(),
    ids: z.array(z.string().min(1)).min(1),
  }),
  _deleted: z.boolean().optional(),
  stationId: z.unknown().optional(),
})

export type BundleDoc = z.infer<typeof bundleDocSchema>

export const BUNDLE_ERRORS = [
  'notABundle',
  'unsupportedVersion',
  'truncated',
  'countMismatch',
  'checksum',
  'wrongStation',
  'wrongDirection',
  'badDocument',
] as const
export type BundleErrorKey = (typeof BUNDLE_ERRORS)[number]

/** The i18n key of a verdict, e.g. bundle.error.truncated. */
export const bundleErrorMessage = (key: BundleErrorKey) => `bundle.error.${key}` as const

export type BundleCheck =
  | { ok: true; manifest: BundleManifest; docs: BundleDoc[] }
  /** `detail`: the document at fault (badDocument), or the bundle's station (wrongStation) */
  | { ok: false; error: BundleErrorKey; detail?: string }

/**
 * Whether a bundle read from a file may be imported. `sha` is the SHA-256 (hex) of its document
 * lines as read; `expectedStation` null takes the station from the manifest (the central server
 * imports any station's bundle); `expectedDirection` undefined accepts either.
 *
 * The order matters for the message: a file that cannot be trusted (truncated, altered) is called
 * that before anything about whom it is for is believed.
 */
export function checkBundle(
  manifest: unknown,
  docs: readonly unknown[],
  expectedStation: string | null,
  sha: string,
  expectedDirection?: BundleDirection,
): BundleCheck {
  const fail = (error: BundleErrorKey, detail?: string): BundleCheck => ({ ok: false, error, ...(detail !== undefined ? { detail } : {}) })
  if (typeof manifest !== 'object' || manifest === null || (manifest as { format?: unknown }).format !== BUNDLE_FORMAT) {
    return fail('notABundle')
  }
  // A newer app's bundle is told apart from garbage so the clerk knows an update will read it.
  if ((manifest as { version?: unknown }).version !== BUNDLE_VERSION) return fail('unsupportedVersion')
  const parsed = bundleManifestSchema.safeParse(manifest)
  if (!parsed.success) return fail('notABundle')
  const m = parsed.data

  if (docs.length < m.count) return fail('truncated')
  if (docs.length > m.count) return fail('countMismatch')
  if (sha.toLowerCase() !== m.sha256) return fail('checksum')
  if (expectedStation !== null && m.station !== expectedStation) return fail('wrongStation', m.station)
  if (expectedDirection !== undefined && m.direction !== expectedDirection) return fail('wrongDirection')

  const checked: BundleDoc[] = []
  for (const raw of docs) {
    const doc = bundleDocSchema.safeParse(raw)
    if (!doc.success) return fail('badDocument', idOf(raw))
    if (!revisionsAgree(doc.data) || !belongsToStation(doc.data, m.station)) return fail('badDocument', doc.data._id)
    checked.push(doc.data)
  }
  return { ok: true, manifest: m, docs: checked }
}

/**
 * Whether a document id is one of `station`'s: every record id is `<type>:<station>:…`
 * (need:, needEvent:) or `<type>:<station>` (station:). Design and local documents (`_…`) never
 * travel in a bundle: a design document could replace the server's validate function.
 */
export function idOfStation(id: string, station: string): boolean {
  if (id.startsWith('_')) return false
  const parts = id.split(':')
  return parts.length >= 2 && parts[0] !== '' && parts[1] === station
}

function belongsToStation(doc: BundleDoc, station: string): boolean {
  if (!idOfStation(doc._id, station)) return false
  // A deleted leaf has no body; a live one must say the same station as its id.
  return doc._deleted === true || doc.stationId === undefined || doc.stationId === station
}

/** `_rev` must be the newest entry of `_revisions`, else new_edits:false would store something else. */
function revisionsAgree(doc: BundleDoc): boolean {
  const dash = doc._rev.indexOf('-')
  return Number(doc._rev.slice(0, dash)) === doc._revisions.start && doc._rev.slice(dash + 1) === doc._revisions.ids[0]
}

function idOf(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { _id?: unknown })._id : undefined
  return typeof id === 'string' ? id : undefined
}

/**
 * The later of two sequences of the same PouchDB (numbers). CouchDB's strings cannot be ordered
 * by the client, so of two different strings the newer one, `b`, is kept.
 */
export function laterSeq(a: Seq, b: Seq): Seq {
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b)
  return b
}

/**
 * Whether a bundle starting after `from` continues what is already held up to `held` without a
 * gap. Only PouchDB's numeric sequences can be compared; anything else is not assumed to.
 */
export function continuesFrom(held: Seq, from: Seq): boolean {
  if (from === 0 || from === '0' || from === held) return true
  return typeof held === 'number' && typeof from === 'number' && from <= held
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * 同步包-<station>-<YYYYMMDD-HHmm>.tongxin.gz, the time in China (UTC+8); a return bundle from
 * central says 中心 so the two are not mixed up on a USB stick.
 */
export function bundleFileName(station: string, createdAt: string, direction: BundleDirection = 'toCentral'): string {
  const local = new Date(Date.parse(createdAt) + CHINA_OFFSET_MS).toISOString()
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`
  return `同步包-${station}${direction === 'toStation' ? '-中心' : ''}-${stamp}.tongxin.gz`
}
