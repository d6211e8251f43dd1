import { stationDbUrl, type SyncSettings } from '../domain/sync'

/**
 * The station's database on the central server, as live sync and 立即同步 open it.
 * skip_setup: the station never creates its database; provisioning does (and a PUT by a non-admin is
 * refused by CouchDB). auth: each request carries the credentials, as no cookie comes back from a
 * server on another origin.
 */
export function openStationRemote(Pouch: PouchDB.Static, settings: SyncSettings, password: string): PouchDB.Database {
  const remote = new Pouch(stationDbUrl(settings), { skip_setup: true, auth: { username: settings.username, password } })
  answerInfoFailuresEmpty(remote)
  return remote
}

/**
 * PouchDB's replicator reads the source's info() after each batch, only to update its task list, and
 * attaches no catch: when the server goes away mid-batch that rejection would surface as an
 * unhandled error. A failed info() on the remote therefore answers an empty one; the replication
 * itself meets the same failure on its next request, handles it and retries.
 */
function answerInfoFailuresEmpty(remote: PouchDB.Database): void {
  const info = remote.info.bind(remote)
  remote.info = (() =>
    info().catch(() => ({ db_name: remote.name, doc_count: 0, update_seq: 0 }))) as unknown as typeof remote.info
}
