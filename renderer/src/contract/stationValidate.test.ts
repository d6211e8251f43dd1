// The contract's validate_doc_update functions, run in Node as CouchDB would call them:
// (newDoc, oldDoc, userCtx, secObj), refusing by throwing {forbidden: …}.
import { describe, expect, it } from 'vitest'
import { NEED_STATUSES, allowedEvents, newNeedDoc, newNeedEventDoc, type NeedDoc, type NeedForm } from '../domain/needs'
import { newAuditDoc, newPersonDoc } from '../domain/people'
import { recordBase } from '../domain/records'
import { stationDoc, type StationForm } from '../domain/station'
import { compileValidate, verdictOf, type Doc, type UserCtx } from '../../../test/support/couchValidate'
import { validateSources } from './validateSources'

const sources = validateSources()
// CouchDB stores the function as source text; so do we, and compile it the same way.
const validateStation = compileValidate(sources.station)

const clerk: UserCtx = { db: 'station-xingfu', name: 'station-xingfu', roles: ['station:xingfu', 'station'] }
const admin: UserCtx = { db: 'station-xingfu', name: 'admin', roles: ['_admin'] }
const actor = { by: '王芳', at: '2026-11-23T09:30:00.000+08:00' }

const form: NeedForm = {
  residentName: '张三',
  phone: '13800138000',
  idCard: '',
  village: '星河村',
  address: '',
  categoryItem: 'livelihood.elderly',
  channel: 'window',
  urgency: 'normal',
  description: '路灯坏了',
}
const need = (station = 'xingfu', ulid = '01JCNEED000000000000000001'): NeedDoc =>
  newNeedDoc(form, { stationId: station, ulid, number: 'XF-20261123-001' }, '2026-11-26', actor)
const assign = (of: NeedDoc = need()) =>
  newNeedEventDoc(
    of,
    '01JCEVT0000000000000000001',
    { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } },
    actor,
  ) as unknown as Doc
const station = (code = 'xingfu') => {
  const settings: StationForm = {
    name: '幸福村党群服务中心',
    code,
    phone: '',
    villages: ['星河村'],
    staff: ['王芳'],
    deadlineDays: 3,
    deadlineMode: 'calendar',
  }
  return stationDoc(settings, actor) as unknown as Doc
}

/** The refusal message, or 'accepted'. */
const verdict = (doc: Doc, user: UserCtx = clerk, oldDoc: Doc | null = null, validate = validateStation) => verdictOf(validate, doc, user, oldDoc)

const without = (doc: Doc, path: string): Doc => {
  const copy = structuredClone(doc)
  const keys = path.split('.')
  let target = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
  delete target[keys.at(-1)!]
  return copy
}

describe('station validate_doc_update', () => {
  it('accepts the documents the app itself makes: station settings, a need and a step of its timeline', () => {
    expect(verdict(station())).toBe('accepted')
    expect(verdict(need() as unknown as Doc)).toBe('accepted')
    expect(verdict(assign())).toBe('accepted')
  })

  it('knows exactly the timeline steps the need lifecycle has', () => {
    const lifecycleKinds = new Set(NEED_STATUSES.flatMap((status) => allowedEvents(status)))
    for (const kind of lifecycleKinds) expect(verdict({ ...assign(), kind })).toBe('accepted')
    expect(verdict({ ...assign(), kind: 'reopen' })).toMatch(/^badShape: kind must be one of/)
    const listed = /var NEED_EVENT_KINDS = \[([^\]]*)\]/.exec(sources.station)![1]!.match(/'[^']+'/g)!
    expect(new Set(listed.map((quoted) => quoted.slice(1, -1)))).toEqual(lifecycleKinds)
  })

  it('refuses a document of unknown type, or of none', () => {
    expect(verdict({ ...need(), type: 'resident' })).toBe('unknownType: type "resident" is not a document of a station')
    expect(verdict(without(need() as unknown as Doc, 'type'))).toMatch(/^unknownType: /)
    expect(verdict({ ...need(), type: 'toString' })).toMatch(/^unknownType: /)
  })

  it("refuses another station's documents: by id, and by stationId", () => {
    expect(verdict(need('yangguang') as unknown as Doc)).toBe('wrongStation: stationId must be xingfu')
    expect(verdict({ ...need('yangguang'), stationId: 'xingfu' })).toBe(
      'wrongStation: need:yangguang:01JCNEED000000000000000001 belongs to station yangguang, not xingfu',
    )
    expect(verdict({ ...assign(need('yangguang')), stationId: 'xingfu' })).toMatch(/^wrongStation: needEvent:yangguang:/)
    expect(verdict({ ...station('yangguang'), stationId: 'xingfu' })).toMatch(/^wrongStation: station:yangguang /)
  })

  it('refuses ids that are not of the form its type has', () => {
    for (const _id of ['need:xingfu', 'need:xingfu:', 'need:xingfu:a:b', 'needEvent:xingfu:01A', 'xingfu:need:01A']) {
      expect(verdict({ ...need(), _id }), _id).toMatch(/^badId: /)
    }
    expect(verdict({ ...assign(), _id: 'needEvent:xingfu:01A' })).toMatch(/^badId: /)
  })

  it.each([
    ['schemaVersion', 'schemaVersion must be a number'],
    ['createdAt', 'createdAt is required'],
    ['createdBy', 'createdBy is required'],
    ['number', 'number is required'],
    ['registeredAt', 'registeredAt is required'],
    ['resident', 'resident is required'],
    ['resident.name', 'resident.name is required'],
    ['resident.phone', 'resident.phone is required'],
    ['dueDate', 'dueDate must be YYYY-MM-DD'],
  ])('refuses a need without %s', (field, message) => {
    expect(verdict(without(need() as unknown as Doc, field))).toBe(`badShape: ${message}`)
  })

  it('refuses a need whose fields have the wrong kind of value', () => {
    expect(verdict({ ...need(), schemaVersion: '1' })).toBe('badShape: schemaVersion must be a number')
    expect(verdict({ ...need(), dueDate: '26/11/2026' })).toBe('badShape: dueDate must be YYYY-MM-DD')
    expect(verdict({ ...need(), resident: { name: '', phone: '138' } })).toBe('badShape: resident.name is required')
  })

  it.each([
    ['at', 'at is required'],
    ['by', 'by is required'],
    ['needId', 'needId must be need:xingfu:01JCNEED000000000000000001'],
  ])('refuses a timeline step without %s', (field, message) => {
    expect(verdict(without(assign(), field))).toBe(`badShape: ${message}`)
  })

  it('refuses a timeline step that points at another need than its id says', () => {
    expect(verdict({ ...assign(), needId: 'need:xingfu:01JCNEED000000000000000002' })).toMatch(/^badShape: needId must be/)
  })

  it('refuses station settings without a name or with another code', () => {
    expect(verdict(without(station(), 'name'))).toBe('badShape: name is required')
    expect(verdict({ ...station(), code: 'yangguang' })).toBe('badShape: code must be xingfu')
  })

  it('refuses a document that changes its type', () => {
    expect(verdict(assign(), clerk, need() as unknown as Doc)).toMatch(/^badShape: .* cannot change type from need to needEvent/)
  })

  it("lets only the station's own user and administrators write", () => {
    expect(verdict(need() as unknown as Doc, admin)).toBe('accepted')
    const neighbour = { db: 'station-xingfu', name: 'station-yangguang', roles: ['station:yangguang', 'station'] }
    expect(verdict(need() as unknown as Doc, neighbour)).toBe('notAllowed: only station xingfu may write here')
    const rollup = { db: 'station-xingfu', name: 'district-rollup', roles: ['district-rollup'] }
    expect(verdict(need() as unknown as Doc, rollup)).toBe('notAllowed: only station xingfu may write here')
    expect(verdict(need() as unknown as Doc, { db: 'station-xingfu', name: null, roles: [] })).toMatch(/^notAllowed: /)
  })

  it('lets only administrators delete', () => {
    const tombstone = { _id: need()._id, _rev: '2-abc', _deleted: true }
    expect(verdict(tombstone, clerk)).toBe(`noDeletes: only an administrator may delete ${need()._id}`)
    expect(verdict(tombstone, admin)).toBe('accepted')
  })

  it('refuses everything in a database that is not a station database', () => {
    expect(verdict(need() as unknown as Doc, { ...admin, db: 'district' })).toBe(
      'notStationDb: district is not a station database',
    )
  })

  it("takes the station from the database's name, so one design document serves every station", () => {
    const yangguangClerk = { db: 'station-yangguang', name: 'station-yangguang', roles: ['station:yangguang'] }
    expect(verdict(need('yangguang') as unknown as Doc, yangguangClerk)).toBe('accepted')
    expect(verdict(need('xingfu') as unknown as Doc, yangguangClerk)).toBe('wrongStation: stationId must be yangguang')
    expect(verdict(need('yangguang') as unknown as Doc, clerk)).toBe('wrongStation: stationId must be xingfu')
  })
})

describe('directory and district validate_doc_update', () => {
  const validateDirectory = compileValidate(sources.directory)
  const validateDistrict = compileValidate(sources.district)
  const entry = { _id: 'stationEntry:xingfu', type: 'stationEntry', code: 'xingfu', name: '幸福村' }

  it('keeps the directory read-only for everyone but administrators', () => {
    expect(verdict(entry, { ...clerk, db: 'directory' }, null, validateDirectory)).toMatch(/^readOnly: /)
    expect(verdict(entry, { ...admin, db: 'directory' }, null, validateDirectory)).toBe('accepted')
  })

  it('lets only the roll-up replication and administrators write the district database', () => {
    const rollup = { db: 'district', name: 'district-rollup', roles: ['district-rollup'] }
    expect(verdict(need() as unknown as Doc, rollup, null, validateDistrict)).toBe('accepted')
    expect(verdict(need() as unknown as Doc, { ...admin, db: 'district' }, null, validateDistrict)).toBe('accepted')
    expect(verdict(need() as unknown as Doc, { ...clerk, db: 'district' }, null, validateDistrict)).toMatch(/^readOnly: /)
  })
})

describe('validate functions as CouchDB 3 runs them', () => {
  it.each(Object.entries(sources))('%s is one anonymous function in plain ES5', (_name, source) => {
    expect(source.trim()).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{[\s\S]*\}$/)
    // CouchDB 3's SpiderMonkey may be 1.8.5 (ES5): none of the later syntax or library.
    const code = source.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    for (const later of [/\blet\s/, /\bconst\s/, /=>/, /`/, /\bclass\s/, /\.\.\./, /\.includes\(/, /\.startsWith\(/, /\.endsWith\(/, /Object\.assign/, /Number\.is/]) {
      expect(code, String(later)).not.toMatch(later)
    }
  })
})

describe('staff accounts and the audit trail on central', () => {
  const pin = { algorithm: 'PBKDF2-SHA-256' as const, iterations: 600_000, salt: 'c2FsdA==', hash: 'aGFzaA==' }
  const person = (over: Doc = {}) =>
    ({ ...newPersonDoc('person:xingfu:01JCPERSON0000000000000001', 'xingfu', { name: '李明', roles: ['clerk'] }, pin, actor), ...over }) as unknown as Doc
  const audit = newAuditDoc(
    'audit:xingfu:01JCAUDIT00000000000000001',
    'xingfu',
    { action: 'reveal', target: 'need:xingfu:01JCNEED000000000000000001' },
    { personId: 'person:xingfu:01JCPERSON0000000000000001', personName: '李明', device: 'desk-1' },
    actor.at,
  ) as unknown as Doc

  it('accepts a person with roles and a hashed PIN, and refuses one without', () => {
    expect(verdict(person())).toBe('accepted')
    expect(verdict(person({ pin: '482915' }))).toMatch(/^badShape: pin/)
    expect(verdict(person({ roles: [] }))).toMatch(/^badShape: roles/)
    expect(verdict(person({ _id: 'person:other:01JCPERSON0000000000000001' }))).toMatch(/^wrongStation: /)
  })

  it('accepts an audit record once, and refuses any change or deletion of it by a station', () => {
    expect(verdict(audit)).toBe('accepted')
    expect(verdict({ ...audit, detail: 'nothing happened' }, clerk, { ...audit, _rev: '1-a' })).toMatch(/^notAllowed: /)
    expect(verdict({ _id: audit._id, _deleted: true }, clerk, audit)).toMatch(/^noDeletes: /)
    expect(verdict({ _id: audit._id, _deleted: true, conflictMerged: true }, clerk, audit)).toMatch(/^noDeletes: /)
  })

  it('accepts the station’s recovery code only as a hash under its own id', () => {
    const recovery = { ...recordBase('recovery', 'recovery:xingfu', 'xingfu', actor), code: pin } as unknown as Doc
    expect(verdict(recovery)).toBe('accepted')
    expect(verdict({ ...recovery, code: 'K7QM-3RTA' })).toMatch(/^badShape: code/)
    expect(verdict({ ...recovery, _id: 'recovery:other' })).toMatch(/^wrongStation: /)
  })
})
