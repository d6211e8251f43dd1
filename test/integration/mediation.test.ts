// 矛盾纠纷调处 through the repository, on PouchDB as the app runs it: a need converted into a case keeps
// the link both ways, the case goes from intake to agreement to follow-up, the teams are seeded once,
// and bad input writes nothing.
import { describe, expect, it } from 'vitest'
import { agreementContent, type CaseFormInput, followUpsDue } from '../../renderer/src/domain/mediation'
import type { Role } from '../../renderer/src/domain/people'
import { wallDispute } from '../support/sampleCases'
import { china } from '../support/chinaTime'
import { stationTests } from '../support/stationTests'
import { administrator } from '../support/people'

const stations = stationTests(
  'mediation',
  { name: '星河党群服务驿站', code: 'xinghe-01', phone: '0531-88886666', villages: ['星河村'], staff: ['王芳'], deadlineDays: 3, deadlineMode: 'calendar' },
  china('2026-11-01T08:00:00'),
)

const caseForm: CaseFormInput = wallDispute({ amount: 600 })

describe('mediation cases', () => {
  it('converts a need into a case linked both ways, and runs it to an agreement with follow-ups', async () => {
    const { services, station } = await stations.openStation()
    // 王芳 administers the station: she accepts for 老周, which the step records as hers.
    const ctx = (wallClock: string) => ({ station, by: '王芳', at: china(wallClock), person: administrator })
    const need = await services.needs.register(
      { residentName: '张三', phone: '13800138000', idCard: '', village: '星河村', address: '', categoryItem: 'other.other', channel: 'window', urgency: 'normal', description: '和邻居因院墙起纠纷' },
      ctx('2026-11-02T09:00:00'),
    )
    if (!need.ok) throw new Error('need refused')

    const taken = await services.mediation.intake({ ...caseForm, source: 'need', needId: need.value._id }, ctx('2026-11-02T09:30:00'))
    if (!taken.ok) throw new Error(JSON.stringify(taken))
    const caseId = taken.value._id
    expect(taken.value).toMatchObject({ needId: need.value._id, number: '2026-001' })
    // The need's side: its timeline refers it to this case, and the case is found from the need.
    const timeline = await services.needs.timeline(need.value._id)
    expect(timeline.at(-1)).toMatchObject({ kind: 'refer', caseId })
    expect((await services.mediation.casesOfNeed(need.value._id)).map((c) => c._id)).toEqual([caseId])
    await services.projector.idle()
    expect(services.ledger.get(need.value._id)?.status).toBe('referred')

    const teams = await services.mediation.teams(ctx('2026-11-02T09:31:00'))
    expect(teams.map((t) => t.name)).toEqual(['银龄矛盾调解队', '巾帼调解队'])
    expect((await services.mediation.teams(ctx('2026-11-02T09:32:00'))).length).toBe(2)

    const mediators = [{ team: '银龄矛盾调解队', name: '老周' }, { team: '巾帼调解队', name: '刘姐' }]
    expect((await services.mediation.step(caseId, { kind: 'assign', mediators }, ctx('2026-11-02T10:00:00'))).ok).toBe(true)
    expect((await services.mediation.step(caseId, { kind: 'accept', mediator: '老周' }, ctx('2026-11-02T10:05:00'))).ok).toBe(true)
    for (const [date, record] of [['2026-11-03', '双方陈述'], ['2026-11-05', '现场查看后达成一致']] as const) {
      const logged = await services.mediation.session(caseId, { date, place: '调解室', attendees: ['张三', '李四', '老周'], record }, ctx(`${date}T15:00:00`))
      expect(logged.ok).toBe(true)
    }
    const agreed = await services.mediation.step(
      caseId,
      { kind: 'agree', terms: [{ text: '李四拆除多占院墙' }, { text: '张三承担一半费用' }], performance: '村委见证', performBy: '2026-11-20' },
      ctx('2026-11-05T16:00:00'),
    )
    expect(agreed.ok).toBe(true)

    const file = (await services.mediation.caseFile(caseId))!
    expect(file.sessions).toHaveLength(2)
    expect(file.state.status).toBe('agreed')
    expect(followUpsDue(file.state, '2026-11-21')).toEqual([
      { visit: 1, due: '2026-11-20', overdue: true },
      { visit: 2, due: '2027-02-03', overdue: false },
    ])
    const agreement = agreementContent(file.caseDoc, file.state, station.name)!
    expect(agreement.parties.map((p) => p.name)).toEqual(['张三', '张三妻', '李四'])
    expect(agreement.terms).toHaveLength(2)

    // 查阅案卷: the case's own mediator opens it, recorded on the case and in the audit trail; a desk clerk
    // and another mediator are refused, and nothing is recorded for them.
    const at = china('2026-11-06T09:00:00')
    const asPerson = (name: string, roles: Role[]) => ({ station, by: name, at, person: { id: `person:xinghe-01:${name}`, name, roles } })
    expect(await services.mediation.open(caseId, asPerson('李明', ['clerk']))).toEqual({ ok: false, error: 'mediation.error.notYourCase' })
    expect((await services.mediation.open(caseId, asPerson('钱调解', ['mediator']))).ok).toBe(false)
    const opened = await services.mediation.open(caseId, asPerson('老周', ['mediator']))
    if (!opened.ok) throw new Error(JSON.stringify(opened))
    expect((await services.mediation.caseFile(caseId))!.accesses.map((a) => a.by)).toEqual(['老周'])
    expect((await services.audit.list({ actions: ['caseFileOpened'] })).map((r) => `${r.personName} ${r.target}`)).toEqual([`老周 ${caseId}`])
    // The lead of 老周's team may open it too, once marked lead on the teams page.
    const [silver] = await services.mediation.teams(ctx('2026-11-06T09:01:00'))
    await services.mediation.saveTeam({ ...silver!, members: [{ name: '赵队长', phone: '', lead: true }] }, ctx('2026-11-06T09:02:00'))
    expect((await services.mediation.open(caseId, asPerson('赵队长', ['mediator']))).ok).toBe(true)
  })

  it('refuses bad input with a message and writes nothing', async () => {
    const { services, station } = await stations.openStation()
    const ctx = { station, by: '王芳', at: china('2026-11-02T09:00:00') }
    const noParties = await services.mediation.intake({ ...caseForm, applicants: [], respondents: [] }, ctx)
    expect(noParties).toMatchObject({ ok: false, errors: expect.arrayContaining([{ field: 'applicants', message: 'mediation.error.applicantRequired' }]) })
    expect(await services.mediation.cases()).toEqual([])

    const taken = await services.mediation.intake(caseForm, ctx)
    if (!taken.ok) throw new Error('refused')
    const caseId = taken.value._id
    await services.mediation.step(caseId, { kind: 'assign', mediators: [{ team: '银龄矛盾调解队', name: '老周' }] }, ctx)
    const early = await services.mediation.session(caseId, { date: '2026-11-01', place: '调解室', attendees: ['张三'], record: '陈述' }, ctx)
    expect(early).toEqual({ ok: false, error: 'mediation.error.sessionBeforeIntake' })
    const noTerms = await services.mediation.step(caseId, { kind: 'agree', terms: [], performance: '当面', performBy: '2026-11-20' }, ctx)
    expect(noTerms).toEqual({ ok: false, error: 'mediation.error.termsRequired' })
    const file = (await services.mediation.caseFile(caseId))!
    expect(file.sessions).toEqual([])
    expect(file.state.status).toBe('mediating')
    expect(file.steps).toHaveLength(1)
  })
})
