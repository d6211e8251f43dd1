// Provisioning of the central Apache CouchDB 3 for one station: its database, `_security`, design
// document, user, the shared `directory`, and the `district` roll-up fed by `_replicator`.
// Plain CouchDB 3 HTTP API on fetch (Node or browser), and idempotent: every step first reads what
// is there and writes only what differs, so a second run reports everything unchanged.
import {
  DIRECTORY_DB,
  DISTRICT_DB,
  ROLLUP_ROLE,
  ROLLUP_USER,
  STATION_ROLE,
  basicAuth,
  directoryDesignDoc,
  directorySecurity,
  districtDesignDoc,
  districtSecurity,
  isStationCode,
  ownRollupFields,
  rollupReplication,
  stationDbName,
  stationDesignDoc,
  stationEntry,
  stationSecurity,
  stationUserName,
  stationWriterRole,
  userDocId,
  type SecurityObject,
  type ValidateSources,
} from '../renderer/src/contract'
import {
  CentralSetupError,
  couchRequest,
  parseServerUrl,
  pathOf,
  sameJson,
  unexpected,
  type CouchServer,
} from './couchHttp'

export type StepOutcome = 'created' | 'updated' | 'unchanged'

export interface SetupStep {
  /** what was looked at, e.g. "database station-xingfu" */
  what: string
  outcome: StepOutcome
}

export interface SetupReport {
  steps: SetupStep[]
  /** nothing had to change: the server was already set up for this station */
  alreadySetUp: boolean
  stationDb: string
  stationUser: string
  /** only when this run made the station's password up: to be shown once, then it is gone */
  generatedPassword?: string
}

export interface StationSetup {
  /** `http://admin:password@host:5984/`: a server admin's credentials in the address */
  serverUrl: string
  /** the station code, as in the station's settings (e.g. xingfu) */
  station: string
  /** the station's name, listed in the directory (e.g. 幸福村党群服务中心) */
  name: string
  /** the station user's password; made up (and reported once) when the user is new and none is given */
  password?: string
  /**
   * The server as it reaches itself, for the roll-up replication (CouchDB 3 replicates between
   * URLs only). Defaults to `serverUrl` without credentials; inside docker it is usually
   * http://127.0.0.1:5984/.
   */
  replicationUrl?: string
  /** the validate_doc_update functions: the contract's validateSources() */
  sources: ValidateSources
  fetch?: typeof fetch
}

/** Checks the station code the way the station's own settings do. */
export function checkStationCode(code: string): string {
  if (!isStationCode(code)) {
    throw new CentralSetupError(
      'badStationCode',
      `驿站代码“${code}”不对：应为 2–32 位小写字母、数字或连字符，以字母或数字开头（与驿站设置里的代码一致）`,
      `Station code "${code}" is not valid: 2–32 lowercase letters, digits or hyphens, starting with a letter or digit (as in the station's settings)`,
    )
  }
  return code
}

export async function setupStation(setup: StationSetup): Promise<SetupReport> {
  const code = checkStationCode(setup.station)
  if (!setup.name.trim()) {
    throw new CentralSetupError('badStationName', '请给出驿站名称（--name）', 'The station needs a name (--name)')
  }
  const server = parseServerUrl(setup.serverUrl, setup.fetch)
  await checkServerAdmin(server)
  const replicationUrl = setup.replicationUrl ?? server.base
  const steps: SetupStep[] = []
  const step = (what: string, outcome: StepOutcome) => steps.push({ what, outcome })

  // CouchDB 3 on a single node makes no system databases until told to; users and
  // replications live there.
  step('database _users', await ensureDatabase(server, '_users'))
  step('database _replicator', await ensureDatabase(server, '_replicator'))

  // A database with its security object: never one without the other, since a database without
  // members is open to every logged-in user on some servers.
  const secured = async (name: string, security: SecurityObject) => {
    const made = await ensureDatabase(server, name)
    step(`database ${name}`, made)
    step(`security of ${name}`, await ensureSecurity(server, name, security, made === 'created'))
  }

  const db = stationDbName(code)
  await secured(db, stationSecurity(code))
  step(`design document ${db}/_design/station`, await ensureDoc(server, db, stationDesignDoc(setup.sources)))

  const user = stationUserName(code)
  const stationUser = await ensureUser(server, user, [stationWriterRole(code), STATION_ROLE], setup.password)
  step(`user ${user}`, stationUser.outcome)

  await secured(DIRECTORY_DB, directorySecurity())
  step(
    `design document ${DIRECTORY_DB}/_design/directory`,
    await ensureDoc(server, DIRECTORY_DB, directoryDesignDoc(setup.sources)),
  )
  step(`directory entry of ${code}`, await ensureDoc(server, DIRECTORY_DB, stationEntry(code, setup.name.trim())))

  await secured(DISTRICT_DB, districtSecurity())
  step(
    `design document ${DISTRICT_DB}/_design/district`,
    await ensureDoc(server, DISTRICT_DB, districtDesignDoc(setup.sources)),
  )

  // The roll-up user's password lives only in the replication documents (which only admins read).
  // A run for a new station reuses it from there; if it cannot be found, a new one is set and every
  // roll-up replication is rewritten with it.
  const stored = await storedRollupReplications(server)
  const knownPassword = await firstWorkingPassword(server, ROLLUP_USER, stored.map(rollupPasswordOf))
  const rollup = { username: ROLLUP_USER, password: knownPassword ?? makePassword() }
  step(`user ${ROLLUP_USER}`, (await ensureUser(server, ROLLUP_USER, [ROLLUP_ROLE], rollup.password)).outcome)

  const wanted = rollupReplication(code, replicationUrl, rollup)
  for (const other of stored) {
    if (other._id === wanted._id) continue
    const rewritten = withCredentials(other, basicAuth(rollup.username, rollup.password))
    step(`replication ${other._id}`, await ensureReplicatorDoc(server, rewritten))
  }
  step(`replication ${wanted._id}`, await ensureReplicatorDoc(server, wanted))

  return {
    steps,
    alreadySetUp: steps.every((s) => s.outcome === 'unchanged'),
    stationDb: db,
    stationUser: user,
    ...(stationUser.generated ? { generatedPassword: stationUser.password } : {}),
  }
}

/** The server answers, and the address's credentials are a server admin's. */
export async function checkServerAdmin(server: CouchServer): Promise<void> {
  // Asked without credentials: CouchDB answers 401 to wrong ones on any path, even this one.
  const welcome = await couchRequest(server, 'GET', '', undefined, '')
  if (welcome.status !== 200) unexpected(`GET ${server.base}`, welcome)
  if (!server.authorization) throw notAdmin(server)
  const session = await couchRequest<{ userCtx?: { roles?: string[] } }>(server, 'GET', '_session')
  if (session.status === 401) {
    throw new CentralSetupError(
      'badCredentials',
      `管理员用户名或密码不对（${server.username}）`,
      `The admin name or password is wrong (${server.username})`,
    )
  }
  if (session.status !== 200) unexpected('GET _session', session)
  if (!session.body.userCtx?.roles?.includes('_admin')) throw notAdmin(server)
}

function notAdmin(server: CouchServer) {
  const who = server.username ? `“${server.username}”` : '（地址里没有用户名和密码）'
  const whoEn = server.username ? `"${server.username}"` : '(the address has no user and password)'
  return new CentralSetupError(
    'notAdmin',
    `${who} 不是中心服务器的管理员：请在地址里写管理员，如 http://admin:密码@主机:5984`,
    `${whoEn} is not a server admin of the central server: put an admin in the address, e.g. http://admin:password@host:5984`,
  )
}

export async function ensureDatabase(server: CouchServer, name: string): Promise<StepOutcome> {
  const found = await couchRequest(server, 'GET', pathOf(name))
  if (found.status === 200) return 'unchanged'
  if (found.status !== 404) unexpected(`GET ${name}`, found)
  const made = await couchRequest(server, 'PUT', pathOf(name))
  if (made.status === 201 || made.status === 202) return 'created'
  if (made.status === 412) return 'unchanged' // made meanwhile by someone else
  return unexpected(`PUT ${name}`, made)
}

/** An absent section reads as an empty one, so `{}` and `{admins: {names: [], roles: []}}` agree. */
function normalizeSecurity(sec: Partial<SecurityObject> | null): SecurityObject {
  const section = (s?: { names?: string[]; roles?: string[] }) => ({ names: s?.names ?? [], roles: s?.roles ?? [] })
  return { admins: section(sec?.admins), members: section(sec?.members) }
}

/**
 * `newDatabase`: the database was made by this run, so its security object counts as created
 * even though CouchDB 3 gives every new database an admin-only one.
 */
export async function ensureSecurity(
  server: CouchServer,
  db: string,
  wanted: SecurityObject,
  newDatabase = false,
): Promise<StepOutcome> {
  const path = `${pathOf(db)}/_security`
  const found = await couchRequest<Partial<SecurityObject> | null>(server, 'GET', path)
  if (found.status !== 200) unexpected(`GET ${path}`, found)
  if (sameJson(normalizeSecurity(found.body), wanted)) return 'unchanged'
  const wasEmpty = !found.body || Object.keys(found.body).length === 0
  const put = await couchRequest(server, 'PUT', path, wanted)
  if (put.status !== 200 && put.status !== 201) unexpected(`PUT ${path}`, put)
  return wasEmpty || newDatabase ? 'created' : 'updated'
}

type StoredDoc = Record<string, unknown> & { _id: string; _rev?: string }

/**
 * Writes `wanted` unless the stored document already says the same (`own` picks the fields we
 * set, for documents the server adds fields to). Retries when someone else updates it meanwhile.
 */
export async function ensureDoc(
  server: CouchServer,
  db: string,
  wanted: { _id: string },
  own: (doc: StoredDoc) => Record<string, unknown> = stripRev,
): Promise<StepOutcome> {
  const path = pathOf(db, wanted._id)
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await couchRequest<StoredDoc>(server, 'GET', path)
    if (found.status !== 200 && found.status !== 404) unexpected(`GET ${db}/${wanted._id}`, found)
    const existing = found.status === 200 ? found.body : undefined
    if (existing && sameJson(own(existing), own(wanted as StoredDoc))) return 'unchanged'
    const body = existing ? { ...wanted, _rev: existing._rev } : wanted
    const put = await couchRequest(server, 'PUT', path, body)
    if (put.status === 201 || put.status === 202) return existing ? 'updated' : 'created'
    if (put.status !== 409) unexpected(`PUT ${db}/${wanted._id}`, put)
  }
  throw new CentralSetupError(
    'unexpected',
    `${db}/${wanted._id} 一直在被别人修改，请稍后再试`,
    `${db}/${wanted._id} keeps changing under us; try again later`,
  )
}

function stripRev(doc: StoredDoc): Record<string, unknown> {
  const { _rev: _ignored, ...rest } = doc
  return rest
}

/**
 * A `_replicator` document is replaced by deleting it and writing it anew, not updated in place:
 * CouchDB 1.x and its imitations refuse edits to a replication in the "triggered" state, and the
 * documented way to stop a replication, deleting its document, works everywhere.
 */
export async function ensureReplicatorDoc(server: CouchServer, wanted: { _id: string }): Promise<StepOutcome> {
  const path = pathOf('_replicator', wanted._id)
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await couchRequest<StoredDoc>(server, 'GET', path)
    if (found.status !== 200 && found.status !== 404) unexpected(`GET _replicator/${wanted._id}`, found)
    const existing = found.status === 200 ? found.body : undefined
    if (existing && sameJson(ownRollupFields(existing), ownRollupFields(wanted as StoredDoc))) return 'unchanged'
    if (existing) {
      const removed = await couchRequest(server, 'DELETE', `${path}?rev=${encodeURIComponent(existing._rev ?? '')}`)
      if (removed.status === 409) continue // the replicator updated it meanwhile
      if (removed.status !== 200 && removed.status !== 202) unexpected(`DELETE _replicator/${wanted._id}`, removed)
    }
    const put = await couchRequest(server, 'PUT', path, wanted)
    if (put.status === 201 || put.status === 202) return existing ? 'updated' : 'created'
    if (put.status !== 409) unexpected(`PUT _replicator/${wanted._id}`, put)
  }
  throw new CentralSetupError(
    'unexpected',
    `_replicator/${wanted._id} 一直在被别人修改，请稍后再试`,
    `_replicator/${wanted._id} keeps changing under us; try again later`,
  )
}

interface UserDoc extends StoredDoc {
  name: string
  type: 'user'
  roles: string[]
  password?: string
}

/**
 * The user exists with exactly these roles. With a password, the user's password becomes it
 * (checked by logging in, since CouchDB stores only a hash); without one, a new user gets a made-up
 * password and an existing user keeps theirs.
 */
export async function ensureUser(
  server: CouchServer,
  name: string,
  roles: string[],
  password?: string,
): Promise<{ outcome: StepOutcome; password?: string; generated: boolean }> {
  const path = pathOf('_users', userDocId(name))
  const found = await couchRequest<UserDoc>(server, 'GET', path)
  if (found.status === 404) {
    const chosen = password ?? makePassword()
    const doc: UserDoc = { _id: userDocId(name), name, type: 'user', roles, password: chosen }
    const put = await couchRequest(server, 'PUT', path, doc)
    if (put.status !== 201 && put.status !== 202) unexpected(`PUT ${path}`, put)
    return { outcome: 'created', password: chosen, generated: password === undefined }
  }
  if (found.status !== 200) unexpected(`GET ${path}`, found)
  const existing = found.body
  const rolesOk = sameJson([...(existing.roles ?? [])].sort(), [...roles].sort())
  const passwordOk = password === undefined || (await canLogIn(server, name, password))
  if (rolesOk && passwordOk) return { outcome: 'unchanged', ...(password ? { password } : {}), generated: false }
  // Putting the stored document back keeps its password hash; a `password` field replaces it.
  const doc: UserDoc = { ...existing, roles, ...(passwordOk ? {} : { password }) }
  const put = await couchRequest(server, 'PUT', path, doc)
  if (put.status !== 201 && put.status !== 202) unexpected(`PUT ${path}`, put)
  return { outcome: 'updated', ...(password ? { password } : {}), generated: false }
}

/** Whether `name` can log in with `password` (CouchDB answers `_session` with the user it recognised). */
export async function canLogIn(server: CouchServer, name: string, password: string): Promise<boolean> {
  const session = await couchRequest<{ userCtx?: { name?: string | null } }>(
    server,
    'GET',
    '_session',
    undefined,
    basicAuth(name, password),
  )
  return session.status === 200 && session.body.userCtx?.name === name
}

async function firstWorkingPassword(server: CouchServer, name: string, candidates: (string | undefined)[]) {
  for (const candidate of new Set(candidates)) {
    if (candidate !== undefined && (await canLogIn(server, name, candidate))) return candidate
  }
  return undefined
}

/** Our roll-up replication documents as stored, for all stations. */
async function storedRollupReplications(server: CouchServer): Promise<StoredDoc[]> {
  const query = `startkey=${encodeURIComponent('"rollup:"')}&endkey=${encodeURIComponent('"rollup:\uffff"')}&include_docs=true`
  const found = await couchRequest<{ rows: { doc?: StoredDoc }[] }>(server, 'GET', `_replicator/_all_docs?${query}`)
  if (found.status !== 200) unexpected('GET _replicator/_all_docs', found)
  return found.body.rows.flatMap((row) => (row.doc ? [row.doc] : []))
}

function rollupPasswordOf(doc: StoredDoc): string | undefined {
  const header = (doc.source as { headers?: { Authorization?: string } } | undefined)?.headers?.Authorization
  if (!header?.startsWith('Basic ')) return undefined
  try {
    const binary = atob(header.slice('Basic '.length))
    const text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
    const colon = text.indexOf(':')
    return colon >= 0 && text.slice(0, colon) === ROLLUP_USER ? text.slice(colon + 1) : undefined
  } catch {
    return undefined
  }
}

/** Another station's roll-up replication with the current roll-up credentials, its addresses kept. */
function withCredentials(doc: StoredDoc, authorization: string): StoredDoc {
  const endpoint = (value: unknown) => {
    const url = (value as { url?: string } | undefined)?.url ?? String(value)
    return { url, headers: { Authorization: authorization } }
  }
  return { ...ownRollupFields(doc), _id: doc._id, source: endpoint(doc.source), target: endpoint(doc.target) }
}

// No 0/O, 1/l/I: the technician may read it out to the station's clerk.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A random password of 20 characters (about 114 bits). */
export function makePassword(length = 20): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length) // no modulo bias
  let password = ''
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]
    }
  }
  return password
}
