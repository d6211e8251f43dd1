import { z } from 'zod'
import { checkIdCard, checkPhone } from '../personal'
import { recordBase, type Actor, type RecordBase } from '../records'

// 矛盾纠纷调处: a dispute brought to the centre's mediation desk, its parties on each side, and who
// may see their details. Sessions, steps and follow-ups are documents of their own (mediationLifecycle).

/** 纠纷类型 */
export const DISPUTE_TYPES = ['neighbour', 'marriageFamily', 'property', 'landContract', 'homestead', 'labour', 'damages', 'other'] as const
export type DisputeType = (typeof DISPUTE_TYPES)[number]

/** 案件来源: walk-in, converted from a need, grid visit, a department's referral, the 12345 hotline */
export const CASE_SOURCES = ['walkIn', 'need', 'gridVisit', 'departmentReferral', 'hotline12345'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]

/** 当事人 */
export interface Party {
  name: string
  phone: string
  idCard?: string
  address: string
}

const partySchema = z.object({
  name: z.string().trim().min(1, 'mediation.error.partyNameRequired').max(50, 'mediation.error.partyNameTooLong'),
  phone: z.string().trim().default(''),
  idCard: z.string().trim().default(''),
  address: z.string().trim().max(200, 'mediation.error.addressTooLong').default(''),
})

export const caseFormSchema = z.object({
  source: z.enum(CASE_SOURCES, { error: 'mediation.error.sourceRequired' }),
  /** the need it was converted from, when source is 'need' */
  needId: z.string().default(''),
  disputeType: z.enum(DISPUTE_TYPES, { error: 'mediation.error.typeRequired' }),
  /** 申请方 and 被申请方: one or more people each */
  applicants: z.array(partySchema).default([]),
  respondents: z.array(partySchema).default([]),
  summary: z.string().trim().min(1, 'mediation.error.summaryRequired').max(20_000, 'mediation.error.summaryTooLong'),
  /** 争议金额 in yuan, if any */
  amount: z.number({ error: 'mediation.error.amountInvalid' }).nonnegative('mediation.error.amountInvalid').max(1e10, 'mediation.error.amountInvalid').nullable().default(null),
  /** 可能激化: shown prominently wherever the case appears */
  highRisk: z.boolean().default(false),
})

export type CaseFormInput = z.input<typeof caseFormSchema>
export type CaseForm = z.output<typeof caseFormSchema>

export interface CaseFieldError {
  /** `applicants.0.phone` style paths for parties */
  field: string
  /** i18n key */
  message: string
}

export type CheckedCase = { ok: true; value: CaseForm } | { ok: false; errors: CaseFieldError[] }

/** Checks an intake form: every problem at once. `today` (YYYY-MM-DD) bounds ID birth dates. */
export function checkCaseForm(input: CaseFormInput, today: string): CheckedCase {
  const parsed = caseFormSchema.safeParse(input)
  const errors: CaseFieldError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
  if ((input.applicants ?? []).length === 0) errors.push({ field: 'applicants', message: 'mediation.error.applicantRequired' })
  if ((input.respondents ?? []).length === 0) errors.push({ field: 'respondents', message: 'mediation.error.respondentRequired' })
  if (input.source === 'need' && !input.needId) errors.push({ field: 'needId', message: 'mediation.error.needRequired' })

  const checkedParties = (side: 'applicants' | 'respondents') =>
    (input[side] ?? []).map((party, i) => {
      const phoneText = (party.phone ?? '').trim()
      const phone = phoneText ? checkPhone(phoneText) : null
      if (phone && !phone.ok) errors.push({ field: `${side}.${i}.phone`, message: phone.error })
      const idText = (party.idCard ?? '').trim()
      const id = idText ? checkIdCard(idText, today) : null
      if (id && !id.ok) errors.push({ field: `${side}.${i}.idCard`, message: id.error })
      return { phone: phone?.ok ? phone.value : phoneText, idCard: id?.ok ? id.value : '' }
    })
  const applicants = checkedParties('applicants')
  const respondents = checkedParties('respondents')
  if (errors.length > 0 || !parsed.success) return { ok: false, errors }
  const clean = (parties: CaseForm['applicants'], checked: { phone: string; idCard: string }[]) =>
    parties.map((party, i) => ({ ...party, ...checked[i]! }))
  return {
    ok: true,
    value: { ...parsed.data, applicants: clean(parsed.data.applicants, applicants), respondents: clean(parsed.data.respondents, respondents) },
  }
}

/** 调解案件 */
export interface MediationCaseDoc extends RecordBase {
  type: 'mediationCase'
  /** 案号, per station and year, for people: 调〔2026〕12 号 is stored as 2026-012 */
  number: string
  receivedAt: string
  source: CaseSource
  needId?: string
  disputeType: DisputeType
  applicants: Party[]
  respondents: Party[]
  summary: string
  amount: number | null
  highRisk: boolean
}

export const mediationCaseId = (stationId: string, ulid: string) => `mediationCase:${stationId}:${ulid}`

/** The case as a new document (the caller reads the clock and makes the ids). */
export function newMediationCase(form: CaseForm, ids: { stationId: string; ulid: string; number: string }, actor: Actor): MediationCaseDoc {
  const party = (p: CaseForm['applicants'][number]): Party => ({ name: p.name, phone: p.phone, address: p.address, ...(p.idCard ? { idCard: p.idCard } : {}) })
  return {
    ...recordBase('mediationCase', mediationCaseId(ids.stationId, ids.ulid), ids.stationId, actor),
    type: 'mediationCase',
    number: ids.number,
    receivedAt: actor.at,
    source: form.source,
    ...(form.source === 'need' && form.needId ? { needId: form.needId } : {}),
    disputeType: form.disputeType,
    applicants: form.applicants.map(party),
    respondents: form.respondents.map(party),
    summary: form.summary,
    amount: form.amount,
    highRisk: form.highRisk,
  }
}

/** The number after the highest given out in that year: 2026-001, 2026-002… */
export function nextCaseNumber(year: string, highest: string | null): string {
  const last = highest?.startsWith(`${year}-`) ? Number(highest.slice(year.length + 1)) : 0
  return `${year}-${String((Number.isFinite(last) ? last : 0) + 1).padStart(3, '0')}`
}

/** How the number is shown: 调〔2026〕012号 */
export const shownCaseNumber = (number: string) => {
  const [year, seq] = number.split('-')
  return `调〔${year}〕${seq}号`
}

/** A name as lists show it to those not on the case: 张三 → 张*, 欧阳娜娜 → 欧***. */
export const maskName = (name: string) => {
  const chars = [...name.trim()]
  return chars.length === 0 ? '' : chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
