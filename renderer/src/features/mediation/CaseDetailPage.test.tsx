// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import type { Services } from '../../app/startServices'
import type { CaseFormInput } from '../../domain/mediation'
import type { StationDoc } from '../../domain/station'
import { CaseDetailPage } from './CaseDetailPage'
import { wallDispute } from '../../../../test/support/sampleCases'
import { china } from '../../../../test/support/chinaTime'

// 调解案卷 with the real services: mediators assigned from the teams, a session dated before intake refused
// and a good one logged, an agreement without terms refused and one with terms settling the case; and the
// parties' details shown only once the file is opened, which is recorded.

const screens = screenTests()

const caseForm: CaseFormInput = wallDispute()

/** A station with a case taken in on 2 November 2026 and two mediators on the teams; the case file on screen. */
async function openCase() {
  const opened = await screens.openStation()
  const { services } = opened
  const { station } = opened
  const ctx = (wallClock: string) => ({ station, by: '王芳', at: china(wallClock) })
  const taken = await opened.services.mediation.intake(caseForm, ctx('2026-11-02T09:30:00'))
  if (!taken.ok) throw new Error('case refused')
  await addMembers(opened.services, station)
  vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-05T15:00:00'))
  renderScreen(opened.services, { '/mediation/cases/:id': <CaseDetailPage /> }, paths.mediationCase(taken.value._id))
  const page = await screen.findByTestId('case-detail')
  return { services: opened.services, caseId: taken.value._id, page }
}

async function addMembers(services: Services, station: StationDoc) {
  const ctx = { station, by: '王芳', at: china('2026-11-02T09:00:00') }
  const [silver, women] = await services.mediation.teams(ctx)
  await services.mediation.saveTeam({ ...silver!, members: [{ name: '老周', phone: '13900000001' }] }, ctx)
  await services.mediation.saveTeam({ ...women!, members: [{ name: '刘姐', phone: '13900000002' }] }, ctx)
}

/** Opens the form of a step and returns its dialog. */
async function openStep(page: HTMLElement, action: string, title: string) {
  fireEvent.click(page.querySelector(`[data-action="${action}"]`) as HTMLElement)
  return (await screen.findByText(title, { selector: '.ant-modal-title' })).closest('.ant-modal') as HTMLElement
}

/** Types a date into a picker's box and confirms it with Enter. */
function typeDate(input: HTMLElement, date: string) {
  fireEvent.mouseDown(input)
  fireEvent.focus(input)
  fireEvent.change(input, { target: { value: date } })
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 })
}

const field = (dialog: HTMLElement, id: string) => dialog.querySelector(`#${id}`) as HTMLElement

describe('a mediation case file', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('assigns mediators, refuses a session before intake and an agreement without terms, and settles with terms', async () => {
    const { services, caseId, page } = await openCase()
    expect(within(page).getByText('已受理')).toBeTruthy()

    // 指派调解员: one from each team.
    let dialog = await openStep(page, 'assign', '指派调解员')
    const mediators = field(dialog, 'mediation-assign_mediators')
    fireEvent.mouseDown(mediators)
    fireEvent.click(await screen.findByTitle('老周'))
    fireEvent.click(await screen.findByTitle('刘姐'))
    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect(await screen.findByText('已记录：指派调解员')).toBeTruthy()
    await waitFor(() => expect(within(page).getByTestId('case-mediators').textContent).toContain('刘姐'))
    expect(within(page).getByText('调解中')).toBeTruthy()
    expect((await services.mediation.caseFile(caseId))!.state.mediators).toEqual([
      { team: '银龄矛盾调解队', name: '老周' },
      { team: '巾帼调解队', name: '刘姐' },
    ])
    // 老周 accepts, signed in as himself at another desk: until then no session may be logged.
    const laoZhou = { station: (await services.stations.current())!, by: '老周', at: china('2026-11-05T15:00:00') }
    const asLaoZhou = { ...laoZhou, person: { id: 'person:test:ZHOU', name: '老周', roles: ['mediator' as const] } }
    expect(await services.mediation.session(caseId, { date: '2026-11-03', place: '调解室', attendees: ['老周'], record: '陈述' }, asLaoZhou)).toEqual({
      ok: false,
      error: 'mediation.error.notAccepted',
    })
    expect(await services.mediation.step(caseId, { kind: 'accept', mediator: '老周' }, { ...asLaoZhou, by: '刘姐', person: { ...asLaoZhou.person, name: '刘姐' } }))
      .toEqual({ ok: false, error: 'mediation.error.acceptAsYourself' })
    expect((await services.mediation.step(caseId, { kind: 'accept', mediator: '老周' }, asLaoZhou)).ok).toBe(true)

    // 记录调解, dated the day before the case was taken in: refused, nothing written.
    dialog = await openStep(page, 'session', '记录调解')
    typeDate(field(dialog, 'mediation-session_date'), '2026-11-01')
    fireEvent.change(field(dialog, 'mediation-session_place'), { target: { value: '调解室' } })
    fireEvent.mouseDown(field(dialog, 'mediation-session_attendees'))
    fireEvent.click(await within(document.body).findByTitle('老周'))
    fireEvent.change(field(dialog, 'mediation-session_record'), { target: { value: '双方陈述' } })
    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect((await within(dialog).findByTestId('step-error')).textContent).toContain('调解日期不能早于受理日期，请核对日期')
    expect((await services.mediation.caseFile(caseId))!.sessions).toEqual([])

    // The same session on the right date is logged.
    typeDate(field(dialog, 'mediation-session_date'), '2026-11-03')
    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect(await screen.findByText('已记录：记录调解')).toBeTruthy()
    await waitFor(async () => expect((await services.mediation.caseFile(caseId))!.sessions).toHaveLength(1))
    expect((await services.mediation.caseFile(caseId))!.sessions[0]).toMatchObject({ date: '2026-11-03', place: '调解室', attendees: ['老周'], record: '双方陈述' })
    await waitFor(() => expect(page.querySelector('[data-testid="case-timeline-entry"][data-kind="session"]')).toBeTruthy())

    // 达成协议 without a term: refused, the case still being mediated.
    dialog = await openStep(page, 'agree', '达成协议（调解成功）')
    fireEvent.change(field(dialog, 'mediation-agree_performance'), { target: { value: '村委见证' } })
    typeDate(field(dialog, 'mediation-agree_performBy'), '2026-11-20')
    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect((await within(dialog).findByTestId('step-error')).textContent).toContain('请至少填写一条协议条款')
    expect((await services.mediation.caseFile(caseId))!.state.status).toBe('mediating')

    // With two terms: 调解成功, and the follow-up visits are due.
    fireEvent.change(within(dialog).getByLabelText('第 1 条'), { target: { value: '李四拆除多占院墙' } })
    fireEvent.click(within(dialog).getByText('添加一条', { selector: 'button *' }))
    fireEvent.change(await within(dialog).findByLabelText('第 2 条'), { target: { value: '张三承担一半费用' } })
    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect(await screen.findByText('已记录：达成协议（调解成功）')).toBeTruthy()
    await waitFor(() => expect(within(page).getByText('调解成功')).toBeTruthy())
    const file = (await services.mediation.caseFile(caseId))!
    expect(file.state.agreement).toMatchObject({ terms: [{ text: '李四拆除多占院墙' }, { text: '张三承担一半费用' }], performance: '村委见证', performBy: '2026-11-20' })
    expect(within(page).getAllByTestId('case-follow-up').map((li) => li.textContent)).toEqual([
      expect.stringContaining('第 1 次回访，应于 2026-11-20'),
      expect.stringContaining('第 2 次回访，应于 2027-02-03'),
    ])
  })

  it('shows the parties masked until the file is opened, and records who opened it', async () => {
    const { services, caseId, page } = await openCase()
    const names = () => within(page).getAllByTestId('party-name').map((el) => el.textContent)
    expect(names()).toEqual(['张*', '张**', '李*'])
    expect(page.textContent).not.toContain('13800138000')
    expect(page.textContent).not.toContain('院墙占用通道')
    expect(within(page).getByTestId('access-log').textContent).toContain('还没有人查看过完整案卷')

    fireEvent.click(within(page).getByTestId('open-file'))
    await waitFor(() => expect(names()).toEqual(['张三', '张三妻', '李四']))
    expect(page.textContent).toContain('13800138000')
    expect(page.textContent).toContain('星河村二组')
    expect(within(page).getByTestId('case-summary').textContent).toBe('院墙占用通道')
    await waitFor(() => expect(within(page).getByTestId('access-log').textContent).toContain('2026-11-05 15:00 王芳 查看了完整案卷'))
    expect((await services.mediation.caseFile(caseId))!.accesses).toMatchObject([{ by: '王芳', at: china('2026-11-05T15:00:00') }])
  })
})
