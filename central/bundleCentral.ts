// The central server's half of 同步包 (bundle files), for the technician's command (Node only):
// import a station's bundle straight into `station-<code>`, and export central's changes of that
// database as a return bundle. The bundle code itself is the contract's, the same the station runs,
// here on a PouchDB http database; the server admin's credentials travel as PouchDB's `auth`.
import PouchDB from 'pouchdb-node'
import {
  continuesFrom,
  exportBundle,
  importBundle,
  laterSeq,
  readBundle,
  stationDbName,
  type ExportedBundle,
  type ImportResult,
  type Seq,
} from '../renderer/src/contract'
import { CentralSetupError, couchRequest, parseServerUrl, pathOf, unexpected, type CouchServer } from './couchHttp'
import { checkServerAdmin, checkStationCode } from './provision'

/**
 * Kept in each station database as a local document (CouchDB 3: /{db}/_local/{id}, never
 * replicated): for each of the station's desks (by the origin its bundles name), the sequence up to
 * which its bundles have been imported without a gap. Return bundles carry it back so each desk
 * knows what central holds.
 */
export const BUNDLE_ACK_DOC = '_local/tongxin-bundle-ack'

interface AckDoc {
  _rev?: string
  origins: Record<string, { stationSeq: Seq; updatedAt: string }>
}

export interface CentralImportResult extends ImportResult {
  database: string
  /** the desk's sequence central now holds everything up to, or null if a gap remains (or the bundle names no origin) */
  acknowledged: Seq | null
}

/** Verifies the whole bundle, then writes it into its station's database. */
export async function importBundleToCentral(serverUrl: string, bytes: Uint8Array, now: string, fetchImpl?: typeof fetch): Promise<CentralImportResult> {
  // The file is judged before the server is even asked: a bad bundle gets its own message.
  const { manifest } = await readBundle(bytes)
  const code = checkStationCode(manifest.station)
  const server = parseServerUrl(serverUrl, fetchImpl)
  await checkServerAdmin(server)
  const database = stationDbName(code)
  await checkProvisioned(server, database)

  const result = await importBundle(remoteDb(serverUrl, server, database, fetchImpl), bytes, { station: code, expectDirection: 'toCentral' })

  // Only a bundle that continues what central already holds of that desk moves the
  // acknowledgment: a later bundle imported before an earlier one must not claim the earlier one's
  // changes.
  let acknowledged: Seq | null = null
  if (manifest.origin) {
    const ack = (await readAck(server, database)) ?? { origins: {} }
    const held = ack.origins[manifest.origin]?.stationSeq ?? 0
    if (continuesFrom(held, manifest.fromSeq)) {
      acknowledged = laterSeq(held, manifest.toSeq)
      if (acknowledged !== held) {
        ack.origins = { ...ack.origins, [manifest.origin]: { stationSeq: acknowledged, updatedAt: now } }
        await writeAck(server, database, ack)
      }
    }
  }
  return { ...result, database, acknowledged }
}

/** Central's changes of one station's database after `since`, as a return bundle for that station. */
export async function exportBundleFromCentral(
  serverUrl: string,
  station: string,
  since: Seq,
  now: string,
  fetchImpl?: typeof fetch,
): Promise<ExportedBundle> {
  const code = checkStationCode(station)
  const server = parseServerUrl(serverUrl, fetchImpl)
  await checkServerAdmin(server)
  const database = stationDbName(code)
  await checkProvisioned(server, database)
  const ack = await readAck(server, database)
  return exportBundle(remoteDb(serverUrl, server, database, fetchImpl), {
    station: code,
    since,
    direction: 'toStation',
    now,
    acknowledges: Object.fromEntries(Object.entries(ack?.origins ?? {}).map(([origin, held]) => [origin, held.stationSeq])),
  })
}

function remoteDb(serverUrl: string, server: CouchServer, database: string, fetchImpl?: typeof fetch): PouchDB.Database {
  const { username, password } = new URL(serverUrl)
  return new PouchDB(server.base + encodeURIComponent(database), {
    // The database is provisioned by `setup`; a bundle never creates one.
    skip_setup: true,
    ...(username ? { auth: { username: decodeURIComponent(username), password: decodeURIComponent(password) } } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  } as PouchDB.HttpAdapter.HttpAdapterConfiguration)
}

async function checkProvisioned(server: CouchServer, database: string): Promise<void> {
  const found = await couchRequest(server, 'GET', pathOf(database))
  if (found.status === 404) {
    throw new CentralSetupError(
      'unexpected',
      `中心服务器上还没有数据库 ${database}：请先运行 npm run central -- setup 开通这个驿站`,
      `The central server has no database ${database}: provision the station first with npm run central -- setup`,
    )
  }
  if (found.status !== 200) unexpected(`GET ${database}`, found)
}

const ackPath = (database: string) => `${pathOf(database)}/${BUNDLE_ACK_DOC}`

async function readAck(server: CouchServer, database: string): Promise<AckDoc | null> {
  const found = await couchRequest<Partial<AckDoc>>(server, 'GET', ackPath(database))
  if (found.status === 404) return null
  if (found.status !== 200) unexpected(`GET ${database}/${BUNDLE_ACK_DOC}`, found)
  return { ...found.body, origins: found.body.origins ?? {} }
}

async function writeAck(server: CouchServer, database: string, doc: AckDoc): Promise<void> {
  const saved = await couchRequest(server, 'PUT', ackPath(database), doc)
  if (saved.status !== 201 && saved.status !== 200) unexpected(`PUT ${database}/${BUNDLE_ACK_DOC}`, saved)
}
