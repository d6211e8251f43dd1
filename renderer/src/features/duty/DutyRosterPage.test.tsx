// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { paths } from '../../ui/paths'
import { DEFAULT_DUTY_PATTERN } from '../../domain/duty'
import { DutyRosterPage } from './DutyRosterPage'

// 轮值人员 with the real services: a secretary added through the form is stored and listed; a refused
// one says what to fix and stores nothing.

const screens = screenTests()

async function openForm() {
  const opened = await screens.openStation()
  const { services } = opened
  renderScreen(opened.services, { [paths.dutyRoster]: <DutyRosterPage /> }, paths.dutyRoster)
  expect(await screen.findByText('还没有轮值书记，请点「添加书记」')).toBeTruthy()
  fireEvent.click(screen.getByText('添加书记', { selector: 'button *' }))
  const dialog = (await screen.findByText('添加轮值书记')).closest('.ant-modal') as HTMLElement
  return { services: opened.services, dialog }
}

/** Types into a searchable dropdown and picks the option with this text. */
async function pick(dialog: HTMLElement, label: string, typed: string, option: string) {
  const input = within(dialog).getByLabelText(label)
  fireEvent.mouseDown(input)
  fireEvent.change(input, { target: { value: typed } })
  fireEvent.click(await screen.findByTitle(option))
}

async function fillDetails(dialog: HTMLElement) {
  fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '李书记' } })
  await pick(dialog, '所在村（社区）', 'xh', '星河村')
  fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: '138 0000 0001' } })
}

describe('the duty roster', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('adds a secretary with a weekday off and a leave, and lists them', async () => {
    const { services, dialog } = await openForm()
    await fillDetails(dialog)
    fireEvent.click(within(dialog).getByLabelText('周六'))
    fireEvent.click(within(dialog).getByText('添加请假', { selector: 'button *' }))
    const [from, to] = within(await within(dialog).findByTestId('leave-list')).getAllByRole('textbox').slice(0, 2) as [HTMLInputElement, HTMLInputElement]
    typeInto(from, '2026-11-10')
    typeInto(to, '2026-11-12')
    fireEvent.change(within(dialog).getByLabelText('第 1 段请假的原因'), { target: { value: '探亲' } })
    fireEvent.click(within(dialog).getByTestId('secretary-save'))

    expect(await screen.findByText('已添加 李书记')).toBeTruthy()
    const table = screen.getByTestId('duty-roster')
    await waitFor(() => expect(table.textContent).toContain('李书记'))
    expect(table.textContent).toContain('星河村')
    expect(table.textContent).toContain('13800000001')
    expect(table.textContent).toContain('周六')
    expect(table.textContent).toContain('2026-11-10 至 2026-11-12（探亲）')
    const [stored] = await services.duty.secretaries()
    expect(stored).toMatchObject({
      name: '李书记',
      village: '星河村',
      phone: '13800000001',
      active: true,
      unavailableWeekdays: [6],
      leaves: [{ from: '2026-11-10', to: '2026-11-12', reason: '探亲' }],
      createdBy: '王芳',
    })
  })

  it('refuses a leave that ends before it starts: says what to fix and stores nothing', async () => {
    const { services, dialog } = await openForm()
    await fillDetails(dialog)
    fireEvent.click(within(dialog).getByText('添加请假', { selector: 'button *' }))
    const [from, to] = within(await within(dialog).findByTestId('leave-list')).getAllByRole('textbox').slice(0, 2) as [HTMLInputElement, HTMLInputElement]
    typeInto(from, '2026-11-10')
    typeInto(to, '2026-11-05')
    fireEvent.click(within(dialog).getByTestId('secretary-save'))

    expect(await within(dialog).findByText('有一段请假的结束日期早于开始日期，请把两个日期对调或改正')).toBeTruthy()
    expect(within(dialog).getByText('有 1 处需要修改，请看标红的地方')).toBeTruthy()
    expect(dialog.isConnected).toBe(true)
    expect(await services.duty.secretaries()).toEqual([])
  })
  it('refuses overlapping shifts: says what to fix and keeps the shifts as they were', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    renderScreen(opened.services, { [paths.dutyRoster]: <DutyRosterPage /> }, paths.dutyRoster)
    const card = await screen.findByTestId('duty-pattern')
    // The morning shift now ends at 15:00, past the afternoon's start.
    typeInto(within(card).getByLabelText('第 1 班结束时间'), '15:00')
    fireEvent.click(within(card).getByText('保存班次设置', { selector: 'button *' }))
    expect(await within(card).findByText('有两个班次的时间重叠了，请调整，让后一班在前一班结束后开始')).toBeTruthy()
    expect(await opened.services.duty.pattern(opened.station.code)).toEqual(DEFAULT_DUTY_PATTERN)
  })
})

/** Types a date or a time into a picker's box and confirms it with Enter. */
function typeInto(input: HTMLElement, date: string) {
  fireEvent.mouseDown(input)
  fireEvent.focus(input)
  fireEvent.change(input, { target: { value: date } })
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 })
}
