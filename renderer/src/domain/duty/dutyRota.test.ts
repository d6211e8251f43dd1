import { describe, expect, it } from 'vitest'
import { planDuty, type Secretary } from './dutyPlan'
import { DEFAULT_DUTY_PATTERN } from './dutyRoster'
import { checkDutyChange, onDuty, rotaOf, type DutyChange, type DutyChangeDoc, type DutyPlanDoc } from './dutyRota'
import { recordBase } from '../records'

const secretaries: Secretary[] = ['A', 'B', 'C'].map((id) => ({
  _id: `dutySecretary:XF:${id}`,
  name: id,
  active: true,
  unavailableWeekdays: [],
  leaves: [],
}))
const [A, B, C] = secretaries.map((s) => s._id) as [string, string, string]

function planDoc(id: string, from: string, to: string, createdAt: string): DutyPlanDoc {
  const result = planDuty({ from, to, secretaries, pattern: DEFAULT_DUTY_PATTERN })
  if (!result.ok) throw new Error(result.error)
  return {
    ...recordBase('dutyPlan', `dutyPlan:XF:${id}`, 'XF', { by: '王芳', at: createdAt }),
    type: 'dutyPlan',
    ...result.value,
  }
}

let changeNo = 0
const changeDoc = (change: DutyChange, at: string): DutyChangeDoc => ({
  ...recordBase('dutyChange', `dutyChange:XF:${String(++changeNo).padStart(4, '0')}`, 'XF', { by: '王芳', at }),
  type: 'dutyChange',
  at,
  by: '王芳',
  ...change,
})

const week = planDoc('w1', '2026-11-02', '2026-11-06', '2026-10-30T01:00:00.000Z')
const MONDAY_AM = '2026-11-02#0'
const MONDAY_PM = '2026-11-02#1'

describe('the final rota', () => {
  it('is the plan when nothing changed', () => {
    const rota = rotaOf([week], [])
    expect(rota.map((s) => s.secretaryId)).toEqual(week.shifts.map((s) => s.secretaryId))
    expect(rota.every((s) => s.plannedSecretaryId === s.secretaryId && s.changes.length === 0)).toBe(true)
  })

  it('applies an override and a swap, keeping who was planned and each change', () => {
    const planned = rotaOf([week], [])
    const am = planned.find((s) => s.key === MONDAY_AM)!
    const pm = planned.find((s) => s.key === MONDAY_PM)!
    const other = secretaries.map((s) => s._id).find((id) => id !== am.secretaryId && id !== pm.secretaryId)!
    const override = changeDoc({ kind: 'override', shiftKey: MONDAY_AM, secretaryId: other, reason: '下村走访' }, '2026-10-31T01:00:00.000Z')
    const swap = changeDoc({ kind: 'swap', shiftKeys: [MONDAY_AM, MONDAY_PM], reason: '家中有事' }, '2026-10-31T02:00:00.000Z')
    const rota = rotaOf([week], [swap, override])
    const finalAm = rota.find((s) => s.key === MONDAY_AM)!
    const finalPm = rota.find((s) => s.key === MONDAY_PM)!
    // Override first (it was made first), then the swap moves the override's taker to the afternoon.
    expect(finalAm.secretaryId).toBe(pm.secretaryId)
    expect(finalPm.secretaryId).toBe(other)
    expect(finalAm.plannedSecretaryId).toBe(am.secretaryId)
    expect(finalAm.changes.map((c) => c.kind)).toEqual(['override', 'swap'])
  })

  it('does not let a later plan rewrite a shift that had already begun', () => {
    const replan = planDoc('w1b', '2026-11-02', '2026-11-06', '2026-11-03T05:00:00.000Z')
    // A different roster order would not change anything, so change the plan by hand.
    replan.shifts = replan.shifts.map((s) => ({ ...s, secretaryId: C }))
    const rota = rotaOf([week, replan], [])
    const monday = rota.find((s) => s.key === MONDAY_AM)!
    const friday = rota.find((s) => s.key === '2026-11-06#0')!
    expect(monday.planId).toBe(week._id)
    expect(friday.planId).toBe(replan._id)
    expect(friday.secretaryId).toBe(C)
  })
})

describe('checking a change', () => {
  const rota = rotaOf([week], [])
  const now = '2026-11-01T00:00:00.000Z'
  const am = rota.find((s) => s.key === MONDAY_AM)!

  it('needs a reason, a known future shift and someone else', () => {
    const other = [A, B, C].find((id) => id !== am.secretaryId)!
    expect(checkDutyChange(rota, { kind: 'override', shiftKey: MONDAY_AM, secretaryId: other, reason: ' ' }, secretaries, now)).toBe(
      'duty.error.reasonRequired',
    )
    expect(checkDutyChange(rota, { kind: 'override', shiftKey: '2026-12-25#0', secretaryId: other, reason: '病假' }, secretaries, now)).toBe(
      'duty.error.shiftUnknown',
    )
    expect(
      checkDutyChange(rota, { kind: 'override', shiftKey: MONDAY_AM, secretaryId: other, reason: '病假' }, secretaries, '2026-11-02T01:00:00.000Z'),
    ).toBe('duty.error.shiftPast')
    expect(checkDutyChange(rota, { kind: 'override', shiftKey: MONDAY_AM, secretaryId: am.secretaryId!, reason: '病假' }, secretaries, now)).toBe(
      'duty.error.sameSecretary',
    )
    expect(checkDutyChange(rota, { kind: 'override', shiftKey: MONDAY_AM, secretaryId: other, reason: '病假' }, secretaries, now)).toBeNull()
  })

  it('refuses a swap of a shift with itself, or to someone on leave that day', () => {
    expect(checkDutyChange(rota, { kind: 'swap', shiftKeys: [MONDAY_AM, MONDAY_AM], reason: '换' }, secretaries, now)).toBe('duty.error.swapSame')
    const tuesday = rota.find((s) => s.key !== MONDAY_AM && s.date === '2026-11-03' && s.secretaryId !== am.secretaryId)!
    const swap: DutyChange = { kind: 'swap', shiftKeys: [MONDAY_AM, tuesday.key], reason: '换' }
    expect(checkDutyChange(rota, swap, secretaries, now)).toBeNull()
    // Tuesday's secretary would take Monday morning, but is on leave that day.
    const onLeave = secretaries.map((s) => (s._id === tuesday.secretaryId ? { ...s, leaves: [{ from: '2026-11-02', to: '2026-11-02', reason: '' }] } : s))
    expect(checkDutyChange(rota, swap, onLeave, now)).toBe('duty.error.cannotServe')
  })
})

describe('who is on duty', () => {
  const rota = rotaOf([week], [])
  it('is the shift under way and the next one to begin', () => {
    const { current, next } = onDuty(rota, '2026-11-02T01:00:00.000Z') // 09:00 Monday in China
    expect(current?.key).toBe(MONDAY_AM)
    expect(next?.key).toBe(MONDAY_PM)
  })
  it('is nobody at lunchtime, with the afternoon next', () => {
    const { current, next } = onDuty(rota, '2026-11-02T04:30:00.000Z') // 12:30
    expect(current).toBeNull()
    expect(next?.key).toBe(MONDAY_PM)
  })
})
