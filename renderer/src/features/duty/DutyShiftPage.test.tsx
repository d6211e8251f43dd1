// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { china } from '../../../../test/support/chinaTime'
import { seedDuty } from '../../../../test/support/dutySeed'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { DutyShiftPage } from './DutyShiftPage'
import { dutyNeed } from '../../../../test/support/sampleNeeds'

// 值班日志 of one shift, with the real services: the needs registered on duty, the log notes and the handover
// that passes to the next shift.

const screens = screenTests()

const need = dutyNeed

const SHIFT_ROUTE = '/duty/shifts/:key'

describe('the duty log of a shift', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('lists the needs registered in the shift, adds a note, and the handover reaches the next shift', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const { station } = opened
    const { nameOf, shift } = await seedDuty(services, station)
    const morning = shift('2026-11-02#0')
    const afternoon = shift('2026-11-02#1')
    const ctx = (wallClock: string) => ({ station, by: '王芳', at: china(wallClock) })

    await services.duty.attend(morning.key, 'in', ctx('2026-11-02T08:40:00'))
    const onDuty = await services.needs.register(need('王大爷', '低保申请咨询'), ctx('2026-11-02T09:30:00'), {
      shiftKey: morning.key,
      secretaryName: nameOf(morning)!,
    })
    if (!onDuty.ok) throw new Error('need refused')
    // Registered at the window, not on duty: not on the shift's log.
    const atWindow = await services.needs.register({ ...need('刘阿姨', '路灯不亮'), channel: 'window' }, ctx('2026-11-02T09:40:00'))
    if (!atWindow.ok) throw new Error('need refused')
    await services.projector.idle()

    vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-02T11:45:00'))
    renderScreen(services, { [SHIFT_ROUTE]: <DutyShiftPage /> }, paths.dutyShift(morning.key))
    const page = await screen.findByTestId('duty-shift')
    expect(page.getAttribute('data-shift-key')).toBe(morning.key)
    expect(page.textContent).toContain('2026-11-02 周一 08:30–12:00')
    expect(within(page).getByTestId('shift-secretary').textContent).toContain(nameOf(morning))
    expect(within(page).getByText('08:40 签到')).toBeTruthy()
    expect(within(page).getByText('迟到 10 分钟')).toBeTruthy()

    const needs = await within(page).findByTestId('shift-needs')
    await waitFor(() => expect(needs.querySelectorAll('[data-need-id]')).toHaveLength(1))
    const row = needs.querySelector('[data-need-id]') as HTMLElement
    expect(row.textContent).toContain('王大爷')
    expect(row.textContent).toContain(`分派给 ${nameOf(morning)}`)
    expect(within(row).getByRole('link').getAttribute('href')).toBe(paths.need(onDuty.value._id))
    expect(needs.textContent).not.toContain('刘阿姨')
    expect(needs.textContent).toContain('本班登记的诉求（1）')

    // A log note.
    const notes = within(page).getByTestId('shift-notes')
    fireEvent.change(within(notes).getByRole('textbox', { name: '添加记录' }), { target: { value: '接待群众 3 人' } })
    fireEvent.click(within(notes).getByRole('button', { name: '添加记录' }))
    await waitFor(() => expect(notes.querySelector('[data-note-kind="note"]')?.textContent).toContain('接待群众 3 人'))
    expect(notes.querySelector('[data-note-kind="note"]')?.textContent).toContain('王芳 记于 2026-11-02 11:45')
    expect((within(notes).getByRole('textbox', { name: '添加记录' }) as HTMLTextAreaElement).value).toBe('')

    // An empty note is refused with the message, and nothing is written.
    fireEvent.click(within(notes).getByRole('button', { name: '添加记录' }))
    expect(await within(notes).findByRole('alert')).toBeTruthy()

    // The handover for the next shift.
    const given = within(page).getByTestId('handover-given')
    expect(given.textContent).toContain(`下一班：${nameOf(afternoon)}，11-02 周一 14:00 开始`)
    fireEvent.change(within(given).getByRole('textbox', { name: '写交接' }), { target: { value: '王大爷的低保材料下午送来' } })
    fireEvent.click(within(given).getByRole('button', { name: '写交接' }))
    await waitFor(() => expect(given.querySelector('[data-note-kind="handover"]')?.textContent).toContain('王大爷的低保材料下午送来'))
    expect(within(page).getByTestId('handover-received').textContent).toContain('上一班没有留下交接')

    const stored = await services.duty.notes()
    expect(stored.map((n) => [n.shiftKey, n.kind, n.text])).toEqual([
      [morning.key, 'note', '接待群众 3 人'],
      [morning.key, 'handover', '王大爷的低保材料下午送来'],
    ])

    // The next shift's log shows it as received.
    fireEvent.click(within(page).getByTestId('next-shift'))
    await waitFor(() => expect(screen.getByTestId('duty-shift').getAttribute('data-shift-key')).toBe(afternoon.key))
    const received = screen.getByTestId('handover-received')
    expect(received.textContent).toContain('王大爷的低保材料下午送来')
    expect(received.textContent).toContain(`来自上一班：${nameOf(morning)}`)
    // Not begun yet (check-in opens at 13:30): nothing to record, no needs.
    expect(within(screen.getByTestId('shift-notes')).getByText('本班还没开始，开始后才能记录。')).toBeTruthy()
    expect(screen.getByTestId('shift-needs').textContent).toContain('本班没有登记诉求')
  })

  it('says so for a shift that does not exist', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    renderScreen(services, { [SHIFT_ROUTE]: <DutyShiftPage /> }, paths.dutyShift('2030-01-01#0'))
    expect(await screen.findByText('找不到这个班次')).toBeTruthy()
  })
})
