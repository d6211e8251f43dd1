// 工作人员 through the repositories, on PouchDB as the app runs it: the first administrator and the recovery
// code, staff added with roles, signing in by PIN with this desk's lockout, the permission table refused
// in the data layer, and the audit trail each step leaves.
import { describe, expect, it } from 'vitest'
import type { CommandContext } from '../../renderer/src/data/command'
import type { Role } from '../../renderer/src/domain/people'
import type { Services } from '../../renderer/src/app/startServices'
import { china } from '../support/chinaTime'
import { leakingRoof } from '../support/sampleNeeds'
import { stationTests } from '../support/stationTests'

const stations = stationTests(
  'people',
  { name: '幸福村党群服务中心', code: 'xingfu', phone: '', villages: ['幸福村'], staff: ['王芳'], deadlineDays: 3, deadlineMode: 'calendar' },
  china('2026-12-01T08:00:00'),
)

/** A station with its administrator 王芳 (PIN 482915) signed in, and her command context at a given time. */
async function stationWithAdministrator() {
  const { services, station } = await stations.openStation()
  const setUp = await services.people.createFirstAdministrator('王芳', '482915', { station, at: china('2026-12-01T08:01:00') })
  if (!setUp.ok) throw new Error(JSON.stringify(setUp))
  const admin = setUp.value.person
  const asAdmin = (wallClock: string): CommandContext => ({
    station,
    by: admin.name,
    at: china(wallClock),
    person: { id: admin._id, name: admin.name, roles: admin.roles },
  })
  return { services, station, admin, asAdmin, recoveryCode: setUp.value.recoveryCode }
}

async function addClerk(services: Services, ctx: CommandContext) {
  const added = await services.people.add({ name: '李明', roles: ['clerk'] }, '730294', ctx)
  if (!added.ok) throw new Error(JSON.stringify(added))
  return added.value
}

const actions = async (services: Services) => (await services.audit.list()).map((r) => `${r.personName} ${r.action}`).reverse()

describe('people at the desk', () => {
  it('makes the first administrator once, storing only a salted hash of the PIN', async () => {
    const { services, station, admin, recoveryCode } = await stationWithAdministrator()
    expect(admin).toMatchObject({ type: 'person', name: '王芳', roles: ['admin'], disabled: false })
    expect(JSON.stringify(admin)).not.toContain('482915')
    expect(admin.pin).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 1000 })
    expect(recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/)
    const again = await services.people.createFirstAdministrator('张三', '593027', { station, at: china('2026-12-01T09:00:00') })
    expect(again).toEqual({ ok: false, error: 'people.error.alreadySetUp' })
  })

  it('refuses a weak PIN with its reason, and writes nothing', async () => {
    const { services, asAdmin } = await stationWithAdministrator()
    const refused = await services.people.add({ name: '李明', roles: ['clerk'] }, '19850712', asAdmin('2026-12-01T09:00:00'))
    expect(refused).toEqual({ ok: false, errors: [{ field: 'pin', message: 'people.pin.birthday' }] })
    expect((await services.people.list()).map((p) => p.name)).toEqual(['王芳'])
  })

  it('signs in with the right PIN; five wrong ones lock the account on this desk with a countdown, until it runs out', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const clerk = await addClerk(services, asAdmin('2026-12-01T09:00:00'))
    expect(await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T09:01:00'))).toEqual({
      ok: true,
      person: { id: clerk._id, name: '李明', roles: ['clerk'] },
    })
    for (const triesLeft of [4, 3, 2, 1]) {
      expect(await services.people.signIn(clerk._id, '000001', station, china('2026-12-01T09:02:00'))).toEqual({
        ok: false,
        error: 'people.signIn.wrongPin',
        triesLeft,
      })
    }
    const fifth = await services.people.signIn(clerk._id, '000001', station, china('2026-12-01T09:02:00'))
    expect(fifth).toEqual({ ok: false, error: 'people.signIn.locked', until: china('2026-12-01T09:03:00') })
    // Locked: even the right PIN is not tried until the minute is up.
    expect(await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T09:02:30'))).toMatchObject({
      error: 'people.signIn.locked',
    })
    expect((await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T09:03:01'))).ok).toBe(true)
  })

  it('lets the administrator lift a desk’s lock at once', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const clerk = await addClerk(services, asAdmin('2026-12-01T09:00:00'))
    for (let i = 0; i < 5; i++) await services.people.signIn(clerk._id, '000001', station, china('2026-12-01T09:02:00'))
    expect(await services.people.lockedUntil(clerk._id, china('2026-12-01T09:02:10'))).not.toBeNull()
    expect((await services.people.unlock(clerk._id, asAdmin('2026-12-01T09:02:20'))).ok).toBe(true)
    expect((await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T09:02:30'))).ok).toBe(true)
  })

  it('refuses in the data layer what the permission table does not allow, and writes nothing', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const clerk = await addClerk(services, asAdmin('2026-12-01T09:00:00'))
    const asClerk: CommandContext = { station, by: '李明', at: china('2026-12-01T09:05:00'), person: { id: clerk._id, name: '李明', roles: ['clerk'] } }
    const before = (await services.people.list()).length
    expect(await services.people.add({ name: '张三', roles: ['admin'] }, '593027', asClerk)).toEqual({ ok: false, error: 'people.error.notAllowed' })
    expect(await services.people.update(clerk._id, { name: '李明', roles: ['admin'] }, asClerk)).toEqual({ ok: false, error: 'people.error.notAllowed' })
    const { person: _signedIn, ...nobody } = asClerk
    expect(await services.people.add({ name: '张三', roles: ['clerk'] }, '593027', nobody)).toEqual({ ok: false, error: 'people.error.notAllowed' })
    expect((await services.people.list()).length).toBe(before)
    // A person may change their own PIN, though.
    expect((await services.people.resetPin(clerk._id, '861350', asClerk)).ok).toBe(true)
  })

  it('keeps an active administrator: the last one can be neither demoted nor disabled', async () => {
    const { services, admin, asAdmin } = await stationWithAdministrator()
    const ctx = asAdmin('2026-12-01T09:00:00')
    expect(await services.people.update(admin._id, { name: '王芳', roles: ['clerk'] }, ctx)).toEqual({
      ok: false,
      error: 'people.error.lastAdministrator',
    })
    expect(await services.people.setDisabled(admin._id, true, ctx)).toEqual({ ok: false, error: 'people.error.lastAdministrator' })
  })

  it('disables a leaver, who can no longer sign in but keeps their name on the records', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const clerk = await addClerk(services, asAdmin('2026-12-01T09:00:00'))
    expect((await services.people.setDisabled(clerk._id, true, asAdmin('2026-12-01T10:00:00'))).ok).toBe(true)
    expect(await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T10:01:00'))).toEqual({
      ok: false,
      error: 'people.signIn.unknown',
    })
    expect((await services.people.active()).map((p) => p.name)).toEqual(['王芳'])
    expect((await services.people.list()).map((p) => p.name).sort()).toEqual(['李明', '王芳'].sort())
  })

  it('recovers a lost administrator PIN with the printed code, which is then used up for a new one', async () => {
    const { services, station, admin, recoveryCode } = await stationWithAdministrator()
    const wrong = await services.people.recover('AAAA-BBBB-CCCC-DDDD-EEEE', admin._id, '593027', station, china('2026-12-02T08:00:00'))
    expect(wrong).toEqual({ ok: false, error: 'people.recovery.wrongCode' })
    const typed = recoveryCode.toLowerCase().replaceAll('-', ' ')
    const recovered = await services.people.recover(typed, admin._id, '593027', station, china('2026-12-02T08:01:00'))
    if (!recovered.ok) throw new Error(JSON.stringify(recovered))
    expect(recovered.value.recoveryCode).not.toBe(recoveryCode)
    expect((await services.people.signIn(admin._id, '593027', station, china('2026-12-02T08:02:00'))).ok).toBe(true)
    // The old code is used up.
    expect((await services.people.recover(recoveryCode, admin._id, '604138', station, china('2026-12-02T08:03:00'))).ok).toBe(false)
  })

  it('leaves an audit record of each sensitive step, with who did it and on which desk', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const clerk = await addClerk(services, asAdmin('2026-12-01T09:00:00'))
    await services.people.signIn(clerk._id, '000001', station, china('2026-12-01T09:01:00'))
    await services.people.signIn(clerk._id, '730294', station, china('2026-12-01T09:02:00'))
    await services.people.update(clerk._id, { name: '李明', roles: ['clerk', 'mediator'] }, asAdmin('2026-12-01T09:03:00'))
    expect(await actions(services)).toEqual([
      '王芳 personAdded',
      '王芳 personAdded',
      '李明 signInFailed',
      '李明 signIn',
      '王芳 rolesChanged',
    ])
    const [latest] = await services.audit.list()
    expect(latest).toMatchObject({ type: 'audit', stationId: station.code, target: clerk._id, detail: 'clerk,mediator' })
    expect(latest!.device).toBe(await services.device.deviceId())
  })
})


describe('residents’ personal data', () => {
  it('shows a need’s full phone and ID number only to roles that may, one record at a time, each time recorded', async () => {
    const { services, station, asAdmin } = await stationWithAdministrator()
    const registered = await services.needs.register({ ...leakingRoof, village: '幸福村', idCard: '11010519491231002X' }, asAdmin('2026-12-01T09:00:00'))
    if (!registered.ok) throw new Error(JSON.stringify(registered))
    const need = registered.value
    const as = (name: string, roles: Role[]): CommandContext => ({ ...asAdmin('2026-12-01T10:00:00'), by: name, person: { id: `person:xingfu:${name}`, name, roles } })

    expect(await services.privacy.revealNeedContact(need._id, as('周领导', ['leader']))).toEqual({ ok: false, error: 'people.error.notAllowed' })
    expect(await services.privacy.revealNeedContact(need._id, as('吴志愿', ['volunteerCoordinator']))).toMatchObject({ ok: false })
    expect(await services.privacy.revealNeedContact(need._id, as('李明', ['clerk']))).toEqual({
      ok: true,
      value: { phone: need.resident.phone, idCard: need.resident.idCard ?? '' },
    })
    const reveals = await services.audit.list({ actions: ['reveal'] })
    expect(reveals.map((r) => `${r.personName} ${r.target}`)).toEqual([`李明 ${need._id}`])
  })

  it('lets only roles that may export personal data do so, and records each export with its size', async () => {
    const { services, asAdmin } = await stationWithAdministrator()
    const as = (name: string, roles: Role[]): CommandContext => ({ ...asAdmin('2026-12-01T10:00:00'), by: name, person: { id: `person:xingfu:${name}`, name, roles } })
    expect(await services.privacy.allowExport('ledger', 120, as('赵书记', ['dutySecretary']))).toEqual({ ok: false, error: 'people.error.notAllowed' })
    expect((await services.privacy.allowExport('ledger', 120, as('李明', ['clerk']))).ok).toBe(true)
    expect((await services.audit.list({ actions: ['export'] })).map((r) => `${r.personName} ${r.target} ${r.detail}`)).toEqual(['李明 ledger 120'])
  })
})
