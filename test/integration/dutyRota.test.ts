// 书记轮值 through the repository, on PouchDB as the app runs it: a roster is planned for a month, two
// shifts are swapped and one is taken over, a secretary checks in, a need registered during the shift
// goes to them and shows on that shift's figures, and bad input changes nothing.
import { describe, expect, it } from 'vitest'
import { attendance, dutyFigures, onDuty } from '../../renderer/src/domain/duty'
import type { NeedFormInput } from '../../renderer/src/domain/needs'
import type { StationForm } from '../../renderer/src/domain/station'
import { dutyNeed } from '../support/sampleNeeds'
import { china } from '../support/chinaTime'
import { stationTests } from '../support/stationTests'

const STATION: StationForm = {
  name: '星河党群服务驿站',
  code: 'xinghe-01',
  phone: '0531-88886666',
  villages: ['星河村', '东风村', '光明社区'],
  staff: ['王芳'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

const stations = stationTests('duty', STATION, china('2026-10-20T08:00:00'))

const secretaryForm = (name: string, village: string, phone: string) => ({ name, village, phone, active: true, unavailableWeekdays: [], leaves: [] })

describe('duty-secretary rotations', () => {
  it('plans a month, swaps two shifts, checks in, and a need registered on duty goes to that secretary', async () => {
    const { services, station } = await stations.openStation()
    const ctx = (wallClock: string) => ({ station, by: '王芳', at: china(wallClock) })
    for (const [name, village, phone] of [
      ['李书记', '星河村', '13800000001'],
      ['张书记', '东风村', '13800000002'],
      ['赵书记', '光明社区', '13800000003'],
    ] as const) {
      expect((await services.duty.saveSecretary(secretaryForm(name, village, phone), ctx('2026-10-20T09:00:00'))).ok).toBe(true)
    }
    const secretaries = await services.duty.secretaries()
    const nameOf = (id: string | null) => secretaries.find((s) => s._id === id)?.name

    const planned = await services.duty.plan('2026-11-01', '2026-11-30', ctx('2026-10-25T09:00:00'))
    if (!planned.ok) throw new Error('plan refused')
    const counts = Object.values(planned.value.counts)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)

    // Swap Monday's two shifts.
    let rota = await services.duty.rota()
    const [mondayAm, mondayPm] = rota.filter((s) => s.date === '2026-11-02')
    const swapped = await services.duty.change({ kind: 'swap', shiftKeys: [mondayAm!.key, mondayPm!.key], reason: '村里开会' }, ctx('2026-10-30T10:00:00'))
    expect(swapped.ok).toBe(true)
    rota = await services.duty.rota()
    expect(rota.find((s) => s.key === mondayAm!.key)!.secretaryId).toBe(mondayPm!.secretaryId)
    expect(rota.find((s) => s.key === mondayAm!.key)!.plannedSecretaryId).toBe(mondayAm!.secretaryId)

    // A past shift cannot be changed: nothing is written.
    const before = (await services.duty.changes()).length
    const late = await services.duty.change({ kind: 'swap', shiftKeys: [mondayAm!.key, mondayPm!.key], reason: '补录' }, ctx('2026-11-02T09:00:00'))
    expect(late).toEqual({ ok: false, error: 'duty.error.shiftPast' })
    expect((await services.duty.changes()).length).toBe(before)

    // Monday 09:10: the board shows the (swapped) morning secretary, who checks in late.
    const now = china('2026-11-02T09:10:00')
    const { current, next } = onDuty(rota, now)
    expect(current?.key).toBe(mondayAm!.key)
    expect(nameOf(current!.secretaryId)).toBe(nameOf(mondayPm!.secretaryId))
    expect(next?.key).toBe(mondayPm!.key)
    const checkedIn = await services.duty.attend(current!.key, 'in', ctx('2026-11-02T09:10:00'))
    expect(checkedIn.ok).toBe(true)
    expect(await services.duty.attend(current!.key, 'in', ctx('2026-11-02T09:11:00'))).toEqual({ ok: false, error: 'duty.error.alreadyCheckedIn' })
    expect(attendance(current!, await services.duty.checks()).lateMinutes).toBe(40)

    // A resident walks in: the need goes to the secretary on duty.
    const need: NeedFormInput = dutyNeed('王大爷', '低保申请咨询')
    const secretaryName = nameOf(current!.secretaryId)!
    const registered = await services.needs.register(need, ctx('2026-11-02T09:30:00'), { shiftKey: current!.key, secretaryName })
    if (!registered.ok) throw new Error('need refused')
    await services.projector.idle()
    const row = services.ledger.get(registered.value._id)!
    expect(row).toMatchObject({ dutyShiftKey: current!.key, handlerName: secretaryName, status: 'inProgress' })

    await services.duty.note(current!.key, 'handover', '王大爷的低保材料下午送来', ctx('2026-11-02T11:50:00'))
    const figures = dutyFigures(rota, await services.duty.checks(), [{ dutyShiftKey: row.dutyShiftKey, closed: false }], '2026-11-01', '2026-11-30')
    const mine = figures.find((f) => f.secretaryId === current!.secretaryId)!
    expect(mine).toMatchObject({ served: 1, late: 1, needsReceived: 1, changed: 1 })
  })

  it('refuses bad input with a message and changes nothing', async () => {
    const { services, station } = await stations.openStation()
    const ctx = { station, by: '王芳', at: china('2026-10-20T09:00:00') }
    expect(await services.duty.plan('2026-11-01', '2026-11-30', ctx)).toEqual({ ok: false, error: 'duty.error.emptyRoster' })
    const leaveBackwards = await services.duty.saveSecretary(
      { ...secretaryForm('李书记', '星河村', '13800000001'), leaves: [{ from: '2026-11-10', to: '2026-11-05', reason: '' }] },
      ctx,
    )
    expect(leaveBackwards).toEqual({ ok: false, errors: [{ field: 'leaves', message: 'duty.error.leaveEndsBeforeStart' }] })
    const overlapping = await services.duty.savePattern(
      { slots: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }], days: 'working' },
      ctx,
    )
    expect(overlapping).toEqual({ ok: false, error: 'duty.error.shiftsOverlap' })
    expect(await services.duty.secretaries()).toEqual([])
    expect(await services.duty.plans()).toEqual([])
    expect((await services.duty.pattern(station.code)).slots).toHaveLength(2)
  })
})
