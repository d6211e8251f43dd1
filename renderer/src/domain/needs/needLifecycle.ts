import type { NeedDoc } from './need'
import { recordBase, type Actor, type RecordBase } from '../records'

// The life of a need: 待分派 → 办理中 → 已办结 → 已回访销号, or 转办 / 不予受理.
export const NEED_STATUSES = ['pending', 'inProgress', 'resolved', 'closed', 'referred', 'declined'] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]

/** Statuses in which the three-day clock has stopped. */
export const CLOCK_STOPPED: readonly NeedStatus[] = ['resolved', 'closed', 'referred', 'declined']

/** 满意 / 基本满意 / 不满意 */
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

/** 办理人: a village cadre or a department (牵头部门). */
export interface Handler {
  kind: 'cadre' | 'department'
  name: string
}

export type NeedEventInput =
  | { kind: 'assign'; handler: Handler; dueDate?: string; note?: string }
  | { kind: 'resolve'; note: string }
  | { kind: 'followUp'; satisfaction: Satisfaction; note?: string }
  /** `caseId`: referred to the station's own mediation desk, as that case */
  | { kind: 'refer'; to: string; reason: string; caseId?: string }
  | { kind: 'decline'; reason: string }

export type NeedEventKind = NeedEventInput['kind']

/** One step of a need's timeline, a document of its own so steps never conflict. */
export type NeedEventDoc = RecordBase & { type: 'needEvent'; needId: string; at: string; by: string } & NeedEventInput

/** Which step may follow which status. followUp may also reopen: see `applyEvent`. */
const ALLOWED: Record<NeedEventKind, readonly NeedStatus[]> = {
  assign: ['pending', 'inProgress'],
  resolve: ['inProgress'],
  followUp: ['resolved'],
  refer: ['pending', 'inProgress'],
  decline: ['pending', 'inProgress'],
}

export const allowedEvents = (status: NeedStatus): NeedEventKind[] =>
  (Object.keys(ALLOWED) as NeedEventKind[]).filter((kind) => ALLOWED[kind].includes(status))

export type TransitionResult = { ok: true; status: NeedStatus } | { ok: false; error: string }

/** The status after a step, or why the step is refused (an i18n key). */
export function applyEvent(status: NeedStatus, event: NeedEventInput): TransitionResult {
  if (!ALLOWED[event.kind].includes(status)) return { ok: false, error: `lifecycle.error.notAllowed.${event.kind}` }
  const missing = missingField(event)
  if (missing) return { ok: false, error: missing }
  switch (event.kind) {
    case 'assign':
      return { ok: true, status: 'inProgress' }
    case 'resolve':
      return { ok: true, status: 'resolved' }
    case 'followUp':
      // 不满意 sends it back to the handler.
      return { ok: true, status: event.satisfaction === 'dissatisfied' ? 'inProgress' : 'closed' }
    case 'refer':
      return { ok: true, status: 'referred' }
    case 'decline':
      return { ok: true, status: 'declined' }
  }
}

const blank = (s: string | undefined) => !s || s.trim() === ''

function missingField(event: NeedEventInput): string | null {
  switch (event.kind) {
    case 'assign':
      return blank(event.handler?.name) ? 'lifecycle.error.handlerRequired' : null
    case 'resolve':
      return blank(event.note) ? 'lifecycle.error.resolutionRequired' : null
    case 'followUp':
      return (SATISFACTIONS as readonly string[]).includes(event.satisfaction)
        ? null
        : 'lifecycle.error.satisfactionRequired'
    case 'refer':
      if (blank(event.to)) return 'lifecycle.error.referToRequired'
      return blank(event.reason) ? 'lifecycle.error.reasonRequired' : null
    case 'decline':
      return blank(event.reason) ? 'lifecycle.error.reasonRequired' : null
  }
}

export const needEventDocId = (need: Pick<NeedDoc, '_id'>, eventUlid: string) =>
  `needEvent:${need._id.slice('need:'.length)}:${eventUlid}`

/** The prefix under which all of one need's timeline documents sort together. */
export const needEventPrefix = (needId: string) => `needEvent:${needId.slice('need:'.length)}:`

export function newNeedEventDoc(
  need: Pick<NeedDoc, '_id' | 'stationId'>,
  eventUlid: string,
  event: NeedEventInput,
  actor: Actor,
): NeedEventDoc {
  return {
    ...recordBase('needEvent', needEventDocId(need, eventUlid), need.stationId, actor),
    type: 'needEvent',
    needId: need._id,
    at: actor.at,
    by: actor.by,
    ...event,
  }
}

/** Where a need stands after its timeline. */
export interface NeedState {
  status: NeedStatus
  handler: Handler | null
  dueDate: string
  resolvedAt: string | null
  closedAt: string | null
  satisfaction: Satisfaction | null
  referredTo: string | null
  /** Steps that arrived out of order from another device and could not apply; kept, never dropped. */
  skipped: string[]
}

/** Timeline order: by time, then by id so every device folds the same way. */
export const timelineOrder = (a: NeedEventDoc, b: NeedEventDoc) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0

export function needState(need: Pick<NeedDoc, 'dueDate'>, events: readonly NeedEventDoc[]): NeedState {
  const state: NeedState = {
    status: 'pending',
    handler: null,
    dueDate: need.dueDate,
    resolvedAt: null,
    closedAt: null,
    satisfaction: null,
    referredTo: null,
    skipped: [],
  }
  for (const event of [...events].sort(timelineOrder)) {
    const result = applyEvent(state.status, event)
    if (!result.ok) {
      state.skipped.push(event._id)
      continue
    }
    state.status = result.status
    switch (event.kind) {
      case 'assign':
        state.handler = event.handler
        if (event.dueDate) state.dueDate = event.dueDate
        break
      case 'resolve':
        state.resolvedAt = event.at
        break
      case 'followUp':
        state.satisfaction = event.satisfaction
        if (result.status === 'closed') state.closedAt = event.at
        else state.resolvedAt = null
        break
      case 'refer':
        state.referredTo = event.to
        state.closedAt = event.at
        break
      case 'decline':
        state.closedAt = event.at
        break
    }
  }
  return state
}
