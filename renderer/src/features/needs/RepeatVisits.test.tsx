// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { china } from '../../../../test/support/chinaTime'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { residentForm } from '../../../../test/support/sampleNeeds'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { RegisterNeedPage } from './RegisterNeedPage'

// 重复来访 on the registration page: as the clerk types an ID number, the resident's earlier visits, closed
// ones too, with how each ended; as they type a phone, the open needs registered with it, as hints.

const screens = screenTests()

const ID = '11010519491231002X'
/** same masked form 110105********002X, another person */
const SAME_MASK = '11010519500118002X'

describe('the registration page’s earlier visits', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('lists a closed earlier visit of the ID number typed, with its outcome and satisfaction, and not a stranger with the same masked number', async () => {
    const { services, station } = await screens.openStation()
    const ctx = (at: string) => ({ station, by: '王芳', at })
    const registered = await services.needs.register(
      residentForm(1, { residentName: '张秀英', idCard: ID, village: '星河村', description: '独居老人需要助餐' }),
      ctx(china('2026-11-02T09:00:00')),
    )
    if (!registered.ok) throw new Error('refused')
    const id = registered.value._id
    await services.needs.transition(id, { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }, ctx(china('2026-11-02T10:00:00')))
    await services.needs.transition(id, { kind: 'resolve', note: '已安排每周送餐' }, ctx(china('2026-11-03T10:00:00')))
    await services.needs.transition(id, { kind: 'followUp', satisfaction: 'satisfied' }, ctx(china('2026-11-04T10:00:00')))
    // Someone else, whose number masks the same way and whose need is still open, on another phone.
    await services.needs.register(residentForm(2, { residentName: '李四', idCard: SAME_MASK, village: '星河村' }), ctx(china('2026-11-05T09:00:00')))
    await services.projector.idle()
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-20T09:30:00'))

    renderScreen(services, { [paths.register]: <RegisterNeedPage /> }, paths.register)
    const panel = await screen.findByTestId('repeat-visits')
    expect(panel.textContent).toContain('输入电话或身份证号后')

    fireEvent.change(screen.getByLabelText('身份证号（选填）'), { target: { value: '110105 19491231 002x' } })
    const list = await screen.findByTestId('earlier-visits')
    expect(panel.textContent).toContain('该群众以前来访 1 次')
    const visit = within(list).getByRole('link', { name: registered.value.number }).closest('li')!
    expect(visit.getAttribute('data-need-id')).toBe(id)
    expect(visit.textContent).toContain('已回访销号')
    expect(visit.textContent).toContain('办理人：李书记')
    expect(visit.textContent).toContain('办理结果：已安排每周送餐')
    expect(visit.textContent).toContain('回访评价：满意')
    expect(panel.textContent).not.toContain('李四')

    // The stranger's number: their own visit only.
    fireEvent.change(screen.getByLabelText('身份证号（选填）'), { target: { value: SAME_MASK } })
    await waitFor(() => expect(panel.textContent).toContain('李四'))
    expect(panel.textContent).not.toContain('张秀英')

    // A valid number nobody gave before.
    fireEvent.change(screen.getByLabelText('身份证号（选填）'), { target: { value: '110105194912310038' } })
    await waitFor(() => expect(panel.textContent).toContain('没有找到该身份证号以前的来访。'))
  })

  it('shows the open needs registered with the phone typed as "same phone" hints', async () => {
    const { services, station } = await screens.openStation()
    const registered = await services.needs.register(
      residentForm(1, { residentName: '王大爷', phone: '13900139001', village: '星河村' }),
      { station, by: '王芳', at: china('2026-11-02T09:00:00') },
    )
    if (!registered.ok) throw new Error('refused')
    await services.projector.idle()
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-03T09:30:00'))

    renderScreen(services, { [paths.register]: <RegisterNeedPage /> }, paths.register)
    const panel = await screen.findByTestId('repeat-visits')
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '139 0013 9001' } })
    const hints = await screen.findByTestId('same-phone')
    expect(hints.textContent).toContain('同一电话的未办结诉求')
    expect(hints.textContent).toContain('同一电话')
    expect(within(hints).getByRole('link', { name: registered.value.number }).closest('li')!.textContent).toContain('王大爷')
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13900139002' } })
    await waitFor(() => expect(panel.textContent).toContain('没有同一电话的未办结诉求。'))
  })
})
