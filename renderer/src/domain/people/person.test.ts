import { describe, expect, it } from 'vitest'
import { recordBase } from '../records'
import { auditDocId, filterAudit, newAuditDoc, type AuditDoc } from './audit'
import { activePeople, checkPersonForm, keepsAnAdministrator, newPersonDoc, type PersonDoc } from './person'

const pin = { algorithm: 'PBKDF2-SHA-256' as const, iterations: 1, salt: 'c2FsdA==', hash: 'aGFzaA==' }
const person = (id: string, name: string, roles: PersonDoc['roles'], disabled = false): PersonDoc => ({
  ...newPersonDoc(`person:xingfu:${id}`, 'xingfu', { name, roles }, pin, { by: '王芳', at: '2026-12-01T00:00:00.000Z' }),
  disabled,
})

describe('a person’s details', () => {
  it('need a name and at least one role; roles come back in the table’s order, once each', () => {
    expect(checkPersonForm({ name: ' 李明 ', roles: ['technician', 'clerk', 'clerk'] }, [])).toEqual({
      ok: true,
      value: { name: '李明', roles: ['clerk', 'technician'] },
    })
    const refused = checkPersonForm({ name: '', roles: [] }, [])
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.errors.map((e) => e.message)).toEqual(['people.error.nameRequired', 'people.error.rolesRequired'])
  })

  it('refuses a name another active person has, but not a leaver’s nor one’s own', () => {
    const others = [person('1', '李明', ['clerk']), person('2', '张三', ['clerk'], true)]
    expect(checkPersonForm({ name: '李明', roles: ['clerk'] }, others)).toMatchObject({ ok: false })
    expect(checkPersonForm({ name: '张三', roles: ['clerk'] }, others).ok).toBe(true)
    expect(checkPersonForm({ name: '李明', roles: ['admin'] }, others, 'person:xingfu:1').ok).toBe(true)
  })

  it('are stored with the PIN’s hash only, and never deleted: a leaver is disabled', () => {
    const doc = person('1', '李明', ['clerk'])
    expect(doc).toMatchObject({ _id: 'person:xingfu:1', type: 'person', stationId: 'xingfu', disabled: false, pin })
    expect(activePeople([doc, person('2', '张三', ['clerk'], true)]).map((p) => p.name)).toEqual(['李明'])
  })

  it('cannot leave the station without an active administrator', () => {
    const people = [person('1', '王芳', ['admin']), person('2', '李明', ['clerk'])]
    expect(keepsAnAdministrator(people, { id: 'person:xingfu:1', roles: ['clerk'] })).toBe(false)
    expect(keepsAnAdministrator(people, { id: 'person:xingfu:1', disabled: true })).toBe(false)
    expect(keepsAnAdministrator(people, { id: 'person:xingfu:2', roles: ['admin'] })).toBe(true)
  })
})

describe('the audit trail', () => {
  const who = { personId: 'person:xingfu:1', personName: '王芳', device: 'desk-1' }
  const record = (ulid: string, action: AuditDoc['action'], at: string, personId = who.personId): AuditDoc =>
    newAuditDoc(auditDocId('xingfu', ulid), 'xingfu', { action, target: 'need:xingfu:X' }, { ...who, personId }, at)
  const chinaDate = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10)

  it('records who, what, on which desk and when, as a station document', () => {
    expect(record('01', 'reveal', '2026-12-04T01:00:00.000Z')).toMatchObject({
      _id: 'audit:xingfu:01',
      type: 'audit',
      stationId: 'xingfu',
      action: 'reveal',
      personName: '王芳',
      device: 'desk-1',
      target: 'need:xingfu:X',
      createdAt: '2026-12-04T01:00:00.000Z',
      createdBy: '王芳',
    })
    expect(recordBase('audit', 'a', 'xingfu', { by: 'x', at: 'y' }).schemaVersion).toBe(1)
  })

  it('filters by person, action and China’s dates, newest first', () => {
    const records = [
      record('01', 'reveal', '2026-12-02T17:00:00.000Z'), // 12-03 in China
      record('02', 'export', '2026-12-03T02:00:00.000Z'),
      record('03', 'reveal', '2026-12-03T20:00:00.000Z', 'person:xingfu:2'), // 12-04 in China
    ]
    const ids = (filter: Parameters<typeof filterAudit>[1]) => filterAudit(records, filter, chinaDate).map((r) => r._id.slice(-2))
    expect(ids({})).toEqual(['03', '02', '01'])
    expect(ids({ actions: ['reveal'] })).toEqual(['03', '01'])
    expect(ids({ personId: 'person:xingfu:1', from: '2026-12-03', to: '2026-12-03' })).toEqual(['02', '01'])
    expect(ids({ from: '2026-12-04' })).toEqual(['03'])
  })
})
