import { checkIdCard, checkPhone } from '../personal'
import { openNeedsOf, type LedgerRow } from './ledger'
import type { NeedDoc } from './need'
import {
  needState,
  timelineOrder,
  type Handler,
  type NeedEventDoc,
  type NeedStatus,
  type Satisfaction,
} from './needLifecycle'

// 重复来访: while the clerk types a phone or ID number, what the resident brought before. By the ID number:
// every earlier need of that person, open or closed, with how it ended; found by the number's keyed hash
// (domain/personal/idKey.ts), never by its masked form, which strangers share. By the phone: the open
// needs registered with it, shown as "same phone" hints only (a family shares a phone).
// Only a complete, valid number is looked up: a half-typed one would match strangers.

/** What to look up, from the phone and ID as typed so far: each only once it is complete and valid. */
export function repeatVisitQuery(phone: string, idCard: string, today: string): { phone?: string; idCard?: string } {
  const query: { phone?: string; idCard?: string } = {}
  const checkedPhone = checkPhone(phone)
  // The stored form, so "+86 138 0013 8000" finds rows saved as 13800138000.
  if (checkedPhone.ok) query.phone = checkedPhone.value
  const checkedId = idCard.trim() ? checkIdCard(idCard, today) : null
  // The full number, normalised: it is hashed (data/idKeys.ts), never compared as it is.
  if (checkedId?.ok) query.idCard = checkedId.value
  return query
}

/** The open needs with the same phone, newest first (as the rows are), leaving out those already found by ID. */
export function samePhoneHints(
  rows: readonly LedgerRow[],
  phone: string,
  exceptIds: ReadonlySet<string> = new Set(),
): LedgerRow[] {
  const checked = checkPhone(phone)
  if (!checked.ok) return []
  return openNeedsOf(rows, { phone: checked.value }).filter((row) => !exceptIds.has(row.id))
}

/** One earlier need of the resident, with its outcome: what the registration panel lists. */
export interface EarlierVisit {
  id: string
  number: string
  registeredAt: string
  residentName: string
  categoryItem: string
  description: string
  status: NeedStatus
  /** the deadline (an open one is shown with it) */
  dueDate: string
  handler: Handler | null
  /** 办理结果: the note of the latest resolve; for a need referred on or declined, the reason */
  resolution: string | null
  referredTo: string | null
  /** from the follow-up (回访), with its note */
  satisfaction: Satisfaction | null
  followUpNote: string | null
  closedAt: string | null
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** A need and its timeline as an earlier visit: the steps that applied decide the outcome, as in needState. */
export function earlierVisit(need: NeedDoc, events: readonly NeedEventDoc[]): EarlierVisit {
  const state = needState(need, events)
  const skipped = new Set(state.skipped)
  let resolution: string | null = null
  let followUpNote: string | null = null
  for (const event of [...events].sort(timelineOrder)) {
    if (skipped.has(event._id)) continue
    if (event.kind === 'resolve') resolution = text(event.note)
    else if (event.kind === 'refer' || event.kind === 'decline') resolution = text(event.reason)
    // After a 不满意 the resolution it judged stays shown, beside that verdict, until a new one replaces it.
    else if (event.kind === 'followUp') followUpNote = text(event.note)
  }
  return {
    id: need._id,
    number: need.number,
    registeredAt: need.registeredAt,
    residentName: need.resident.name,
    categoryItem: need.categoryItem,
    description: need.description,
    status: state.status,
    dueDate: state.dueDate,
    handler: state.handler,
    resolution,
    referredTo: state.referredTo,
    satisfaction: state.satisfaction,
    followUpNote,
    closedAt: state.closedAt,
  }
}

/** Newest first, as the ledger; ties by id, so every desk lists them alike. */
export const newestVisitFirst = (a: EarlierVisit, b: EarlierVisit) =>
  a.registeredAt < b.registeredAt ? 1 : a.registeredAt > b.registeredAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0
