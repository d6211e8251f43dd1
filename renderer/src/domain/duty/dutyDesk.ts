import { shiftInstant } from './dutyPlan'
import type { RotaShift } from './dutyRota'
import type { RecordBase } from '../records'

// 值班台: what happens during a shift — the secretary on duty checks in and out (签到 / 签退), writes
// the duty log (值班日志) and a handover note (交接班) for the next shift. Each is a document of its own.

export interface DutyCheckDoc extends RecordBase {
  type: 'dutyCheck'
  shiftKey: string
  secretaryId: string
  kind: 'in' | 'out'
  at: string
}

export interface DutyNoteDoc extends RecordBase {
  type: 'dutyNote'
  shiftKey: string
  kind: 'note' | 'handover'
  text: string
  at: string
  by: string
}

/** Checking in this early is allowed (the secretary arrives before the desk opens). */
export const EARLY_CHECK_IN_MINUTES = 30
/** Checking in within this many minutes of the start still counts as on time. */
export const LATE_AFTER_MINUTES = 5

export interface Attendance {
  checkedInAt: string | null
  checkedOutAt: string | null
  /** minutes after the shift began, beyond the grace; null while not checked in */
  lateMinutes: number | null
}

export function attendance(shift: Pick<RotaShift, 'key' | 'date' | 'start'>, checks: readonly DutyCheckDoc[]): Attendance {
  const mine = checks.filter((c) => c.shiftKey === shift.key).sort((a, b) => a.at.localeCompare(b.at))
  const checkedInAt = mine.find((c) => c.kind === 'in')?.at ?? null
  const checkedOutAt = mine.find((c) => c.kind === 'out')?.at ?? null
  const start = Date.parse(shiftInstant(shift.date, shift.start))
  const late = checkedInAt === null ? null : Math.floor((Date.parse(checkedInAt) - start) / 60_000)
  return { checkedInAt, checkedOutAt, lateMinutes: late === null ? null : late > LATE_AFTER_MINUTES ? late : 0 }
}

/** Why a check-in or check-out cannot be recorded now (an i18n key), or null. */
export function checkAttendance(shift: RotaShift, checks: readonly DutyCheckDoc[], kind: 'in' | 'out', now: string): string | null {
  const opens = Date.parse(shiftInstant(shift.date, shift.start)) - EARLY_CHECK_IN_MINUTES * 60_000
  const closes = Date.parse(shiftInstant(shift.date, shift.end))
  if (!shift.secretaryId) return 'duty.error.noSecretary'
  const { checkedInAt, checkedOutAt } = attendance(shift, checks)
  if (kind === 'in') {
    if (Date.parse(now) < opens || Date.parse(now) >= closes) return 'duty.error.notDuringShift'
    return checkedInAt ? 'duty.error.alreadyCheckedIn' : null
  }
  if (!checkedInAt) return 'duty.error.notCheckedIn'
  return checkedOutAt ? 'duty.error.alreadyCheckedOut' : null
}

/** The handover notes left for a shift: those of the shift before it. */
export function handoverFor(rota: readonly RotaShift[], notes: readonly DutyNoteDoc[], shift: RotaShift): DutyNoteDoc[] {
  const index = rota.findIndex((s) => s.key === shift.key)
  const previous = index > 0 ? rota[index - 1] : undefined
  if (!previous) return []
  return notes.filter((n) => n.shiftKey === previous.key && n.kind === 'handover').sort((a, b) => a.at.localeCompare(b.at))
}

/** A need as the duty figures count it. */
export interface DutyNeed {
  dutyShiftKey?: string
  closed: boolean
}

export interface DutyFigures {
  secretaryId: string
  /** shifts the plan gave them */
  planned: number
  /** shifts they held in the final rota and checked in to */
  served: number
  /** changes (代班 / 换班) they were part of, giving or taking */
  changed: number
  onTime: number
  late: number
  needsReceived: number
  needsClosed: number
}

/** Figures per secretary for the shifts of a period (from … to, dates included). */
export function dutyFigures(
  rota: readonly RotaShift[],
  checks: readonly DutyCheckDoc[],
  needs: readonly DutyNeed[],
  from: string,
  to: string,
): DutyFigures[] {
  const figures = new Map<string, DutyFigures>()
  const of = (id: string) => {
    let f = figures.get(id)
    if (!f) figures.set(id, (f = { secretaryId: id, planned: 0, served: 0, changed: 0, onTime: 0, late: 0, needsReceived: 0, needsClosed: 0 }))
    return f
  }
  const holder = new Map<string, string>()
  const changes = new Map<string, Set<string>>()
  const involve = (id: string | null, changeIds: string[]) => {
    if (!id) return
    const set = changes.get(id) ?? new Set<string>()
    for (const changeId of changeIds) set.add(changeId)
    changes.set(id, set)
    of(id)
  }
  for (const shift of rota) {
    if (shift.date < from || shift.date > to) continue
    if (shift.plannedSecretaryId) of(shift.plannedSecretaryId).planned++
    if (shift.plannedSecretaryId !== shift.secretaryId) {
      const changeIds = shift.changes.map((c) => c._id)
      involve(shift.plannedSecretaryId, changeIds)
      involve(shift.secretaryId, changeIds)
    }
    if (!shift.secretaryId) continue
    holder.set(shift.key, shift.secretaryId)
    const seen = attendance(shift, checks)
    if (seen.checkedInAt === null) continue
    const f = of(shift.secretaryId)
    f.served++
    if (seen.lateMinutes) f.late++
    else f.onTime++
  }
  for (const [id, set] of changes) of(id).changed = set.size
  for (const need of needs) {
    const id = need.dutyShiftKey ? holder.get(need.dutyShiftKey) : undefined
    if (!id) continue
    of(id).needsReceived++
    if (need.closed) of(id).needsClosed++
  }
  return [...figures.values()].sort((a, b) => a.secretaryId.localeCompare(b.secretaryId))
}
