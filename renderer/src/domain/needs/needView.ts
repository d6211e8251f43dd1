import { categories, type Lang } from '../categories'
import { rowDueStatus, type LedgerRow } from './ledger'
import { URGENCIES, type NeedDoc } from './need'
import { needState, timelineOrder, type NeedEventDoc, type NeedEventKind } from './needLifecycle'

// What the need detail page and the home page show, worked out from stored data.

/** One line of a need's timeline as shown: registration first, then every step in folding order. */
export interface TimelineEntry {
  key: string
  kind: 'register' | NeedEventKind
  at: string
  by: string
  /**
   * false for a step the lifecycle could not apply (e.g. two desks acted on the same need while
   * apart and synced later): it stays on the record but did not change the need.
   */
  applied: boolean
  /** null for the registration line */
  event: NeedEventDoc | null
}

export function timelineEntries(need: NeedDoc, events: readonly NeedEventDoc[]): TimelineEntry[] {
  const skipped = new Set(needState(need, events).skipped)
  const registered: TimelineEntry = {
    key: need._id,
    kind: 'register',
    at: need.registeredAt,
    by: need.createdBy,
    applied: true,
    event: null,
  }
  return [
    registered,
    ...[...events].sort(timelineOrder).map((event) => ({
      key: event._id,
      kind: event.kind,
      at: event.at,
      by: event.by,
      applied: !skipped.has(event._id),
      event,
    })),
  ]
}

/** Every 牵头部门 in the category table, once each, in table order. */
export function departmentNames(lang: Lang): string[] {
  return [...new Set(categories.flatMap((c) => c.items.map((i) => i.leadDepartment[lang])))]
}

/**
 * Handler names already used in the ledger, most used first, for the 分派 form's suggestions.
 * Names in `except` (e.g. the departments, offered separately) are left out.
 */
export function usedHandlerNames(rows: readonly LedgerRow[], except: readonly string[] = []): string[] {
  const counts = new Map<string, number>()
  const skip = new Set(except)
  for (const row of rows) {
    const name = row.handlerName.trim()
    if (name && !skip.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([name]) => name)
}

/** The home page's two short lists and how many there are in all. */
export interface NeedsAttention {
  overdue: LedgerRow[]
  overdueTotal: number
  dueToday: LedgerRow[]
  dueTodayTotal: number
}

/** critical > urgent > normal */
const urgencyRank = (row: LedgerRow) => URGENCIES.indexOf(row.urgency)

/**
 * Overdue needs, longest overdue first; needs due today, most urgent first; each cut to `limit`.
 * Ties go to the one registered earlier: it has waited longer.
 */
export function needsAttention(rows: readonly LedgerRow[], today: string, limit: number): NeedsAttention {
  const overdue: LedgerRow[] = []
  const dueToday: LedgerRow[] = []
  for (const row of rows) {
    const due = rowDueStatus(row, today)
    if (due === 'overdue') overdue.push(row)
    else if (due === 'dueToday') dueToday.push(row)
  }
  const earlier = (a: LedgerRow, b: LedgerRow) => (a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : 0)
  overdue.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : earlier(a, b)))
  dueToday.sort((a, b) => urgencyRank(b) - urgencyRank(a) || earlier(a, b))
  return {
    overdue: overdue.slice(0, limit),
    overdueTotal: overdue.length,
    dueToday: dueToday.slice(0, limit),
    dueTodayTotal: dueToday.length,
  }
}
