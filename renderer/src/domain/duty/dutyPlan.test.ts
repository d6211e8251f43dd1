import { describe, expect, it } from 'vitest'
import { planDuty, shiftInstant, shiftKey, type Secretary } from './dutyPlan'
import { DEFAULT_DUTY_PATTERN, type LeavePeriod, type Weekday } from './dutyRoster'

const secretary = (id: string, over: { unavailableWeekdays?: Weekday[]; leaves?: LeavePeriod[]; active?: boolean } = {}): Secretary => ({
  _id: `dutySecretary:XF:${id}`,
  name: id,
  active: over.active ?? true,
  unavailableWeekdays: over.unavailableWeekdays ?? [],
  leaves: over.leaves ?? [],
})
const roster = ['A', 'B', 'C', 'D', 'E'].map((id) => secretary(id))

const plan = (input: Partial<Parameters<typeof planDuty>[0]>) => {
  const result = planDuty({ from: '2026-11-01', to: '2026-11-30', secretaries: roster, pattern: DEFAULT_DUTY_PATTERN, ...input })
  if (!result.ok) throw new Error(result.error)
  return result.value
}
const spread = (counts: Record<string, number>) => Math.max(...Object.values(counts)) - Math.min(...Object.values(counts))

describe('planning a duty rota', () => {
  it('gives every secretary the same number of shifts, within one, over a month', () => {
    const month = plan({})
    expect(month.shifts.length).toBe(21 * 2) // November 2026 has 21 working days
    expect(spread(month.counts)).toBeLessThanOrEqual(1)
    expect(month.gaps).toEqual([])
  })

  it('skips the National Day holiday and serves on its 调休 Saturday', () => {
    const october = plan({ from: '2026-09-28', to: '2026-10-11' })
    const dates = new Set(october.shifts.map((s) => s.date))
    for (let d = 1; d <= 7; d++) expect(dates.has(`2026-10-0${d}`)).toBe(false)
    expect(dates.has('2026-10-10')).toBe(true) // Saturday, a make-up working day
    expect(dates.has('2026-10-11')).toBe(false) // an ordinary Sunday
    expect(dates.has('2026-09-28')).toBe(true)
  })

  it('never puts a secretary on a weekday they cannot serve or during leave', () => {
    const secretaries = [
      secretary('A', { unavailableWeekdays: [1, 3] }),
      secretary('B', { leaves: [{ from: '2026-11-09', to: '2026-11-13', reason: '住院' }] }),
      secretary('C'),
      secretary('D', { active: false }),
    ]
    const month = plan({ secretaries })
    for (const shift of month.shifts) {
      const weekday = new Date(`${shift.date}T00:00:00Z`).getUTCDay()
      if (shift.secretaryId === secretaries[0]!._id) expect([1, 3]).not.toContain(weekday)
      if (shift.secretaryId === secretaries[1]!._id) expect(shift.date < '2026-11-09' || shift.date > '2026-11-13').toBe(true)
      expect(shift.secretaryId).not.toBe(secretaries[3]!._id)
    }
    expect(Object.keys(month.counts)).not.toContain(secretaries[3]!._id)
  })

  it('gives the same rota for the same inputs, whatever the roster order', () => {
    const one = plan({})
    const other = plan({ secretaries: [...roster].reverse() })
    expect(other.shifts).toEqual(one.shifts)
  })

  it('carries fairness into the next period: who had fewer shifts goes first', () => {
    // A week of 5 working days × 2 shifts among 3: one secretary ends with 4, the others with 3.
    const three = roster.slice(0, 3)
    const first = plan({ secretaries: three, from: '2026-11-02', to: '2026-11-06' })
    expect(Object.values(first.counts).sort()).toEqual([3, 3, 4])
    const second = plan({ secretaries: three, from: '2026-11-09', to: '2026-11-13', carry: first.carry })
    const total = Object.fromEntries(three.map((s) => [s._id, first.counts[s._id]! + second.counts[s._id]!]))
    expect(spread(second.counts)).toBeLessThanOrEqual(1)
    expect(spread(total)).toBeLessThanOrEqual(1)
    // The one who had 4 is not the first on duty next week.
    const busiest = Object.entries(first.counts).find(([, n]) => n === 4)![0]
    expect(second.shifts[0]!.secretaryId).not.toBe(busiest)
  })

  it('reports a shift nobody can take as a gap', () => {
    const secretaries = [secretary('A', { unavailableWeekdays: [5] }), secretary('B', { unavailableWeekdays: [5] })]
    const week = plan({ secretaries, from: '2026-11-02', to: '2026-11-06' })
    expect(week.gaps.map((gap) => gap.key)).toEqual([shiftKey('2026-11-06', 0), shiftKey('2026-11-06', 1)])
    expect(week.gaps.every((gap) => gap.secretaryId === null)).toBe(true)
  })

  it('refuses an empty roster, a period ending before it starts and one too long', () => {
    const refused = (input: Partial<Parameters<typeof planDuty>[0]>) =>
      planDuty({ from: '2026-11-01', to: '2026-11-30', secretaries: roster, pattern: DEFAULT_DUTY_PATTERN, ...input })
    expect(refused({ secretaries: [] })).toEqual({ ok: false, error: 'duty.error.emptyRoster' })
    expect(refused({ secretaries: [secretary('X', { active: false })] })).toEqual({ ok: false, error: 'duty.error.emptyRoster' })
    expect(refused({ to: '2026-10-31' })).toEqual({ ok: false, error: 'duty.error.periodEndsBeforeStart' })
    expect(refused({ to: '2027-06-30' })).toEqual({ ok: false, error: 'duty.error.periodTooLong' })
  })

  it('places shifts in China time', () => {
    expect(shiftInstant('2026-11-02', '08:30')).toBe('2026-11-02T00:30:00.000Z')
  })
})
