import { localDate, localDateTime } from '../../domain/calendar'
import {
  attendance,
  checkAttendance,
  type Attendance,
  type DutyCheckDoc,
  shiftInstant,
  weekdayOf,
  type DutySecretaryDoc,
  onDuty,
  type RotaShift,
} from '../../domain/duty'

// What the duty desk (值班台) shows, worked out from the duty data and the time: who is on duty now and
// next, what the board says when nobody is, and whether a check-in or check-out may be recorded now.

type Secretaries = readonly Pick<DutySecretaryDoc, '_id' | 'name' | 'village' | 'phone'>[]

export const secretaryOf = (secretaries: Secretaries, id: string | null) => (id ? secretaries.find((s) => s._id === id) : undefined)

/** The secretary a need registered at `now` goes to (书记轮值): the one holding the shift under way. */
export interface OnShift {
  shiftKey: string
  secretaryName: string
  shift: RotaShift
  checkedIn: boolean
}

/**
 * A shift under way with a secretary on it, whether or not they have checked in yet: the rota, not the
 * check-in, says who is on duty (a forgotten check-in shows as such; it does not send the needs elsewhere).
 */
export function onShiftAt(
  data: { rota: readonly RotaShift[]; secretaries: Secretaries; checks: readonly DutyCheckDoc[] },
  now: string,
): OnShift | null {
  const { current } = onDuty(data.rota, now)
  const secretary = current && secretaryOf(data.secretaries, current.secretaryId)
  if (!current || !secretary) return null
  return {
    shiftKey: current.key,
    secretaryName: secretary.name,
    shift: current,
    checkedIn: attendance(current, data.checks).checkedInAt !== null,
  }
}

/** Why nobody is on duty now. */
export type DutyIdle = 'noPlan' | 'noDutyToday' | 'beforeStart' | 'break' | 'dayOver'

export function dutyIdle(rota: readonly RotaShift[], now: string): DutyIdle {
  if (rota.length === 0) return 'noPlan'
  const today = localDate(now)
  const todays = rota.filter((s) => s.date === today)
  const first = todays[0]
  const last = todays[todays.length - 1]
  if (!first || !last) return 'noDutyToday'
  if (now < shiftInstant(first.date, first.start)) return 'beforeStart'
  if (now >= shiftInstant(last.date, last.end)) return 'dayOver'
  return 'break'
}

/** "14:05" (China time) of an ISO instant. */
export const clockTime = (iso: string): string => localDateTime(iso).slice(11)

export interface ShiftWhen {
  date: string
  weekday: number
  start: string
  end: string
}

export const shiftWhen = (shift: Pick<RotaShift, 'date' | 'start' | 'end'>): ShiftWhen => ({
  date: shift.date,
  weekday: weekdayOf(shift.date),
  start: shift.start,
  end: shift.end,
})

/** The values of 'dutyDesk.shiftTime' and its kin: date ("11-02", or in full), weekday (translated), start, end. */
export function shiftWhenText(shift: Pick<RotaShift, 'date' | 'start' | 'end'>, t: (key: string) => string, fullDate = false) {
  const when = shiftWhen(shift)
  return { ...when, weekday: t(`dutyDesk.weekday.${when.weekday}`), date: fullDate ? when.date : when.date.slice(5) }
}

/** Where a shift's attendance stands at `now`, and which of 签到 / 签退 may be recorded. */
export interface AttendanceView extends Attendance {
  canCheckIn: boolean
  canCheckOut: boolean
  /** the shift has begun (beyond the grace) and nobody has checked in */
  missing: boolean
}

export function attendanceView(shift: RotaShift, checks: readonly DutyCheckDoc[], now: string): AttendanceView {
  const seen = attendance(shift, checks)
  const begun = now >= shiftInstant(shift.date, shift.start)
  return {
    ...seen,
    canCheckIn: checkAttendance(shift, checks, 'in', now) === null,
    canCheckOut: checkAttendance(shift, checks, 'out', now) === null,
    missing: begun && !!shift.secretaryId && seen.checkedInAt === null,
  }
}

/** The shifts before and after one in the final rota. */
export function neighbours(rota: readonly RotaShift[], key: string): { previous: RotaShift | null; next: RotaShift | null } {
  const index = rota.findIndex((s) => s.key === key)
  if (index < 0) return { previous: null, next: null }
  return { previous: rota[index - 1] ?? null, next: rota[index + 1] ?? null }
}
