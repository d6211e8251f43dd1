// How the central CouchDB is laid out: names, roles, security objects and the documents provisioning writes.

// One database per station, a read-only `directory`, and a `district` roll-up fed by CouchDB's
// `_replicator` (docs/ARCHITECTURE.md, "Station ↔ central"). Pure values: the provisioning command writes
// them, tests and the station side read the names.
import { defaultSyncUsername, stationDbName, stationFormSchema } from '../domain/station'
import type { ValidateSources } from './validateSources'

export const DIRECTORY_DB = 'directory'
export const DISTRICT_DB = 'district'

/** Every station user has it: it opens the directory for reading. */
export const STATION_ROLE = 'station'
/** The roll-up replication's user: reads every station database, writes the district one. */
export const ROLLUP_ROLE = 'district-rollup'
export const ROLLUP_USER = 'district-rollup'
/** District staff: read the roll-up (nobody has it yet; the security object already admits it). */
export const DISTRICT_READER_ROLE = 'district'

// A station's database and user are named from its code once, in domain/station (its sync settings
// use them too, and the domain may import nothing of ours): the contract passes those on, so the
// station and central cannot drift apart.
export { stationDbName }
/** The CouchDB user provisioned for a station: the user name its sync settings offer. */
export const stationUserName = defaultSyncUsername

/** Whether `code` is a station code as the station's own settings accept it (2–32 of a–z, 0–9, '-'). */
export function isStationCode(code: string): boolean {
  const parsed = stationFormSchema.shape.code.safeParse(code)
  return parsed.success && parsed.data === code
}

/** The role that may write a station's database; its validate function checks for it. */
export const stationWriterRole = (code: string) => `station:${code}`
export const userDocId = (name: string) => `org.couchdb.user:${name}`
export const rollupReplicationId = (code: string) => `rollup:${stationDbName(code)}`
export const stationEntryId = (code: string) => `stationEntry:${code}`

export interface SecurityObject {
  admins: { names: string[]; roles: string[] }
  members: { names: string[]; roles: string[] }
}

const security = (memberRoles: string[]): SecurityObject => ({
  // Only server admins administer these databases.
  admins: { names: [], roles: [] },
  members: { names: [], roles: memberRoles },
})

/** The station and the roll-up may read; the validate function lets only the station write. */
export const stationSecurity = (code: string) => security([stationWriterRole(code), ROLLUP_ROLE])
export const directorySecurity = () => security([STATION_ROLE, DISTRICT_READER_ROLE])
export const districtSecurity = () => security([ROLLUP_ROLE, DISTRICT_READER_ROLE])

export interface DesignDoc {
  _id: string
  _rev?: string
  language: 'javascript'
  validate_doc_update: string
}

const designDoc = (name: string, validate: string): DesignDoc => ({
  _id: `_design/${name}`,
  language: 'javascript',
  validate_doc_update: validate.trim(),
})

/** The same for every station: the validate function reads the station code from the database name. */
export const stationDesignDoc = (sources: ValidateSources) => designDoc('station', sources.station)
export const directoryDesignDoc = (sources: ValidateSources) => designDoc('directory', sources.directory)
export const districtDesignDoc = (sources: ValidateSources) => designDoc('district', sources.district)

/** The station as the directory lists it, so stations and district staff can name each other. */
export interface StationEntry {
  _id: string
  _rev?: string
  type: 'stationEntry'
  code: string
  name: string
  database: string
}

export const stationEntry = (code: string, name: string): StationEntry => ({
  _id: stationEntryId(code),
  type: 'stationEntry',
  code,
  name,
  database: stationDbName(code),
})

/** `user:password` as an HTTP Basic credential; UTF-8 so a non-ASCII password survives (web-standard btoa). */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

interface ReplicationEndpoint {
  url: string
  headers: { Authorization: string }
}

/** The fields of a `_replicator` document that we set (CouchDB adds its own `_replication_*` and `owner`). */
export interface RollupReplication {
  _id: string
  source: ReplicationEndpoint
  target: ReplicationEndpoint
  continuous: true
  create_target: false
  selector: { _id: { $regex: string } }
}

/**
 * The continuous replication from one station's database into the district roll-up.
 * `serverUrl` is the server as it reaches itself (CouchDB 3 replicates only between URLs). The
 * credentials go in an Authorization header, understood by every CouchDB 3.x (the `auth` object
 * needs 3.2+). The selector leaves design documents out: the station's validate function must not
 * land in the district database, and the roll-up user may not write design documents anyway.
 */
export function rollupReplication(
  code: string,
  serverUrl: string,
  rollup: { username: string; password: string },
): RollupReplication {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`
  const headers = { Authorization: basicAuth(rollup.username, rollup.password) }
  return {
    _id: rollupReplicationId(code),
    source: { url: base + stationDbName(code), headers },
    target: { url: base + DISTRICT_DB, headers },
    continuous: true,
    create_target: false,
    selector: { _id: { $regex: '^[^_]' } },
  }
}

/** The roll-up fields of a stored `_replicator` document, for comparison with what we would write. */
export function ownRollupFields(doc: Record<string, unknown>): Record<string, unknown> {
  const { source, target, continuous, create_target, selector } = doc
  return { _id: doc._id, source, target, continuous, create_target, selector }
}
