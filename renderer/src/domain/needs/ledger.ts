import { addDays, dueStatus, localDate, startOfLocalDay, type DueStatus } from '../calendar'
import { shownIdCard, type NeedChannel, type NeedDoc, type Urgency } from './need'
import {
  CLOCK_STOPPED,
  NEED_STATUSES,
  needState,
  type NeedEventDoc,
  type NeedStatus,
  type Satisfaction,
} from './needLifecycle'
import { matchesQuery, searchKeysFor } from '../personal'

// 台账: one row per need, derived from the need and its timeline. The read model stores these.

export interface LedgerRow {
  id: string
  number: string
  registeredAt: string
  residentName: string
  phone: string
  idCardMasked: string
  village: string
  address: string
  categoryItem: string
  channel: NeedChannel
  urgency: Urgency
  description: string
  status: NeedStatus
  handlerName: string
  dueDate: string
  resolvedAt: string | null
  closedAt: string | null
  satisfaction: Satisfaction | null
  referredTo: string | null
  /** the duty shift (书记轮值) it was registered in, if any */
  dutyShiftKey?: string
  /** name, its pinyin and initials, phone, number: what the search box matches */
  searchKeys: string
}

export function ledgerRow(need: NeedDoc, events: readonly NeedEventDoc[]): LedgerRow {
  const state = needState(need, events)
  return {
    id: need._id,
    number: need.number,
    registeredAt: need.registeredAt,
    residentName: need.resident.name,
    phone: need.resident.phone,
    idCardMasked: shownIdCard(need),
    village: need.village,
    address: need.address,
    categoryItem: need.categoryItem,
    channel: need.channel,
    urgency: need.urgency,
    description: need.description,
    status: state.status,
    handlerName: state.handler?.name ?? '',
    dueDate: state.dueDate,
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
    satisfaction: state.satisfaction,
    referredTo: state.referredTo,
    ...(need.dutyShiftKey ? { dutyShiftKey: need.dutyShiftKey } : {}),
    searchKeys: [searchKeysFor(need.resident.name), need.resident.phone.replace(/\D/g, ''), need.number].join('\u0001'),
  }
}

export const rowDueStatus = (row: LedgerRow, today: string): DueStatus =>
  dueStatus(row.dueDate, today, CLOCK_STOPPED.includes(row.status))

export interface LedgerFilter {
  statuses?: NeedStatus[]
  /** a category code ('elderly') or an item code ('elderly.daily-care') */
  category?: string
  village?: string
  handler?: string
  /** registration date range, local YYYY-MM-DD, inclusive */
  from?: string
  to?: string
  overdueOnly?: boolean
  /** name (汉字 or pinyin initials), phone, number or words of the description */
  text?: string
}

export type LedgerSortField = 'registeredAt' | 'dueDate' | 'number' | 'residentName' | 'status'
export interface LedgerSort {
  field: LedgerSortField
  order: 'asc' | 'desc'
}

export function matchesFilter(row: LedgerRow, filter: LedgerFilter, today: string): boolean {
  return ledgerPredicate(filter, today)(row)
}

const isCanonical = (instant: string) => instant.length === 24 && instant.endsWith('Z') && instant[10] === 'T'

/** The filter prepared once per query (lower-casing, digit forms), then tested against each row. */
function ledgerPredicate(filter: LedgerFilter, today: string): (row: LedgerRow) => boolean {
  const statuses = filter.statuses?.length ? filter.statuses : null
  const itemPrefix = filter.category ? `${filter.category}.` : ''
  const text = filter.text?.trim().toLowerCase() ?? ''
  const digits = text.replace(/[\s-]/g, '')
  const byDigits = /^\d+$/.test(digits)
  // The date range as instants, worked out once: comparing text is far cheaper than a date per row.
  const from = filter.from ? startOfLocalDay(filter.from) : null
  const until = filter.to ? startOfLocalDay(addDays(filter.to, 1)) : null
  return (row) => {
    if (statuses && !statuses.includes(row.status)) return false
    if (filter.category && row.categoryItem !== filter.category && !row.categoryItem.startsWith(itemPrefix)) return false
    if (filter.village && row.village !== filter.village) return false
    if (filter.handler && row.handlerName !== filter.handler) return false
    if (from !== null || until !== null) {
      // Instants as the app stores them (toISOString) compare as text; anything else is parsed.
      if (isCanonical(row.registeredAt)) {
        if (from !== null && row.registeredAt < from) return false
        if (until !== null && row.registeredAt >= until) return false
      } else {
        const day = localDate(row.registeredAt)
        if (filter.from && day < filter.from) return false
        if (filter.to && day > filter.to) return false
      }
    }
    if (filter.overdueOnly && rowDueStatus(row, today) !== 'overdue') return false
    if (text && !matchesQuery(row.searchKeys, text) && !(byDigits && row.searchKeys.includes(digits)) && !row.description.toLowerCase().includes(text))
      return false
    return true
  }
}

// One collator for all comparisons: localeCompare(…, 'zh-CN') builds a new one per call, which
// makes sorting 100,000 names by pinyin take many seconds instead of a fraction of one.
const zhCollator = new Intl.Collator('zh-CN')

const compareBy = (field: LedgerSortField) => (a: LedgerRow, b: LedgerRow) => {
  const x = a[field]
  const y = b[field]
  if (field === 'residentName') return zhCollator.compare(x, y)
  // Statuses sort in the order of a need's life, not by their codes' spelling.
  if (field === 'status') return NEED_STATUSES.indexOf(a.status) - NEED_STATUSES.indexOf(b.status)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Filters and sorts the ledger. `rows` must already be newest-first: the default sort then costs nothing.
 */
export function queryLedger(rows: readonly LedgerRow[], filter: LedgerFilter, sort: LedgerSort, today: string): LedgerRow[] {
  const hit = rows.filter(ledgerPredicate(filter, today))
  if (sort.field === 'registeredAt') return sort.order === 'desc' ? hit : hit.reverse()
  const compare = compareBy(sort.field)
  const sign = sort.order === 'asc' ? 1 : -1
  return hit.sort((a, b) => sign * compare(a, b) || newestFirst(a, b))
}

/** Newest first, the ledger's natural order. */
export const newestFirst = (a: LedgerRow, b: LedgerRow) =>
  a.registeredAt < b.registeredAt ? 1 : a.registeredAt > b.registeredAt ? -1 : a.id < b.id ? 1 : -1

/** The home screen's 今日工作. */
export interface TodaysWork {
  registeredToday: number
  dueToday: number
  overdue: number
  open: number
}

export function todaysWork(rows: readonly LedgerRow[], today: string): TodaysWork {
  const work: TodaysWork = { registeredToday: 0, dueToday: 0, overdue: 0, open: 0 }
  for (const row of rows) {
    if (localDate(row.registeredAt) === today) work.registeredToday++
    const due = rowDueStatus(row, today)
    if (due === 'dueToday') work.dueToday++
    if (due === 'overdue') work.overdue++
    if (due !== 'closed') work.open++
  }
  return work
}

/**
 * The open needs registered with this phone (repeat visits' "same phone" hints). Never by a masked ID
 * number: 110105********002X is shared by thousands of strangers (earlier visits go by the ID's hash).
 */
export function openNeedsOf(rows: readonly LedgerRow[], who: { phone?: string }): LedgerRow[] {
  const phone = who.phone?.replace(/\D/g, '') ?? ''
  if (phone.length < 7) return []
  return rows.filter((row) => !CLOCK_STOPPED.includes(row.status) && row.phone.replace(/\D/g, '') === phone)
}
