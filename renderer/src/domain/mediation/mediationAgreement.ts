import { localDate } from '../calendar'
import { maskIdCard } from '../personal'
import { DISPUTE_TYPES, shownCaseNumber, type DisputeType, type MediationCaseDoc, type Party } from './mediationCase'
import type { CaseState, CaseStatus } from './mediationLifecycle'

// 人民调解协议书: what the printed agreement says, worked out here so the page only lays it out.
// Figures (统计) of a station's cases are here too: both read a case and its steps, nothing else.

export interface AgreementParty {
  side: 'applicant' | 'respondent'
  name: string
  phone: string
  /** masked: the paper leaves the building */
  idCard: string
  address: string
}

export interface AgreementContent {
  stationName: string
  caseNumber: string
  parties: AgreementParty[]
  disputeType: DisputeType
  facts: string
  terms: string[]
  performance: string
  performBy: string
  mediators: string[]
  /** YYYY-MM-DD the agreement was reached */
  date: string
  /** one signature line each: every party, then every mediator */
  signatures: { role: 'party' | 'mediator'; name: string }[]
}

/** The agreement of an agreed case, or null when there is none yet. */
export function agreementContent(caseDoc: MediationCaseDoc, state: CaseState, stationName: string): AgreementContent | null {
  const agreement = state.agreement
  if (!agreement) return null
  const party = (side: AgreementParty['side']) => (p: Party): AgreementParty => ({
    side,
    name: p.name,
    phone: p.phone,
    idCard: p.idCard ? maskIdCard(p.idCard) : '',
    address: p.address,
  })
  const parties = [...caseDoc.applicants.map(party('applicant')), ...caseDoc.respondents.map(party('respondent'))]
  const mediators = state.mediators.map((m) => m.name)
  return {
    stationName,
    caseNumber: shownCaseNumber(caseDoc.number),
    parties,
    disputeType: caseDoc.disputeType,
    facts: caseDoc.summary,
    terms: agreement.terms.map((t) => t.text.trim()).filter(Boolean),
    performance: agreement.performance,
    performBy: agreement.performBy,
    mediators,
    date: localDate(agreement.at),
    signatures: [...parties.map((p) => ({ role: 'party' as const, name: p.name })), ...mediators.map((name) => ({ role: 'mediator' as const, name }))],
  }
}

export interface CaseOfFigures {
  caseDoc: Pick<MediationCaseDoc, 'receivedAt' | 'disputeType' | 'source'>
  state: CaseState
}

export interface MediationFigures {
  total: number
  byType: Record<string, number>
  bySource: Record<string, number>
  byOutcome: Record<CaseStatus, number>
  /** agreed (and closed after agreeing) / all with an outcome other than withdrawal; null with none */
  successRate: number | null
  /** median days from intake to outcome, over cases with an outcome; null with none */
  medianDaysToOutcome: number | null
  agreementsPerformed: number
  followUpsDue: number
  followUpsOverdue: number
}

/** Figures over the cases given (the caller picks the period). `today` decides what is overdue. */
export function mediationFigures(cases: readonly CaseOfFigures[], today: string): MediationFigures {
  const byType = Object.fromEntries(DISPUTE_TYPES.map((t) => [t, 0])) as Record<string, number>
  const bySource: Record<string, number> = {}
  const byOutcome: Record<CaseStatus, number> = { received: 0, mediating: 0, agreed: 0, failed: 0, withdrawn: 0, closed: 0 }
  const days: number[] = []
  let agreed = 0
  let failed = 0
  let performed = 0
  let due = 0
  let overdue = 0
  for (const { caseDoc, state } of cases) {
    byType[caseDoc.disputeType] = (byType[caseDoc.disputeType] ?? 0) + 1
    bySource[caseDoc.source] = (bySource[caseDoc.source] ?? 0) + 1
    byOutcome[state.status]++
    if (state.agreement) agreed++
    if (state.status === 'failed') failed++
    if (state.performed) performed++
    if (state.outcomeAt) days.push((Date.parse(state.outcomeAt) - Date.parse(caseDoc.receivedAt)) / 86_400_000)
    if (state.status === 'agreed') {
      for (const f of state.followUps) {
        if (f.doneAt) continue
        if (f.due < today) overdue++
        else due++
      }
    }
  }
  days.sort((a, b) => a - b)
  const mid = days.length >> 1
  const median = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2
  return {
    total: cases.length,
    byType,
    bySource,
    byOutcome,
    successRate: agreed + failed === 0 ? null : agreed / (agreed + failed),
    medianDaysToOutcome: median === null ? null : Math.round(median * 10) / 10,
    agreementsPerformed: performed,
    followUpsDue: due,
    followUpsOverdue: overdue,
  }
}
