import { shiftInstant, type PlannedShift } from './dutyPlan'
import { canServe, type DutySecretaryDoc } from './dutyRoster'
import type { RecordBase } from '../records'

// 值班表: the planned rota, the changes made to it since (代班 override, 换班 swap) and the final rota
// they give. Plans and changes are documents of their own and never rewritten: the final rota is
// always computed from them, so the planned rota and every change stay visible.

/** 排班计划: one planned period. */
export interface DutyPlanDoc extends RecordBase {
  type: 'dutyPlan'
  from: string
  to: string
  shifts: PlannedShift[]
  counts: Record<string, number>
  carry: { counts: Record<string, number>; lastServed: Record<string, string> }
}

export type DutyChange =
  /** 代班: someone else takes one shift */
  | { kind: 'override'; shiftKey: string; secretaryId: string; reason: string }
  /** 换班: two shifts change hands */
  | { kind: 'swap'; shiftKeys: [string, string]; reason: string }

export type DutyChangeDoc = RecordBase & { type: 'dutyChange'; at: string; by: string } & DutyChange

export interface RotaShift extends PlannedShift {
  planId: string
  /** who the plan put there */
  plannedSecretaryId: string | null
  /** the changes that touched this shift, oldest first */
  changes: DutyChangeDoc[]
}

const byTime = <T extends { at: string; _id: string }>(a: T, b: T) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id)

/**
 * The final rota. Where plans cover the same shift, the newest plan made before the shift began holds
 * it (a shift already begun is never re-planned); then the changes apply in the order they were made.
 */
export function rotaOf(plans: readonly DutyPlanDoc[], changes: readonly DutyChangeDoc[]): RotaShift[] {
  const shifts = new Map<string, RotaShift>()
  const ordered = [...plans].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
  for (const plan of ordered) {
    for (const shift of plan.shifts) {
      const held = shifts.get(shift.key)
      if (held && plan.createdAt >= shiftInstant(shift.date, shift.start)) continue
      shifts.set(shift.key, { ...shift, planId: plan._id, plannedSecretaryId: shift.secretaryId, changes: [] })
    }
  }
  for (const change of [...changes].sort(byTime)) {
    if (change.kind === 'override') {
      const shift = shifts.get(change.shiftKey)
      if (!shift) continue
      shift.secretaryId = change.secretaryId
      shift.changes.push(change)
    } else {
      const [a, b] = change.shiftKeys.map((key) => shifts.get(key))
      if (!a || !b) continue
      ;[a.secretaryId, b.secretaryId] = [b.secretaryId, a.secretaryId]
      a.changes.push(change)
      b.changes.push(change)
    }
  }
  return [...shifts.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))
}

/** Why a change cannot be made (an i18n key), or null. `now` is an ISO instant. */
export function checkDutyChange(
  rota: readonly RotaShift[],
  change: DutyChange,
  secretaries: readonly Pick<DutySecretaryDoc, '_id' | 'active' | 'unavailableWeekdays' | 'leaves'>[],
  now: string,
): string | null {
  if (!change.reason.trim()) return 'duty.error.reasonRequired'
  const find = (key: string) => rota.find((shift) => shift.key === key)
  const keys = change.kind === 'override' ? [change.shiftKey] : change.shiftKeys
  const shifts = keys.map(find)
  if (shifts.some((shift) => !shift)) return 'duty.error.shiftUnknown'
  // Past shifts are never rewritten: what happened stays as it happened.
  if (shifts.some((shift) => shiftInstant(shift!.date, shift!.start) <= now)) return 'duty.error.shiftPast'
  const secretary = (id: string | null) => secretaries.find((s) => s._id === id)
  if (change.kind === 'override') {
    const [shift] = shifts as [RotaShift]
    if (shift.secretaryId === change.secretaryId) return 'duty.error.sameSecretary'
    const taker = secretary(change.secretaryId)
    if (!taker || !canServe(taker, shift.date)) return 'duty.error.cannotServe'
    return null
  }
  const [a, b] = shifts as [RotaShift, RotaShift]
  if (a.key === b.key || a.secretaryId === b.secretaryId) return 'duty.error.swapSame'
  if (!a.secretaryId || !b.secretaryId) return 'duty.error.swapGap'
  const aTaker = secretary(b.secretaryId)
  const bTaker = secretary(a.secretaryId)
  if (!aTaker || !canServe(aTaker, a.date) || !bTaker || !canServe(bTaker, b.date)) return 'duty.error.cannotServe'
  return null
}

/** 当前值班 / 下一班: the shift under way at `now` and the next one to begin. */
export function onDuty(rota: readonly RotaShift[], now: string): { current: RotaShift | null; next: RotaShift | null } {
  let current: RotaShift | null = null
  let next: RotaShift | null = null
  for (const shift of rota) {
    const start = shiftInstant(shift.date, shift.start)
    const end = shiftInstant(shift.date, shift.end)
    if (start <= now && now < end) current = shift
    else if (start > now && (!next || start < shiftInstant(next.date, next.start))) next = shift
  }
  return { current, next }
}
