import { addDays, isWorkingDay, startOfLocalDay } from '../calendar'
import { canServe, type DutyPattern, type DutySecretaryDoc } from './dutyRoster'

// 排班: a fair rota for a period. Shift by shift, the secretary who can serve and has served least in
// this period takes it; ties go to whoever served least before it (so a new period carries on where the
// last one left off), then to whoever served longest ago, then to the roster order. Same inputs, same
// rota. Without leave or unavailable days every count ends within one of every other.

/** A shift's key: its date and the slot's place in the day, e.g. `2026-10-09#0`. */
export const shiftKey = (date: string, slot: number) => `${date}#${slot}`

export interface PlannedShift {
  key: string
  date: string
  slot: number
  start: string
  end: string
  /** null: nobody could take it (a gap) */
  secretaryId: string | null
}

/** Where the rota stands after a period: what the next period continues from. */
export interface DutyCarry {
  /** shifts planned per secretary, all periods so far */
  counts: Record<string, number>
  /** each secretary's last planned shift key */
  lastServed: Record<string, string>
}

export const NO_CARRY: DutyCarry = { counts: {}, lastServed: {} }

export type Secretary = Pick<DutySecretaryDoc, '_id' | 'name' | 'active' | 'unavailableWeekdays' | 'leaves'>

export interface PlanInput {
  from: string
  to: string
  secretaries: readonly Secretary[]
  pattern: DutyPattern
  carry?: DutyCarry
}

export interface DutyPlanResult {
  from: string
  to: string
  shifts: PlannedShift[]
  /** shifts nobody could take */
  gaps: PlannedShift[]
  /** shifts per secretary in this period, every active secretary listed */
  counts: Record<string, number>
  carry: DutyCarry
}

/** Longest period planned at once: a quarter. */
export const MAX_PLAN_DAYS = 92

export type PlanOutcome = { ok: true; value: DutyPlanResult } | { ok: false; error: string }

export function planDuty(input: PlanInput): PlanOutcome {
  const { from, to, pattern } = input
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return { ok: false, error: 'duty.error.periodDate' }
  if (to < from) return { ok: false, error: 'duty.error.periodEndsBeforeStart' }
  if (daysBetween(from, to) + 1 > MAX_PLAN_DAYS) return { ok: false, error: 'duty.error.periodTooLong' }
  if (pattern.slots.length === 0) return { ok: false, error: 'duty.error.noShifts' }
  const roster = [...input.secretaries].filter((s) => s.active).sort((a, b) => a._id.localeCompare(b._id))
  if (roster.length === 0) return { ok: false, error: 'duty.error.emptyRoster' }

  const carry = input.carry ?? NO_CARRY
  const counts: Record<string, number> = Object.fromEntries(roster.map((s) => [s._id, 0]))
  const before = { ...carry.counts }
  const lastServed = { ...carry.lastServed }
  const shifts: PlannedShift[] = []

  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (pattern.days === 'working' && !isWorkingDay(date)) continue
    const today = new Set<string>()
    const rank = (a: string, b: string) =>
      counts[a]! - counts[b]! ||
      Number(today.has(a)) - Number(today.has(b)) ||
      (before[a] ?? 0) - (before[b] ?? 0) ||
      (lastServed[a] ?? '').localeCompare(lastServed[b] ?? '') ||
      a.localeCompare(b)
    pattern.slots.forEach((slot, index) => {
      const key = shiftKey(date, index)
      const able = roster.filter((s) => canServe(s, date))
      const pick = able.sort((a, b) => rank(a._id, b._id))[0]
      shifts.push({ key, date, slot: index, start: slot.start, end: slot.end, secretaryId: pick?._id ?? null })
      if (!pick) return
      counts[pick._id] = (counts[pick._id] ?? 0) + 1
      lastServed[pick._id] = key
      today.add(pick._id)
    })
  }

  const total: Record<string, number> = { ...before }
  for (const [id, n] of Object.entries(counts)) total[id] = (total[id] ?? 0) + n
  return {
    ok: true,
    value: { from, to, shifts, gaps: shifts.filter((s) => s.secretaryId === null), counts, carry: { counts: total, lastServed } },
  }
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The instant (ISO) a shift's HH:MM begins or ends on its date, China time. */
export function shiftInstant(date: string, time: string): string {
  const [h, m] = time.split(':').map(Number)
  return new Date(Date.parse(startOfLocalDay(date)) + (h! * 60 + m!) * 60_000).toISOString()
}
