import { z } from 'zod'
import type { Editable, RecordBase } from '../records'
import { checkPhone } from '../personal'

// 书记轮值: the village party secretaries who take turns at the centre's duty desk, and the shifts a
// duty day is made of.

/** 1 = Monday … 7 = Sunday */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

/** 请假: the secretary cannot serve from `from` to `to`, both days included (YYYY-MM-DD). */
export interface LeavePeriod {
  from: string
  to: string
  reason: string
}

/** 轮值书记 */
export interface DutySecretaryDoc extends RecordBase, Editable {
  type: 'dutySecretary'
  name: string
  village: string
  phone: string
  active: boolean
  /** weekdays this secretary never serves on */
  unavailableWeekdays: Weekday[]
  leaves: LeavePeriod[]
}

export const dutySecretaryId = (stationId: string, ulid: string) => `dutySecretary:${stationId}:${ulid}`

export const SECRETARY_EDITABLE_FIELDS = ['name', 'village', 'phone', 'active', 'unavailableWeekdays', 'leaves'] as const

const DATE = /^\d{4}-\d{2}-\d{2}$/

export const secretaryFormSchema = z.object({
  name: z.string().trim().min(1, 'duty.error.nameRequired').max(20, 'duty.error.nameTooLong'),
  village: z.string().trim().min(1, 'duty.error.villageRequired'),
  phone: z.string().trim().min(1, 'phone.empty'),
  active: z.boolean().default(true),
  unavailableWeekdays: z.array(z.number().int().min(1).max(7)).default([]),
  leaves: z
    .array(
      z.object({
        from: z.string().regex(DATE, 'duty.error.leaveDate'),
        to: z.string().regex(DATE, 'duty.error.leaveDate'),
        reason: z.string().trim().max(100).default(''),
      }),
    )
    .default([]),
})

export type SecretaryFormInput = z.input<typeof secretaryFormSchema>
export type SecretaryForm = Omit<z.output<typeof secretaryFormSchema>, 'unavailableWeekdays'> & { unavailableWeekdays: Weekday[] }

export interface SecretaryFieldError {
  field: keyof SecretaryForm
  /** i18n key */
  message: string
}

export type CheckedSecretary = { ok: true; value: SecretaryForm } | { ok: false; errors: SecretaryFieldError[] }

/** Checks a secretary's form: every problem at once, messages as i18n keys. */
export function checkSecretaryForm(input: SecretaryFormInput, villages: readonly string[]): CheckedSecretary {
  const parsed = secretaryFormSchema.safeParse(input)
  const errors: SecretaryFieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: issue.path[0] as keyof SecretaryForm, message: issue.message }))
  const has = (field: keyof SecretaryForm) => errors.some((e) => e.field === field)

  const phone = checkPhone(input.phone ?? '')
  if (!has('phone') && !phone.ok) errors.push({ field: 'phone', message: phone.error })
  if (!has('village') && input.village && !villages.includes(input.village.trim())) {
    errors.push({ field: 'village', message: 'duty.error.villageUnknown' })
  }
  if (!has('leaves')) {
    const leaves = [...(input.leaves ?? [])].sort((a, b) => a.from.localeCompare(b.from))
    if (leaves.some((leave) => leave.to < leave.from)) errors.push({ field: 'leaves', message: 'duty.error.leaveEndsBeforeStart' })
    else if (leaves.some((leave, i) => i > 0 && leave.from <= leaves[i - 1]!.to)) {
      errors.push({ field: 'leaves', message: 'duty.error.leavesOverlap' })
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors }
  return {
    ok: true,
    value: {
      ...parsed.data,
      phone: phone.ok ? phone.value : parsed.data.phone,
      unavailableWeekdays: [...new Set(parsed.data.unavailableWeekdays)].sort() as Weekday[],
      leaves: [...parsed.data.leaves].sort((a, b) => a.from.localeCompare(b.from)),
    },
  }
}

/** The weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return (day === 0 ? 7 : day) as Weekday
}

/** Can this secretary serve on this date: active, not a weekday they never serve, not on leave. */
export function canServe(secretary: Pick<DutySecretaryDoc, 'active' | 'unavailableWeekdays' | 'leaves'>, date: string): boolean {
  if (!secretary.active) return false
  if (secretary.unavailableWeekdays.includes(weekdayOf(date))) return false
  return !secretary.leaves.some((leave) => leave.from <= date && date <= leave.to)
}

/** One shift of a duty day (班次), in China time, e.g. 08:30–12:00. */
export interface ShiftSlot {
  start: string
  end: string
}

/** Which days have duty: working days (holidays off, 调休 days on) or every day. */
export type DutyDays = 'working' | 'everyDay'

/** 值班安排: the station's shifts. */
export interface DutyPattern {
  slots: ShiftSlot[]
  days: DutyDays
}

export const DEFAULT_DUTY_PATTERN: DutyPattern = {
  slots: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  days: 'working',
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Checks a shift pattern; the slots come back in the order of the day. */
export function checkDutyPattern(pattern: DutyPattern): { ok: true; value: DutyPattern } | { ok: false; error: string } {
  if (pattern.slots.length === 0) return { ok: false, error: 'duty.error.noShifts' }
  if (pattern.slots.some((slot) => !TIME.test(slot.start) || !TIME.test(slot.end))) return { ok: false, error: 'duty.error.shiftTime' }
  if (pattern.slots.some((slot) => slot.end <= slot.start)) return { ok: false, error: 'duty.error.shiftEndsBeforeStart' }
  const slots = [...pattern.slots].sort((a, b) => a.start.localeCompare(b.start))
  if (slots.some((slot, i) => i > 0 && slot.start < slots[i - 1]!.end)) return { ok: false, error: 'duty.error.shiftsOverlap' }
  return { ok: true, value: { ...pattern, slots } }
}
