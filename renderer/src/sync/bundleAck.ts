import type { DeviceStore } from '../data/deviceStore'
import { continuesFrom, laterSeq, type BundleManifest, type Seq } from '../contract'

// What this desk knows of its bundles (同步包), kept in the device store (never synced): how far
// the central server has acknowledged this desk's changes, the last bundle exported and not yet
// confirmed, and how far central's own changes have come back in return bundles. A bundle exports
// everything after the acknowledged sequence, so an unconfirmed bundle's changes go again in the
// next one (harmless: importing what is already there writes nothing).
//
// Sequences belong to one PouchDB: everything here is kept with that database's id (`origin`,
// see sync/bundle.ts databaseOrigin), and forgotten if the database is ever a different one, so a
// desk whose database was made afresh exports everything again rather than skipping anything.

const KEY = 'bundleAck'

export interface ExportedBundleNote {
  fromSeq: Seq
  /** this desk's sequence the bundle goes up to */
  toSeq: Seq
  count: number
  createdAt: string
  fileName: string
}

export interface BundleAck {
  /** the local database these sequences are of */
  origin: string | null
  /** this desk's sequence up to which the central server holds everything (0: nothing yet) */
  acknowledgedSeq: Seq
  /** when the acknowledgment last moved */
  acknowledgedAt: string | null
  /** the last bundle exported and not yet confirmed as imported centrally */
  pending: ExportedBundleNote | null
  /**
   * Central's sequence (of station-<code>) up to which return bundles have arrived: the technician
   * passes it as `--since` to the next `npm run central -- export-bundle`.
   */
  centralSeq: Seq | null
}

const empty = (origin: string | null): BundleAck => ({ origin, acknowledgedSeq: 0, acknowledgedAt: null, pending: null, centralSeq: null })

/** What is known for the local database `origin`; nothing, if what is stored was of another one. */
export async function loadBundleAck(device: DeviceStore, origin: string): Promise<BundleAck> {
  const stored = await device.get<Partial<BundleAck> | null>(KEY, null)
  if (!stored || stored.origin !== origin) return empty(origin)
  return { ...empty(origin), ...stored }
}

const save = (device: DeviceStore, ack: BundleAck) => device.set(KEY, ack)

/** A bundle was saved to a file: it waits for the technician's confirmation. */
export async function noteExported(device: DeviceStore, manifest: BundleManifest, fileName: string): Promise<BundleAck> {
  if (!manifest.origin) throw new Error('a station bundle names its origin')
  const ack = await loadBundleAck(device, manifest.origin)
  const next: BundleAck = {
    ...ack,
    pending: { fromSeq: manifest.fromSeq, toSeq: manifest.toSeq, count: manifest.count, createdAt: manifest.createdAt, fileName },
  }
  await save(device, next)
  return next
}

/** The technician says the last exported bundle was imported on the central server. */
export async function acknowledgePending(device: DeviceStore, origin: string, now: string): Promise<BundleAck> {
  const ack = await loadBundleAck(device, origin)
  if (!ack.pending) return ack
  const next: BundleAck = {
    ...ack,
    acknowledgedSeq: laterSeq(ack.acknowledgedSeq, ack.pending.toSeq),
    acknowledgedAt: now,
    pending: null,
  }
  await save(device, next)
  return next
}

/**
 * A return bundle from central was imported here: remember how far central's changes have come,
 * and take what central says it holds of this desk's changes as acknowledged (it says so only
 * without a gap, see BundleManifest.acknowledges).
 */
export async function noteReturnBundle(device: DeviceStore, origin: string, manifest: BundleManifest, now: string): Promise<BundleAck> {
  const ack = await loadBundleAck(device, origin)
  let next: BundleAck = { ...ack, centralSeq: manifest.toSeq }
  const held = manifest.acknowledges?.[origin]
  if (held !== undefined) {
    const acknowledgedSeq = laterSeq(ack.acknowledgedSeq, held)
    // The pending bundle is settled once central holds all of it (it ends at or before `held`).
    const settled = ack.pending !== null && continuesFrom(held, ack.pending.toSeq)
    next = {
      ...next,
      acknowledgedSeq,
      acknowledgedAt: acknowledgedSeq !== ack.acknowledgedSeq ? now : ack.acknowledgedAt,
      pending: settled ? null : ack.pending,
    }
  }
  await save(device, next)
  return next
}
