import { describe, expect, it } from 'vitest'
import type { DutyCheckDoc, RotaShift } from '../../domain/duty'
import { attendanceView, dutyIdle, neighbours, onShiftAt } from './dutyDeskView'
import { recordBase } from '../../domain/records'
import { china } from '../../../../test/support/chinaTime'

const shift = (date: string, slot: number, secretaryId: string | null): RotaShift => ({
  key: `${date}#${slot}`,
  date,
  slot,
  start: slot === 0 ? '08:30' : '14:00',
  end: slot === 0 ? '12:00' : '17:30',
  secretaryId,
  planId: 'dutyPlan:XF:1',
  plannedSecretaryId: secretaryId,
  changes: [],
})

const rota = [shift('2026-11-02', 0, 'A'), shift('2026-11-02', 1, null), shift('2026-11-03', 0, 'B')]
const secretaries = [
  { _id: 'A', name: '李书记', village: '星河村', phone: '13800000001' },
  { _id: 'B', name: '张书记', village: '东风村', phone: '13800000002' },
]
const check = (shiftKey: string, kind: 'in' | 'out', at: string): DutyCheckDoc => ({
  ...recordBase('dutyCheck', `dutyCheck:XF:${at}`, 'XF', { by: '王芳', at }),
  type: 'dutyCheck',
  shiftKey,
  secretaryId: 'A',
  kind,
  at,
})

describe('the duty desk view', () => {
  it('says why nobody is on duty', () => {
    expect(dutyIdle([], china('2026-11-02T09:00:00'))).toBe('noPlan')
    expect(dutyIdle(rota, china('2026-11-02T07:00:00'))).toBe('beforeStart')
    expect(dutyIdle(rota, china('2026-11-02T12:30:00'))).toBe('break')
    expect(dutyIdle(rota, china('2026-11-02T18:00:00'))).toBe('dayOver')
    expect(dutyIdle(rota, china('2026-11-04T09:00:00'))).toBe('noDutyToday')
  })

  it('gives the secretary a need goes to: the one holding the shift under way, checked in or not; nobody for a gap', () => {
    const data = { rota, secretaries, checks: [] as DutyCheckDoc[] }
    expect(onShiftAt(data, china('2026-11-02T09:00:00'))).toMatchObject({ shiftKey: '2026-11-02#0', secretaryName: '李书记', checkedIn: false })
    const checks = [check('2026-11-02#0', 'in', china('2026-11-02T08:25:00'))]
    expect(onShiftAt({ ...data, checks }, china('2026-11-02T09:00:00'))).toMatchObject({ checkedIn: true })
    expect(onShiftAt(data, china('2026-11-02T15:00:00'))).toBeNull() // the afternoon is a gap
    expect(onShiftAt(data, china('2026-11-02T12:30:00'))).toBeNull()
  })

  it('shows what may be recorded now and marks a missing check-in', () => {
    const morning = rota[0]!
    expect(attendanceView(morning, [], china('2026-11-02T08:10:00'))).toMatchObject({ canCheckIn: true, canCheckOut: false, missing: false })
    expect(attendanceView(morning, [], china('2026-11-02T08:50:00'))).toMatchObject({ canCheckIn: true, missing: true })
    const checks = [check(morning.key, 'in', china('2026-11-02T08:50:00'))]
    expect(attendanceView(morning, checks, china('2026-11-02T09:00:00'))).toMatchObject({
      canCheckIn: false,
      canCheckOut: true,
      missing: false,
      lateMinutes: 20,
    })
    expect(attendanceView(rota[1]!, [], china('2026-11-02T14:10:00'))).toMatchObject({ canCheckIn: false, missing: false })
  })

  it('finds the shifts either side of one', () => {
    expect(neighbours(rota, '2026-11-02#1')).toEqual({ previous: rota[0], next: rota[2] })
    expect(neighbours(rota, '2026-11-02#0').previous).toBeNull()
    expect(neighbours(rota, 'nope')).toEqual({ previous: null, next: null })
  })
})
