import { addDays } from '../../domain/calendar'
import { weekdayOf } from '../../domain/duty'

// The period the rota page shows: this week, next week (Monday to Sunday) or a calendar month. Kept in
// the address (?period=thisWeek | nextWeek | 2026-11) so coming back to the page keeps it.

export type PeriodChoice = { kind: 'thisWeek' } | { kind: 'nextWeek' } | { kind: 'month'; month: string }

export interface DutyPeriod {
  choice: PeriodChoice
  /** first and last day, both included (YYYY-MM-DD) */
  from: string
  to: string
  /** the month printed by 打印本月值班表: the chosen month, or the month the week begins in (YYYY-MM) */
  month: string
  /** for file names: 2026-11, or 2026-11-02至2026-11-08 */
  fileLabel: string
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The first and last day of a month (YYYY-MM). */
export function monthRange(month: string): { from: string; to: string } {
  const [year, mm] = month.split('-').map(Number) as [number, number]
  const next = mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, '0')}`
  return { from: `${month}-01`, to: addDays(`${next}-01`, -1) }
}

/** The Monday of the week a date falls in. */
export const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date))

/** The address's period, or this month when it names none (or nothing valid). */
export function parsePeriod(param: string | null, today: string): PeriodChoice {
  if (param === 'thisWeek' || param === 'nextWeek') return { kind: param }
  if (param && MONTH.test(param)) return { kind: 'month', month: param }
  return { kind: 'month', month: today.slice(0, 7) }
}

export const periodParam = (choice: PeriodChoice): string => (choice.kind === 'month' ? choice.month : choice.kind)

export function periodOf(choice: PeriodChoice, today: string): DutyPeriod {
  if (choice.kind === 'month') {
    return { choice, ...monthRange(choice.month), month: choice.month, fileLabel: choice.month }
  }
  const from = addDays(mondayOf(today), choice.kind === 'nextWeek' ? 7 : 0)
  const to = addDays(from, 6)
  return { choice, from, to, month: from.slice(0, 7), fileLabel: `${from}至${to}` }
}
