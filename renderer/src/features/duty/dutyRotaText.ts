import type { TFunction } from 'i18next'
import { localDateTime } from '../../domain/calendar'
import {
  weekdayOf,
  type DutySecretaryDoc,
  type DutyChangeDoc,
  type RotaShift,
  type PlannedShift,
} from '../../domain/duty'
import type { DutyPeriod } from './dutyRotaPeriod'

// How the rota's dates, shifts, people and changes read on screen, on paper and in the files.

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string)

type Named = Pick<DutySecretaryDoc, '_id' | 'name'>

/** 周一 … 周日 */
export const weekdayText = (t: T, date: string): string => t(`duty.weekday.${weekdayOf(date)}`)

/** 11月2日 */
export function dayText(t: T, date: string): string {
  const [, month, day] = date.split('-').map(Number)
  return t('duty.day', { month, day })
}

/** 2026年11月 */
export function monthText(t: T, month: string): string {
  const [year, mm] = month.split('-').map(Number)
  return t('duty.month', { year, month: mm })
}

/** 2026年11月, or 11月2日–11月8日 */
export const periodText = (t: T, period: DutyPeriod): string =>
  period.choice.kind === 'month' ? monthText(t, period.month) : t('duty.period.range', { from: dayText(t, period.from), to: dayText(t, period.to) })

export const slotText = (shift: Pick<PlannedShift, 'start' | 'end'>): string => `${shift.start}–${shift.end}`

/** 11月2日 周一 08:30–12:00 */
export const shiftText = (t: T, shift: Pick<PlannedShift, 'date' | 'start' | 'end'>): string =>
  `${dayText(t, shift.date)} ${weekdayText(t, shift.date)} ${slotText(shift)}`

/** A secretary's name; one not (yet) on this computer, e.g. still arriving by sync, says so. */
export function nameOf(t: T, secretaries: readonly Named[], id: string | null): string {
  if (!id) return t('duty.gap')
  return secretaries.find((s) => s._id === id)?.name ?? t('duty.unknownSecretary')
}

/** 每人 8–9 班，相差不超过 1 — how even the counts are. */
export function spreadText(t: T, counts: readonly number[]): string {
  if (counts.length === 0) return ''
  const min = Math.min(...counts)
  const max = Math.max(...counts)
  if (min === max) return t('duty.preview.spreadEven', { count: min })
  if (max - min <= 1) return t('duty.preview.spreadFair', { min, max })
  return t('duty.preview.spreadWide', { min, max, diff: max - min })
}

/** The kind of change the newest one touching a shift was (what its tag says), or null. */
export const lastChangeKind = (shift: Pick<RotaShift, 'changes'>): DutyChangeDoc['kind'] | null =>
  shift.changes.length ? shift.changes[shift.changes.length - 1]!.kind : null

/**
 * One change as a line: what was done, why, by whom and when, e.g.
 * 换班：与 11月3日 周二 08:30–12:00 互换 · 原因：村里开会 · 王芳 2026-10-30 10:00
 */
export function changeText(t: T, change: DutyChangeDoc, shift: Pick<RotaShift, 'key'>, rota: readonly RotaShift[], secretaries: readonly Named[]): string {
  let what: string
  if (change.kind === 'override') {
    what = t('duty.change.overrideLine', { name: nameOf(t, secretaries, change.secretaryId) })
  } else {
    const otherKey = change.shiftKeys[0] === shift.key ? change.shiftKeys[1] : change.shiftKeys[0]
    const other = rota.find((s) => s.key === otherKey)
    what = t('duty.change.swapLine', { shift: other ? shiftText(t, other) : otherKey })
  }
  return t('duty.change.line', { what, reason: change.reason, by: change.by, at: localDateTime(change.at) })
}

/** The slots (columns) and days (rows) of a set of shifts, for a date × shift table. */
export interface RotaGrid<S extends PlannedShift> {
  slots: { slot: number; start: string; end: string }[]
  days: { date: string; bySlot: Map<number, S> }[]
}

export function rotaGrid<S extends PlannedShift>(shifts: readonly S[]): RotaGrid<S> {
  const slots = new Map<number, { slot: number; start: string; end: string }>()
  const days = new Map<string, Map<number, S>>()
  for (const shift of shifts) {
    if (!slots.has(shift.slot)) slots.set(shift.slot, { slot: shift.slot, start: shift.start, end: shift.end })
    let day = days.get(shift.date)
    if (!day) days.set(shift.date, (day = new Map()))
    day.set(shift.slot, shift)
  }
  return {
    slots: [...slots.values()].sort((a, b) => a.slot - b.slot),
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, bySlot]) => ({ date, bySlot })),
  }
}

/** A name fit for a file name on any system. */
export const fileSafe = (text: string): string => text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '-'
