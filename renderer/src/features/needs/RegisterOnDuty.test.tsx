// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { china } from '../../../../test/support/chinaTime'
import { seedDuty } from '../../../../test/support/dutySeed'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { RegisterNeedPage } from './RegisterNeedPage'

// 登记诉求 while a secretary is on duty (书记轮值): the channel starts as 书记轮值, the form says who will get
// the need, and the need registered goes to them on that shift.

const screens = screenTests()

/** Picks an option of a searchable drop-down by typing and Enter, as a clerk does. */
async function choose(label: string, typed: string, option: string) {
  const box = screen.getByLabelText(label)
  fireEvent.mouseDown(box)
  fireEvent.change(box, { target: { value: typed } })
  // The drop-down of this field (an earlier one may still be in the document).
  const active = () =>
    document
      .getElementById(box.getAttribute('aria-controls') ?? '')
      ?.closest('.ant-select-dropdown')
      ?.querySelector('.ant-select-item-option-active')?.textContent
  await waitFor(() => expect(active()).toContain(option))
  fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 })
}

const channelShown = () => (screen.getByLabelText('受理渠道').closest('.ant-select') as HTMLElement).textContent

async function fillNeed() {
  fireEvent.change(screen.getByLabelText('群众姓名'), { target: { value: '王大爷' } })
  fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13900139000' } })
  await choose('所在村（社区）', '星河', '星河村')
  await choose('具体事项', '生活照料', '生活照料')
  fireEvent.change(screen.getByLabelText('诉求内容'), { target: { value: '低保申请咨询' } })
}

describe('registering a need while a secretary is on duty', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('starts the channel at 书记轮值, names the secretary, and the need goes to them on that shift; another channel goes to nobody', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const { nameOf, shift } = await seedDuty(services, opened.station)
    const morning = shift('2026-11-02#0')
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-02T09:30:00'))

    renderScreen(services, { [paths.register]: <RegisterNeedPage /> }, paths.register)
    const hint = await screen.findByTestId('duty-assign-hint')
    expect(hint.textContent).toBe(`将分派给值班书记 ${nameOf(morning)}（尚未签到）`)
    expect(channelShown()).toContain('书记轮值')

    await fillNeed()
    fireEvent.click(screen.getByRole('button', { name: /登记并出回执/ }))
    await screen.findByTestId('need-receipt')
    await services.projector.idle()
    const [row] = services.ledger.all()
    expect(row).toMatchObject({ residentName: '王大爷', channel: 'dutySecretary', dutyShiftKey: morning.key, handlerName: nameOf(morning) })

    // The next one: the clerk picks 窗口来访 instead, and the need goes to no shift and nobody.
    fireEvent.click(screen.getByRole('button', { name: /继续登记/ }))
    await waitFor(() => expect(channelShown()).toContain('书记轮值'))
    await choose('受理渠道', '窗口', '窗口来访')
    await waitFor(() => expect(screen.queryByTestId('duty-assign-hint')).toBeNull())
    await fillNeed()
    fireEvent.click(screen.getByRole('button', { name: /登记并出回执/ }))
    await screen.findByTestId('need-receipt')
    await services.projector.idle()
    const second = services.ledger.all().find((r) => r.id !== row!.id)!
    expect(second).toMatchObject({ channel: 'window', handlerName: '' })
    expect(second.dutyShiftKey).toBeUndefined()
  })

  it('leaves the channel at 窗口来访 when nobody is on duty; 书记轮值 chosen then goes to no shift', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    await seedDuty(services, opened.station)
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-02T12:30:00'))

    renderScreen(services, { [paths.register]: <RegisterNeedPage /> }, paths.register)
    await screen.findByLabelText('受理渠道')
    // Once the rota is read, still 窗口: lunch break.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(channelShown()).not.toContain('书记轮值')
    expect(screen.queryByTestId('duty-assign-hint')).toBeNull()

    // Choosing 书记轮值 anyway says nobody will get it automatically.
    await choose('受理渠道', '书记轮值', '书记轮值')
    expect((await screen.findByTestId('duty-assign-hint')).textContent).toBe('现在没有书记值班，登记后不会自动分派')
    await fillNeed()
    fireEvent.click(screen.getByRole('button', { name: /登记并出回执/ }))
    await screen.findByTestId('need-receipt')
    await services.projector.idle()
    const [row] = services.ledger.all()
    expect(row).toMatchObject({ channel: 'dutySecretary', handlerName: '' })
    expect(row!.dutyShiftKey).toBeUndefined()
  })
})
