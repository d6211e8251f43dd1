// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { CaseDetailPage } from './CaseDetailPage'
import { CaseIntakePage } from './CaseIntakePage'
import { MediationListPage } from './MediationListPage'
import { china } from '../../../../test/support/chinaTime'

// 受理 with the real services: a case with two applicants is stored and listed with masked names; one
// without a respondent says what to fix and stores nothing.

const screens = screenTests()

const routes = {
  [paths.mediation]: <MediationListPage />,
  [paths.mediationNew]: <CaseIntakePage />,
  '/mediation/cases/:id': <CaseDetailPage />,
}

async function openIntake() {
  const opened = await screens.openStation()
  const { services } = opened
  vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-02T09:30:00'))
  renderScreen(opened.services, routes, paths.mediationNew)
  const form = await screen.findByRole('form', { name: '受理调解案件' })
  return { services: opened.services, form }
}

/** Opens a dropdown, types into its search and picks the option with this text. */
async function pick(input: HTMLElement, typed: string, option: string) {
  fireEvent.mouseDown(input)
  fireEvent.change(input, { target: { value: typed } })
  fireEvent.click(await screen.findByTitle(option))
}

const type = (form: HTMLElement, label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } })

describe('taking in a mediation case', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('takes in a case with two applicants, and lists it with the names masked', async () => {
    const { services, form } = await openIntake()
    await pick(form.querySelector('#mediation-intake_disputeType') as HTMLElement, 'lljf', '邻里纠纷')
    type(form, '申请方第 1 人 姓名', '张三')
    type(form, '申请方第 1 人 联系电话', '138 0013 8000')
    type(form, '申请方第 1 人 住址', '星河村一组')
    fireEvent.click(within(form).getByText('添加申请人', { selector: 'button *' }))
    await within(form).findByLabelText('申请方第 2 人 姓名')
    type(form, '申请方第 2 人 姓名', '张三妻')
    type(form, '被申请方第 1 人 姓名', '李四')
    type(form, '纠纷事实', '李四家扩建院墙占用张三家通道约半米')
    fireEvent.change(form.querySelector('#mediation-intake_amount') as HTMLElement, { target: { value: '600' } })
    fireEvent.click(within(form).getByLabelText('可能激化'))
    fireEvent.click(screen.getByTestId('intake-save'))

    // Saved: the case file opens, its parties masked for the clerk (not a mediator on it).
    expect(await screen.findByText('已受理，案号 调〔2026〕001号')).toBeTruthy()
    const detail = await screen.findByTestId('case-detail')
    expect(within(detail).getByTestId('case-number').textContent).toBe('调〔2026〕001号')
    expect(within(detail).getByTestId('high-risk-banner')).toBeTruthy()
    const [stored] = await services.mediation.cases()
    expect(stored!.caseDoc).toMatchObject({
      number: '2026-001',
      source: 'walkIn',
      disputeType: 'neighbour',
      applicants: [
        { name: '张三', phone: '13800138000', address: '星河村一组' },
        { name: '张三妻', phone: '', address: '' },
      ],
      respondents: [{ name: '李四' }],
      summary: '李四家扩建院墙占用张三家通道约半米',
      amount: 600,
      highRisk: true,
      createdBy: '王芳',
    })

    fireEvent.click(within(detail).getByText('← 返回调解案件'))
    const table = await screen.findByTestId('mediation-cases')
    await waitFor(() => expect(table.textContent).toContain('调〔2026〕001号'))
    const parties = within(table).getByTestId('case-parties')
    expect(parties.getAttribute('data-masked')).toBe('true')
    expect(parties.textContent).toContain('申请方：张*、张**')
    expect(parties.textContent).toContain('被申请方：李*')
    expect(table.textContent).not.toContain('张三')
    expect(within(table).getByTestId('high-risk').textContent).toContain('可能激化')
    expect(table.textContent).toContain('邻里纠纷')
    expect(table.textContent).toContain('已受理')
  })

  it('refuses a case with no respondent: says so at the side and stores nothing', async () => {
    const { services, form } = await openIntake()
    await pick(form.querySelector('#mediation-intake_disputeType') as HTMLElement, 'wy', '物业纠纷')
    type(form, '申请方第 1 人 姓名', '张三')
    type(form, '申请方第 1 人 联系电话', '12345')
    fireEvent.click(within(form).getByLabelText('删除被申请方第 1 人'))
    await waitFor(() => expect(within(form).queryByLabelText('被申请方第 1 人 姓名')).toBeNull())
    type(form, '纠纷事实', '物业费争议')
    fireEvent.click(screen.getByTestId('intake-save'))

    expect((await screen.findByTestId('side-error-respondents')).textContent).toBe('请至少填写一名被申请人')
    // The bad phone is marked at its own field.
    expect(within(form).getByText(/电话号码格式不对/)).toBeTruthy()
    expect(screen.getByText('有 2 处需要修改，请看标红的地方')).toBeTruthy()
    expect(await services.mediation.cases()).toEqual([])
  })
})
