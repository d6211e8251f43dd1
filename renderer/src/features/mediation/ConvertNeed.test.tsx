// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { NeedDetailPage } from '../needs/NeedDetailPage'
import { CaseDetailPage } from './CaseDetailPage'
import { CaseIntakePage } from './CaseIntakePage'
import { china } from '../../../../test/support/chinaTime'

// 转为调解案件: from a need's page to an intake form filled in from the need; once saved, the case links
// back to the need and the need lists the case.

const screens = screenTests()

describe('converting a need into a mediation case', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('opens a prefilled intake from the need, and after saving each links the other', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const registered = await opened.services.needs.register(
      {
        residentName: '张三',
        phone: '13800138000',
        idCard: '',
        village: '星河村',
        address: '一组',
        categoryItem: 'other.other',
        channel: 'window',
        urgency: 'normal',
        description: '和邻居李四因院墙起纠纷',
      },
      { station: opened.station, by: '王芳', at: china('2026-11-02T09:00:00') },
    )
    if (!registered.ok) throw new Error('need refused')
    const need = registered.value
    await opened.services.projector.idle()
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-02T09:30:00'))

    renderScreen(
      opened.services,
      { '/needs/:id': <NeedDetailPage />, [paths.mediationNew]: <CaseIntakePage />, '/mediation/cases/:id': <CaseDetailPage /> },
      paths.need(need._id),
    )
    fireEvent.click(await screen.findByTestId('convert-to-case'))

    // The intake starts from the need: its source, its resident as the applicant, its description as the facts.
    const form = await screen.findByRole('form', { name: '受理调解案件' })
    expect(within(form).getByTestId('intake-need-link').textContent).toBe(`由诉求 ${need.number} 转入`)
    expect(form.querySelector('#mediation-intake_source')!.closest('.ant-select')!.textContent).toContain('诉求转入')
    expect((within(form).getByLabelText('申请方第 1 人 姓名') as HTMLInputElement).value).toBe('张三')
    expect((within(form).getByLabelText('申请方第 1 人 联系电话') as HTMLInputElement).value).toBe('13800138000')
    expect((within(form).getByLabelText('申请方第 1 人 住址') as HTMLInputElement).value).toBe('星河村一组')
    expect((within(form).getByLabelText('纠纷事实') as HTMLTextAreaElement).value).toBe('和邻居李四因院墙起纠纷')

    const typeInput = form.querySelector('#mediation-intake_disputeType') as HTMLElement
    fireEvent.mouseDown(typeInput)
    fireEvent.change(typeInput, { target: { value: 'lljf' } })
    fireEvent.click(await screen.findByTitle('邻里纠纷'))
    fireEvent.change(within(form).getByLabelText('被申请方第 1 人 姓名'), { target: { value: '李四' } })
    fireEvent.click(screen.getByTestId('intake-save'))

    // The case links back to the need …
    const needLink = await screen.findByTestId('case-need-link')
    await waitFor(() => expect(needLink.textContent).toBe(`原诉求 ${need.number}`))
    const [file] = await opened.services.mediation.cases()
    expect(file!.caseDoc).toMatchObject({ source: 'need', needId: need._id, applicants: [{ name: '张三', phone: '13800138000' }] })

    // … and the need, now referred to mediation, lists the case.
    fireEvent.click(needLink)
    const cases = await screen.findByTestId('need-cases')
    expect(within(cases).getByText('调〔2026〕001号').getAttribute('href')).toContain(encodeURIComponent(file!.caseDoc._id))
    await waitFor(() => expect(screen.queryByTestId('convert-to-case')).toBeNull())
  })
})
