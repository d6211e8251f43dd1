import { addDays, localDate } from '../calendar'
import type { MediationCaseDoc } from './mediationCase'
import type { RecordBase } from '../records'

// The life of a mediation case: 受理 → 调解中 → 调解成功 (agreement) / 调解不成 (referred on) / 撤回;
// after an agreement, 履行 (performance) and 回访 (follow-up visits) at set intervals, then 结案.
// Every step, session and opening of the case file is a document of its own: appends never conflict.

export const CASE_STATUSES = ['received', 'mediating', 'agreed', 'failed', 'withdrawn', 'closed'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** Where a failed mediation goes on to: 诉讼, 仲裁, 信访, or a department */
export const REFERRALS = ['litigation', 'arbitration', 'petition', 'department'] as const
export type Referral = (typeof REFERRALS)[number]

/** 调解员: a member of a team (银龄矛盾调解队, 巾帼调解队…) */
export interface Mediator {
  team: string
  name: string
}

/** One agreed term (协议条款) and how and by when it is carried out. */
export interface AgreementTerm {
  text: string
}

export type CaseStepInput =
  | { kind: 'assign'; mediators: Mediator[] }
  | { kind: 'accept'; mediator: string }
  | { kind: 'agree'; terms: AgreementTerm[]; performance: string; performBy: string }
  | { kind: 'fail'; referral: Referral; to: string; reason: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'perform'; performed: boolean; note: string }
  | { kind: 'followUp'; visit: number; note: string }
  | { kind: 'close'; note: string }

export type CaseStepKind = CaseStepInput['kind']
export type CaseStepDoc = RecordBase & { type: 'mediationStep'; caseId: string; at: string; by: string } & CaseStepInput

/** 调解记录: one session, its own document. */
export interface MediationSessionDoc extends RecordBase {
  type: 'mediationSession'
  caseId: string
  /** YYYY-MM-DD */
  date: string
  place: string
  attendees: string[]
  /** 笔录 */
  record: string
}

/** 查阅记录: somebody opened the case's full details. Kept so who saw what can always be told. */
export interface CaseAccessDoc extends RecordBase {
  type: 'mediationAccess'
  caseId: string
  at: string
  by: string
}

const ALLOWED: Record<CaseStepKind, readonly CaseStatus[]> = {
  assign: ['received', 'mediating'],
  accept: ['mediating'],
  agree: ['mediating'],
  fail: ['mediating'],
  withdraw: ['received', 'mediating'],
  perform: ['agreed'],
  followUp: ['agreed'],
  close: ['agreed'],
}

export const allowedSteps = (status: CaseStatus): CaseStepKind[] =>
  (Object.keys(ALLOWED) as CaseStepKind[]).filter((kind) => ALLOWED[kind].includes(status))

/** 回访: 15 days and 3 months after the agreement, unless the station sets others. */
export const FOLLOW_UP_DAYS = [15, 90] as const

export interface CaseState {
  status: CaseStatus
  mediators: Mediator[]
  accepted: string[]
  agreement: Extract<CaseStepInput, { kind: 'agree' }> & { at: string } | null
  failure: Extract<CaseStepInput, { kind: 'fail' }> | null
  performed: boolean | null
  /** the follow-up visits due after an agreement, with when each was made */
  followUps: { visit: number; due: string; doneAt: string | null }[]
  outcomeAt: string | null
  closedAt: string | null
  /** steps that arrived from another computer and could not apply; kept, never dropped */
  skipped: string[]
}

const blank = (s: string | undefined) => !s || s.trim() === ''

/** Work that needs a mediator who has accepted the case: nobody mediates, settles or closes a case alone. */
const NEEDS_ACCEPTANCE: readonly (CaseStepInput['kind'] | 'session')[] = ['session', 'agree', 'fail', 'close']

/**
 * Why new work on a case must wait for a mediator to accept it (an i18n key), or null. Checked when the
 * work is recorded, not when steps are folded: cases settled before this rule keep their history.
 */
export function awaitsAcceptance(state: CaseState, work: CaseStepInput['kind'] | 'session'): string | null {
  return NEEDS_ACCEPTANCE.includes(work) && state.accepted.length === 0 ? 'mediation.error.notAccepted' : null
}

/** Why a step cannot be taken now (an i18n key), or null. */
export function checkStep(state: CaseState, step: CaseStepInput): string | null {
  if (!ALLOWED[step.kind].includes(state.status)) return `mediation.error.notAllowed.${step.kind}`
  switch (step.kind) {
    case 'assign':
      return step.mediators.length === 0 || step.mediators.some((m) => blank(m.name)) ? 'mediation.error.mediatorRequired' : null
    case 'accept':
      return state.mediators.some((m) => m.name === step.mediator) ? null : 'mediation.error.notAssigned'
    case 'agree':
      if (step.terms.filter((term) => !blank(term.text)).length === 0) return 'mediation.error.termsRequired'
      if (blank(step.performance)) return 'mediation.error.performanceRequired'
      return /^\d{4}-\d{2}-\d{2}$/.test(step.performBy) ? null : 'mediation.error.performByRequired'
    case 'fail':
      if (!(REFERRALS as readonly string[]).includes(step.referral)) return 'mediation.error.referralRequired'
      return blank(step.reason) ? 'mediation.error.reasonRequired' : null
    case 'withdraw':
      return blank(step.reason) ? 'mediation.error.reasonRequired' : null
    case 'perform':
      return null
    case 'followUp': {
      const visit = state.followUps.find((f) => f.visit === step.visit)
      if (!visit) return 'mediation.error.noSuchFollowUp'
      if (visit.doneAt) return 'mediation.error.followUpDone'
      return blank(step.note) ? 'mediation.error.followUpNoteRequired' : null
    }
    case 'close':
      return state.followUps.every((f) => f.doneAt) ? null : 'mediation.error.followUpsOpen'
  }
}

const stepOrder = (a: CaseStepDoc, b: CaseStepDoc) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id)

/** Where a case stands after its steps, folded in time order the same way on every computer. */
export function caseState(steps: readonly CaseStepDoc[]): CaseState {
  const state: CaseState = {
    status: 'received',
    mediators: [],
    accepted: [],
    agreement: null,
    failure: null,
    performed: null,
    followUps: [],
    outcomeAt: null,
    closedAt: null,
    skipped: [],
  }
  for (const step of [...steps].sort(stepOrder)) {
    if (checkStep(state, step)) {
      state.skipped.push(step._id)
      continue
    }
    switch (step.kind) {
      case 'assign':
        state.status = 'mediating'
        state.mediators = step.mediators
        break
      case 'accept':
        if (!state.accepted.includes(step.mediator)) state.accepted.push(step.mediator)
        break
      case 'agree': {
        state.status = 'agreed'
        state.agreement = { ...step, at: step.at }
        state.outcomeAt = step.at
        const agreedOn = localDate(step.at)
        state.followUps = FOLLOW_UP_DAYS.map((days, i) => ({ visit: i + 1, due: addDays(agreedOn, days), doneAt: null }))
        break
      }
      case 'fail':
        state.status = 'failed'
        state.failure = step
        state.outcomeAt = step.at
        break
      case 'withdraw':
        state.status = 'withdrawn'
        state.outcomeAt = step.at
        break
      case 'perform':
        state.performed = step.performed
        break
      case 'followUp':
        state.followUps = state.followUps.map((f) => (f.visit === step.visit ? { ...f, doneAt: step.at } : f))
        break
      case 'close':
        state.status = 'closed'
        state.closedAt = step.at
        break
    }
  }
  return state
}

/** Why a session cannot be logged (an i18n key), or null. */
export function checkSession(
  caseDoc: Pick<MediationCaseDoc, 'receivedAt'>,
  state: CaseState,
  session: { date: string; place: string; attendees: string[]; record: string },
): string | null {
  if (state.status !== 'mediating') return 'mediation.error.notMediating'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(session.date)) return 'mediation.error.sessionDateRequired'
  if (session.date < localDate(caseDoc.receivedAt)) return 'mediation.error.sessionBeforeIntake'
  if (blank(session.place)) return 'mediation.error.placeRequired'
  if (session.attendees.filter((a) => !blank(a)).length === 0) return 'mediation.error.attendeesRequired'
  return blank(session.record) ? 'mediation.error.recordRequired' : null
}

export type FollowUpDue = { visit: number; due: string; overdue: boolean }

/** The follow-up visits not yet made, with whether each is overdue on `today`. */
export function followUpsDue(state: CaseState, today: string): FollowUpDue[] {
  if (state.status !== 'agreed') return []
  return state.followUps.filter((f) => !f.doneAt).map((f) => ({ visit: f.visit, due: f.due, overdue: f.due < today }))
}

/**
 * Does this person see the case's parties unmasked in lists? Only its assigned mediators. Anyone else
 * sees them only after opening the case file, a step that is recorded (CaseAccessDoc) each time.
 */
export const isCaseMediator = (state: Pick<CaseState, 'mediators'>, person: string) => state.mediators.some((m) => m.name === person)
