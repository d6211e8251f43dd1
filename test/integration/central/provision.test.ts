// Provisioning against the tests' central server: what a technician's `npm run central -- setup`
// leaves behind, and what each station's credentials can then do there.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CentralSetupError } from '../../../central/couchHttp'
import { setupStation, type SetupReport, type StationSetup } from '../../../central/provision'
import { validateSources } from '../../../renderer/src/contract'
import { startCentral, type Central } from '../../support/centralServer'

const sources = validateSources()
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

let central: Central
const setup = (station: string, extra: Partial<StationSetup> = {}) =>
  setupStation({ serverUrl: central.adminUrl, station, name: `${station} 党群服务中心`, sources, ...extra })

/** A request as `user` (or anonymous), answering status and parsed body. */
async function as(user: [string, string] | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (user) headers.Authorization = basic(...user)
  const response = await fetch(central.url + path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { rows?: { id: string }[] } }
}

const needOf = (station: string, ulid: string) => ({
  _id: `need:${station}:${ulid}`,
  type: 'need',
  schemaVersion: 1,
  stationId: station,
  createdAt: '2026-11-23T09:30:00.000+08:00',
  createdBy: '王芳',
  updatedAt: '2026-11-23T09:30:00.000+08:00',
  updatedBy: '王芳',
  number: `${station}-001`,
  registeredAt: '2026-11-23T09:30:00.000+08:00',
  resident: { name: '张三', phone: '13800138000' },
  village: '星河村',
  dueDate: '2026-11-26',
})

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const districtIds = async () => {
  const all = await as([central.admin.username, central.admin.password], 'GET', 'district/_all_docs')
  return (all.body.rows ?? []).map((row) => row.id)
}

const outcomes = (report: SetupReport) => Object.fromEntries(report.steps.map((s) => [s.what, s.outcome]))

// One central server, set up once: each step builds on the ones before it, so they run in order.
describe('setting up the central server for stations', { shuffle: false }, () => {
  const xingfu: [string, string] = ['station-xingfu', 'xingfu-password-1']
  const yangguang: [string, string] = ['station-yangguang', '']
  let first: SetupReport

  beforeAll(async () => {
    central = await startCentral()
    first = await setup('xingfu', { password: xingfu[1] })
    const made = await setup('yangguang')
    yangguang[1] = made.generatedPassword!
  })
  afterAll(async () => {
    await central?.stop()
    if (central) rmSync(central.dataDir, { recursive: true, force: true })
  })

  it("creates the station's database, security, design document and user, the directory and the district roll-up", () => {
    expect(outcomes(first)).toEqual({
      'database _users': 'unchanged', // express-pouchdb makes it; CouchDB 3 on one node may not
      'database _replicator': 'unchanged',
      'database station-xingfu': 'created',
      'security of station-xingfu': 'created',
      'design document station-xingfu/_design/station': 'created',
      'user station-xingfu': 'created',
      'database directory': 'created',
      'security of directory': 'created',
      'design document directory/_design/directory': 'created',
      'directory entry of xingfu': 'created',
      'database district': 'created',
      'security of district': 'created',
      'design document district/_design/district': 'created',
      'user district-rollup': 'created',
      'replication rollup:station-xingfu': 'created',
    })
    expect(first.alreadySetUp).toBe(false)
    expect(first.generatedPassword).toBeUndefined() // a password was given
  })

  it('changes nothing when run again, and says it is already set up', async () => {
    const again = await setup('xingfu', { password: xingfu[1] })
    expect(again.alreadySetUp).toBe(true)
    expect(again.steps.every((s) => s.outcome === 'unchanged')).toBe(true)
    expect(again.steps.map((s) => s.what)).toContain('replication rollup:station-yangguang')
    expect(again.generatedPassword).toBeUndefined()

    const withoutPassword = await setup('yangguang')
    expect(withoutPassword.alreadySetUp).toBe(true)
    expect(withoutPassword.generatedPassword).toBeUndefined() // shown once, on the first run only
  })

  it('makes up a password for a new station user when none is given, and that password logs in', async () => {
    expect(yangguang[1]).toMatch(/^[a-zA-Z2-9]{20}$/)
    const session = await as(yangguang, 'GET', '_session')
    expect(session.body.userCtx).toEqual({ name: 'station-yangguang', roles: ['station:yangguang', 'station'] })
  })

  it('writes the station into the directory under its name', async () => {
    const entry = await as(xingfu, 'GET', 'directory/stationEntry:xingfu')
    expect(entry.body).toMatchObject({ type: 'stationEntry', code: 'xingfu', name: 'xingfu 党群服务中心', database: 'station-xingfu' })
    const renamed = await setup('xingfu', { name: '幸福村党群服务中心', password: xingfu[1] })
    expect(renamed.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([{ what: 'directory entry of xingfu', outcome: 'updated' }])
  })

  it("lets a station's user write and read its own database", async () => {
    const put = await as(xingfu, 'PUT', 'station-xingfu/need:xingfu:01JCNEED000000000000000001', needOf('xingfu', '01JCNEED000000000000000001'))
    expect(put.status).toBe(201)
    expect((await as(xingfu, 'GET', 'station-xingfu/need:xingfu:01JCNEED000000000000000001')).status).toBe(200)
  })

  it("keeps station A's credentials out of station B's database: no reading, no writing", async () => {
    const denied = [401, 403]
    expect(denied).toContain((await as(xingfu, 'GET', 'station-yangguang/_all_docs')).status)
    expect(denied).toContain((await as(xingfu, 'GET', 'station-yangguang/_changes')).status)
    const write = await as(xingfu, 'PUT', 'station-yangguang/need:yangguang:01JCNEED000000000000000009', needOf('yangguang', '01JCNEED000000000000000009'))
    expect(denied).toContain(write.status)
    const bulk = await as(xingfu, 'POST', 'station-yangguang/_bulk_docs', { docs: [needOf('yangguang', '01JCNEED000000000000000008')] })
    // CouchDB 3 refuses the whole request; express-pouchdb answers 201 with an error per document.
    if (bulk.status === 201) expect(JSON.stringify(bulk.body)).toMatch(/"error":"(unauthorized|forbidden)"/)
    else expect(denied).toContain(bulk.status)
    const admin: [string, string] = [central.admin.username, central.admin.password]
    expect((await as(admin, 'GET', 'station-yangguang/need:yangguang:01JCNEED000000000000000008')).status).toBe(404)
    expect((await as(admin, 'GET', 'station-yangguang/need:yangguang:01JCNEED000000000000000009')).status).toBe(404)
    // Nor without any credentials, nor into the district roll-up.
    expect(denied).toContain((await as(null, 'GET', 'station-yangguang/_all_docs')).status)
    expect(denied).toContain((await as(xingfu, 'GET', 'district/_all_docs')).status)
  })

  it("refuses, through validate_doc_update, a document with another station's id in a station's own database", async () => {
    const put = await as(xingfu, 'PUT', 'station-xingfu/need:yangguang:01JCNEED000000000000000002', {
      ...needOf('yangguang', '01JCNEED000000000000000002'),
      stationId: 'xingfu',
    })
    expect(put.status).toBe(403)
    expect(put.body).toEqual({
      error: 'forbidden',
      reason: 'wrongStation: need:yangguang:01JCNEED000000000000000002 belongs to station yangguang, not xingfu',
    })
    // The same through the path replication takes.
    const replicated = await as(xingfu, 'POST', 'station-xingfu/_bulk_docs', {
      new_edits: false,
      docs: [{ ...needOf('yangguang', '01JCNEED000000000000000003'), _rev: '1-abc' }],
    })
    expect(JSON.stringify(replicated.body)).toContain('wrongStation: stationId must be xingfu')
    const stored = await as(xingfu, 'GET', 'station-xingfu/need:yangguang:01JCNEED000000000000000003')
    expect(stored.status).toBe(404)
  })

  it('refuses documents of an unknown type, and deletions by a station', async () => {
    const unknown = await as(xingfu, 'PUT', 'station-xingfu/resident:xingfu:1', { type: 'resident', stationId: 'xingfu' })
    expect(unknown.status).toBe(403)
    expect(unknown.body.reason).toMatch(/^unknownType: /)
    const need = await as(xingfu, 'GET', 'station-xingfu/need:xingfu:01JCNEED000000000000000001')
    const deleted = await as(xingfu, 'DELETE', `station-xingfu/need:xingfu:01JCNEED000000000000000001?rev=${need.body._rev}`)
    expect(deleted.status).toBe(403)
    expect(deleted.body.reason).toMatch(/^noDeletes: /)
  })

  it('lets a station delete a losing version it merged, and keep a conflict record of its own only', async () => {
    const id = 'need:xingfu:01JCNEED000000000000000007'
    await as(xingfu, 'PUT', `station-xingfu/${id}`, needOf('xingfu', '01JCNEED000000000000000007'))
    const rev = (await as(xingfu, 'GET', `station-xingfu/${id}`)).body._rev
    const tombstone = await as(xingfu, 'PUT', `station-xingfu/${id}`, { _rev: rev, _deleted: true, conflictMerged: true })
    expect(tombstone.status).toBe(201)

    const record = (station: string) => ({
      type: 'conflict',
      schemaVersion: 1,
      stationId: 'xingfu',
      createdAt: '2026-11-26T01:00:00.000Z',
      createdBy: 'system:merge',
      docId: `need:${station}:01JCNEED000000000000000001`,
      status: 'open',
      fields: [],
    })
    expect((await as(xingfu, 'PUT', 'station-xingfu/conflict:xingfu:2-abc', record('xingfu'))).status).toBe(201)
    const foreign = await as(xingfu, 'PUT', 'station-xingfu/conflict:xingfu:2-abd', record('yangguang'))
    expect(foreign.status).toBe(403)
    expect(foreign.body.reason).toMatch(/^wrongStation: /)
    const badStatus = await as(xingfu, 'PUT', 'station-xingfu/conflict:xingfu:2-abe', { ...record('xingfu'), status: 'gone' })
    expect(badStatus.body.reason).toMatch(/^badShape: /)
  })

  it('accepts the duty rota and mediation documents of the station itself, checking their ids', async () => {
    const base = { schemaVersion: 1, stationId: 'xingfu', createdAt: '2026-11-26T01:00:00.000Z', createdBy: '王芳' }
    const put = (id: string, doc: object) => as(xingfu, 'PUT', `station-xingfu/${id}`, { ...base, ...doc })
    expect((await put('dutySecretary:xingfu:01JS', { type: 'dutySecretary', name: '李书记', phone: '13800000001' })).status).toBe(201)
    expect((await put('dutyChange:xingfu:01JC', { type: 'dutyChange', kind: 'swap', reason: '开会' })).status).toBe(201)
    const party = [{ name: '张三', phone: '', address: '' }]
    expect((await put('mediationCase:xingfu:01JM', { type: 'mediationCase', number: '2026-001', applicants: party, respondents: party })).status).toBe(201)
    expect((await put('mediationStep:xingfu:01JM:01JT', { type: 'mediationStep', caseId: 'mediationCase:xingfu:01JM', kind: 'assign' })).status).toBe(201)
    const stray = await put('mediationStep:xingfu:01JM:01JU', { type: 'mediationStep', caseId: 'mediationCase:xingfu:OTHER', kind: 'assign' })
    expect(stray.status).toBe(403)
    expect(stray.body.reason).toMatch(/^badShape: /)
    const noParties = await put('mediationCase:xingfu:01JN', { type: 'mediationCase', number: '2026-002', applicants: [], respondents: party })
    expect(noParties.body.reason).toMatch(/^badShape: /)
  })

  it('lets stations read the directory but not write it', async () => {
    expect((await as(yangguang, 'GET', 'directory/_all_docs')).status).toBe(200)
    const write = await as(yangguang, 'PUT', 'directory/stationEntry:fake', { type: 'stationEntry', code: 'fake' })
    expect(write.status).toBe(403)
    expect(write.body.reason).toMatch(/^readOnly: /)
  })

  it("feeds every station's documents into the district roll-up through _replicator, without design documents", async () => {
    await as(yangguang, 'PUT', 'station-yangguang/need:yangguang:01JCNEED000000000000000004', needOf('yangguang', '01JCNEED000000000000000004'))
    const ids = await until('both stations in the district', async () => {
      const ids = await districtIds()
      const wanted = ['need:xingfu:01JCNEED000000000000000001', 'need:yangguang:01JCNEED000000000000000004']
      return wanted.every((id) => ids.includes(id)) ? ids : undefined
    })
    expect(ids.filter((id) => id.startsWith('_design/'))).toEqual(['_design/district'])
    // Continuous: a later write follows by itself.
    await as(xingfu, 'PUT', 'station-xingfu/need:xingfu:01JCNEED000000000000000005', needOf('xingfu', '01JCNEED000000000000000005'))
    await until('a later need in the district', async () =>
      (await districtIds()).includes('need:xingfu:01JCNEED000000000000000005') ? true : undefined,
    )
  })

  it('writes roll-up replications as CouchDB 3 reads them: URLs, the roll-up user in a header, continuous, no design documents', async () => {
    const doc = (await as([central.admin.username, central.admin.password], 'GET', '_replicator/rollup:station-xingfu')).body
    expect(doc).toMatchObject({
      source: { url: `${central.url}station-xingfu` },
      target: { url: `${central.url}district` },
      continuous: true,
      create_target: false,
      selector: { _id: { $regex: '^[^_]' } },
    })
    const header = (doc.source as { headers: { Authorization: string } }).headers.Authorization
    expect(Buffer.from(header.slice('Basic '.length), 'base64').toString()).toMatch(/^district-rollup:/)
  })

  it('sets a new roll-up password and rewrites every roll-up replication when the old one no longer works', async () => {
    const admin: [string, string] = [central.admin.username, central.admin.password]
    const user = (await as(admin, 'GET', '_users/org.couchdb.user:district-rollup')).body
    await as(admin, 'PUT', '_users/org.couchdb.user:district-rollup', { ...user, password: 'changed-behind-our-back' })

    const repaired = await setup('xingfu', { password: xingfu[1] })
    expect(outcomes(repaired)).toMatchObject({
      'user district-rollup': 'updated',
      'replication rollup:station-xingfu': 'updated',
      'replication rollup:station-yangguang': 'updated',
    })
    await as(yangguang, 'PUT', 'station-yangguang/need:yangguang:01JCNEED000000000000000006', needOf('yangguang', '01JCNEED000000000000000006'))
    await until('a need written after the repair in the district', async () =>
      (await districtIds()).includes('need:yangguang:01JCNEED000000000000000006') ? true : undefined,
    )
    expect((await setup('xingfu', { password: xingfu[1] })).alreadySetUp).toBe(true)
  })

  it("replaces a station user's password when a new one is given", async () => {
    const changed = await setup('yangguang', { password: 'a-new-password' })
    expect(outcomes(changed)['user station-yangguang']).toBe('updated')
    expect((await as(yangguang, 'GET', '_session')).status).toBe(401)
    yangguang[1] = 'a-new-password'
    expect((await as(yangguang, 'GET', 'station-yangguang/_all_docs')).status).toBe(200)
  })

  it('says clearly what is wrong: unreachable server, wrong admin password, not an admin, bad station code', async () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (error instanceof CentralSetupError ? error.code : error),
      )
    const closedPort = `http://admin:pw@127.0.0.1:9/`
    expect(await failure(setup('xingfu', { serverUrl: closedPort }))).toBe('unreachable')
    const wrongPassword = `http://admin:wrong@127.0.0.1:${central.port}/`
    expect(await failure(setup('xingfu', { serverUrl: wrongPassword }))).toBe('badCredentials')
    const stationUser = `http://station-xingfu:${xingfu[1]}@127.0.0.1:${central.port}/`
    expect(await failure(setup('xingfu', { serverUrl: stationUser }))).toBe('notAdmin')
    expect(await failure(setup('xingfu', { serverUrl: central.url }))).toBe('notAdmin')
    expect(await failure(setup('xingfu', { serverUrl: 'ftp://127.0.0.1/' }))).toBe('badUrl')
    for (const code of ['Xingfu', '-xingfu', 'x', 'xing fu', 'xing:fu']) {
      expect(await failure(setup(code)), code).toBe('badStationCode')
    }
    expect(await failure(setup('xingfu', { name: '  ' }))).toBe('badStationName')
  })
})
