import { describe, expect, it } from 'vitest'
import type { CaseFile } from '../../data/mediationRepository'
import { caseState, type CaseStepDoc, type MediationTeamDoc } from '../../domain/mediation'
import { mediatorGroups, mediatorOf, mediatorValue, seesNames, sideNames, sortCases } from './mediationText'

const file = (id: string, receivedAt: string, highRisk: boolean, steps: Partial<CaseStepDoc>[] = []): CaseFile => {
  const stepDocs = steps.map((s, i) => ({ _id: `mediationStep:x:${id}:${i}`, at: receivedAt, by: '王芳', caseId: id, ...s }) as CaseStepDoc)
  return {
    caseDoc: { _id: id, receivedAt, highRisk, applicants: [{ name: '张三', phone: '', address: '' }], respondents: [] } as unknown as CaseFile['caseDoc'],
    steps: stepDocs,
    sessions: [],
    accesses: [],
    state: caseState(stepDocs),
  }
}

describe('the mediation screens', () => {
  it('lists unsettled cases that may escalate first, then the newest', () => {
    const settled = file('a', '2026-11-05T00:00:00Z', true, [
      { kind: 'assign', mediators: [{ team: 't', name: '老周' }] },
      { kind: 'withdraw', reason: '和解' },
    ])
    const risky = file('b', '2026-11-01T00:00:00Z', true)
    const newest = file('c', '2026-11-06T00:00:00Z', false)
    expect(sortCases([settled, newest, risky]).map((f) => f.caseDoc._id)).toEqual(['b', 'c', 'a'])
  })

  it('shows names in full only to the case’s mediators', () => {
    const assigned = file('a', '2026-11-05T00:00:00Z', false, [{ kind: 'assign', mediators: [{ team: 't', name: '老周' }] }])
    expect(seesNames(assigned, '老周')).toBe(true)
    expect(seesNames(assigned, '王芳')).toBe(false)
    expect(sideNames([{ name: '张三' }, { name: '欧阳娜娜' }], false, '、')).toBe('张*、欧***')
  })

  it('offers team members grouped by team, keeping mediators already on the case', () => {
    const teams = [
      { name: '银龄矛盾调解队', members: [{ name: '老周', phone: '' }] },
      { name: '巾帼调解队', members: [{ name: '刘姐', phone: '' }] },
    ] as MediationTeamDoc[]
    const groups = mediatorGroups(teams, [{ team: '', name: '王律师' }, { team: '银龄矛盾调解队', name: '老周' }], '其他调解员')
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ['银龄矛盾调解队', ['老周']],
      ['巾帼调解队', ['刘姐']],
      ['其他调解员', ['王律师']],
    ])
    expect(mediatorOf(mediatorValue({ team: '巾帼调解队', name: '刘姐' }))).toEqual({ team: '巾帼调解队', name: '刘姐' })
    expect(mediatorOf(' 王律师 ')).toEqual({ team: '', name: '王律师' })
  })
})
