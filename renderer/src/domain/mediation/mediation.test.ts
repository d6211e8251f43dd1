import { describe, expect, it } from 'vitest'
import { agreementContent, mediationFigures } from './mediationAgreement'
import { checkCaseForm, maskName, newMediationCase, nextCaseNumber, shownCaseNumber, type CaseFormInput } from './mediationCase'
import {
  caseState,
  checkSession,
  checkStep,
  followUpsDue,
  isCaseMediator,
  type CaseStepDoc,
  type CaseStepInput,
} from './mediationLifecycle'
import { wallDispute } from '../../../../test/support/sampleCases'
import { recordBase } from '../records'

const form: CaseFormInput = wallDispute({
  respondents: [{ name: '李四', phone: '0531-88886666', idCard: '', address: '星河村二组' }],
  summary: '李四家扩建院墙占用张三家通道约半米，双方多次争吵。',
  highRisk: true,
})

let n = 0
const step = (input: CaseStepInput, at: string): CaseStepDoc =>
  ({
    ...recordBase('mediationStep', `mediationStep:XF:01J:${String(++n).padStart(4, '0')}`, 'XF', { by: '王芳', at }),
    type: 'mediationStep',
    caseId: 'mediationCase:XF:01J',
    at,
    by: '王芳',
    ...input,
  }) as CaseStepDoc

const assign = step({ kind: 'assign', mediators: [{ team: '银龄矛盾调解队', name: '老周' }, { team: '巾帼调解队', name: '刘姐' }] }, '2026-11-02T02:00:00.000Z')
const agree = step(
  { kind: 'agree', terms: [{ text: '李四于 11 月 20 日前拆除多占的院墙' }, { text: '张三承担一半拆除费用 300 元' }], performance: '双方当面交付，村委见证', performBy: '2026-11-20' },
  '2026-11-05T02:00:00.000Z',
)

describe('taking in a case', () => {
  it('accepts two parties on one side and gives the next number of the year', () => {
    const checked = checkCaseForm(form, '2026-11-02')
    expect(checked.ok).toBe(true)
    expect(nextCaseNumber('2026', '2026-011')).toBe('2026-012')
    expect(nextCaseNumber('2027', '2026-011')).toBe('2027-001')
    expect(shownCaseNumber('2026-012')).toBe('调〔2026〕012号')
  })

  it('refuses a case with no party on a side, or a bad phone, saying which', () => {
    const checked = checkCaseForm({ ...form, respondents: [], applicants: [{ ...form.applicants![0]!, phone: '12345' }] }, '2026-11-02')
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['respondents', 'applicants.0.phone']))
  })

  it('keeps the need it was converted from', () => {
    expect(checkCaseForm({ ...form, source: 'need' }, '2026-11-02')).toMatchObject({ ok: false, errors: [{ field: 'needId' }] })
    const checked = checkCaseForm({ ...form, source: 'need', needId: 'need:XF:01JN' }, '2026-11-02')
    if (!checked.ok) throw new Error('refused')
    const doc = newMediationCase(checked.value, { stationId: 'XF', ulid: '01J', number: '2026-001' }, { by: '王芳', at: '2026-11-02T01:00:00.000Z' })
    expect(doc.needId).toBe('need:XF:01JN')
  })

  it('masks names for people not on the case', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(isCaseMediator(caseState([assign]), '老周')).toBe(true)
    expect(isCaseMediator(caseState([assign]), '王芳')).toBe(false)
  })
})

describe('the case state machine', () => {
  it('goes 受理 → 调解中 → 调解成功, then follow-ups, then closed', () => {
    expect(caseState([]).status).toBe('received')
    expect(caseState([assign]).status).toBe('mediating')
    const agreed = caseState([assign, agree])
    expect(agreed.status).toBe('agreed')
    expect(agreed.followUps.map((f) => f.due)).toEqual(['2026-11-20', '2027-02-03'])
    expect(checkStep(agreed, { kind: 'close', note: '' })).toBe('mediation.error.followUpsOpen')
    const visited = [assign, agree, step({ kind: 'followUp', visit: 1, note: '已拆除' }, '2026-11-21T02:00:00.000Z'), step({ kind: 'followUp', visit: 2, note: '邻里和睦' }, '2027-02-03T02:00:00.000Z')]
    expect(caseState([...visited, step({ kind: 'close', note: '' }, '2027-02-04T02:00:00.000Z')]).status).toBe('closed')
  })

  it('refuses illegal moves', () => {
    const received = caseState([])
    expect(checkStep(received, agree)).toBe('mediation.error.notAllowed.agree')
    expect(checkStep(received, { kind: 'followUp', visit: 1, note: 'x' })).toBe('mediation.error.notAllowed.followUp')
    const mediating = caseState([assign])
    expect(checkStep(mediating, { kind: 'accept', mediator: '王芳' })).toBe('mediation.error.notAssigned')
    expect(checkStep(mediating, { kind: 'agree', terms: [{ text: ' ' }], performance: 'x', performBy: '2026-11-20' })).toBe('mediation.error.termsRequired')
    expect(checkStep(mediating, { kind: 'fail', referral: 'litigation', to: '', reason: '' })).toBe('mediation.error.reasonRequired')
    const failed = caseState([assign, step({ kind: 'fail', referral: 'litigation', to: '人民法院', reason: '一方拒绝调解' }, '2026-11-03T02:00:00.000Z')])
    expect(failed.status).toBe('failed')
    expect(checkStep(failed, agree)).toBe('mediation.error.notAllowed.agree')
  })

  it('keeps a step that could not apply as skipped, not lost', () => {
    const state = caseState([assign, agree, step({ kind: 'withdraw', reason: '撤回' }, '2026-11-06T02:00:00.000Z')])
    expect(state.status).toBe('agreed')
    expect(state.skipped).toHaveLength(1)
  })

  it('lists follow-ups due and overdue', () => {
    const agreed = caseState([assign, agree])
    expect(followUpsDue(agreed, '2026-11-10')).toEqual([
      { visit: 1, due: '2026-11-20', overdue: false },
      { visit: 2, due: '2027-02-03', overdue: false },
    ])
    expect(followUpsDue(agreed, '2026-11-21')[0]).toMatchObject({ overdue: true })
  })

  it('refuses a session dated before intake or without a record', () => {
    const caseDoc = { receivedAt: '2026-11-02T01:00:00.000Z' }
    const session = { date: '2026-11-03', place: '调解室', attendees: ['张三', '李四'], record: '双方陈述' }
    expect(checkSession(caseDoc, caseState([assign]), session)).toBeNull()
    expect(checkSession(caseDoc, caseState([assign]), { ...session, date: '2026-11-01' })).toBe('mediation.error.sessionBeforeIntake')
    expect(checkSession(caseDoc, caseState([assign]), { ...session, record: ' ' })).toBe('mediation.error.recordRequired')
    expect(checkSession(caseDoc, caseState([]), session)).toBe('mediation.error.notMediating')
  })
})

describe('the agreement and the figures', () => {
  const checked = checkCaseForm(form, '2026-11-02')
  if (!checked.ok) throw new Error('refused')
  const caseDoc = newMediationCase(checked.value, { stationId: 'XF', ulid: '01J', number: '2026-001' }, { by: '王芳', at: '2026-11-02T01:00:00.000Z' })

  it('names every party, every term and every mediator, with a signature line each', () => {
    const content = agreementContent(caseDoc, caseState([assign, agree]), '星河党群服务驿站')!
    expect(content.parties.map((p) => `${p.side}:${p.name}`)).toEqual(['applicant:张三', 'applicant:张三妻', 'respondent:李四'])
    expect(content.terms).toEqual(['李四于 11 月 20 日前拆除多占的院墙', '张三承担一半拆除费用 300 元'])
    expect(content.signatures.map((s) => s.name)).toEqual(['张三', '张三妻', '李四', '老周', '刘姐'])
    expect(content).toMatchObject({ caseNumber: '调〔2026〕001号', date: '2026-11-05', performBy: '2026-11-20' })
    expect(agreementContent(caseDoc, caseState([assign]), '星河')).toBeNull()
  })

  it('counts outcomes, success rate, median days and follow-ups', () => {
    const failedState = caseState([assign, step({ kind: 'fail', referral: 'arbitration', to: '劳动仲裁委', reason: '金额分歧' }, '2026-11-12T01:00:00.000Z')])
    const figures = mediationFigures(
      [
        { caseDoc, state: caseState([assign, agree]) },
        { caseDoc: { ...caseDoc, disputeType: 'labour' }, state: failedState },
        { caseDoc, state: caseState([]) },
      ],
      '2026-11-21',
    )
    expect(figures).toMatchObject({ total: 3, successRate: 0.5, followUpsOverdue: 1, followUpsDue: 1 })
    expect(figures.byType).toMatchObject({ neighbour: 2, labour: 1 })
    expect(figures.byOutcome).toMatchObject({ agreed: 1, failed: 1, received: 1 })
    expect(figures.medianDaysToOutcome).toBe(6.5) // 3 days and 10 days
  })
})
