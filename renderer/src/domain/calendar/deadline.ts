// 三天内办结: the last day a need may be resolved on, counted in calendar or working days (a station setting).
//
// Working days follow the State Council's holiday notices as published in chinese-days: holidays are off,
// 调休 make-up Saturdays and Sundays are working days. chinese-days 1.5.7 holds official data only up to
// 2026 (the last year in node_modules/chinese-days/dist/years); after that every Saturday and Sunday
// counts as off and every weekday as working, until the package is updated.
//
// We read chinese-days' data table rather than calling its isWorkday(): isWorkday() reads dates in the
// computer's own time zone and gives wrong days west of UTC (e.g. it calls Saturday 2027-02-06 a working
// day under America/Los_Angeles), while these functions must give the same answer on every machine.
// deadline.test.ts checks the two agree wherever chinese-days works.
import chineseDays from 'chinese-days/dist/chinese-days.json'

export type DeadlineMode = 'calendar' | 'working'
export type DueStatus = 'closed' | 'overdue' | 'dueToday' | 'dueSoon' | 'onTrack'

const DAY_MS = 24 * 60 * 60 * 1000
// China keeps UTC+8 all year (no daylight saving time).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const holidays: Readonly<Record<string, string>> = chineseDays.holidays
const makeUpWorkdays: Readonly<Record<string, string>> = chineseDays.workdays

/** The UTC+8 calendar date (YYYY-MM-DD) of an ISO instant such as `2026-01-30T15:30:00.000Z`. */
export function localDate(isoInstant: string): string {
  const ms = Date.parse(isoInstant)
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${isoInstant}`)
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant (ISO, UTC) at which a UTC+8 calendar date begins. */
export function startOfLocalDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString()
}

/** A YYYY-MM-DD date moved by whole days (done in UTC, where every day has 24 hours). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whether a station works on a YYYY-MM-DD date: official holidays are off, 调休 weekend days are on. */
export function isWorkingDay(date: string): boolean {
  if (makeUpWorkdays[date]) return true
  if (holidays[date]) return false
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The last day (YYYY-MM-DD, China time) a need registered at `registeredAt` may be resolved on:
 * the registration day plus `days` calendar days, or plus `days` working days counted after it.
 */
export function dueDate(registeredAt: string, days: number, mode: DeadlineMode): string {
  const registered = localDate(registeredAt)
  if (mode === 'calendar') return addDays(registered, days)
  let day = registered
  for (let counted = 0; counted < days; ) {
    day = addDays(day, 1)
    if (isWorkingDay(day)) counted++
  }
  return day
}

/** Where a need stands against its due date on `todayLocal`; 'dueSoon' means due tomorrow. */
export function dueStatus(due: string, todayLocal: string, closed: boolean): DueStatus {
  if (closed) return 'closed'
  if (due < todayLocal) return 'overdue'
  if (due === todayLocal) return 'dueToday'
  if (due === addDays(todayLocal, 1)) return 'dueSoon'
  return 'onTrack'
}
