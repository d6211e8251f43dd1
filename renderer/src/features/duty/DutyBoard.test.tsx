// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { china } from '../../../../test/support/chinaTime'
import { seedDuty } from '../../../../test/support/dutySeed'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { DutyBoard } from './DutyBoard'

// 值班台 on the home screen, with the real services and the clock fixed inside (or between) shifts.

const screens = screenTests()

const at = (wallClock: string) => vi.spyOn(clock, 'now').mockReturnValue(china(wallClock))

describe('the duty board', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('shows who is on duty now and next with their phones and the handover; a late check-in shows in red', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const { nameOf, phoneOf, shift } = await seedDuty(services, opened.station)
    const morning = shift('2026-11-02#0')
    const afternoon = shift('2026-11-02#1')
    const tomorrow = shift('2026-11-03#0')
    await services.duty.note(morning.key, 'handover', '王大爷的低保材料下午送来', { station: opened.station, by: '王芳', at: china('2026-11-02T11:50:00') })

    at('2026-11-02T14:50:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    const now = await screen.findByTestId('duty-now')
    expect(now.getAttribute('data-shift-key')).toBe(afternoon.key)
    expect(within(now).getByTestId('duty-now-name').textContent).toBe(nameOf(afternoon))
    expect(within(now).getByTestId('duty-now-phone').textContent).toBe(phoneOf(afternoon))
    expect(now.textContent).toContain('11-02 周一 14:00–17:30')
    expect(within(now).getByTestId('duty-handover').textContent).toContain('王大爷的低保材料下午送来')
    expect(within(now).getByRole('link', { name: '查看本班值班日志' }).getAttribute('href')).toBe('/duty/shifts/2026-11-02%231')
    expect(within(now).getByText('未签到')).toBeTruthy()

    const next = screen.getByTestId('duty-next')
    expect(next.getAttribute('data-shift-key')).toBe(tomorrow.key)
    expect(within(next).getByTestId('duty-next-name').textContent).toBe(nameOf(tomorrow))
    expect(next.textContent).toContain(phoneOf(tomorrow))
    expect(next.textContent).toContain('11-03 周二 08:30 开始')

    // Checked in 50 minutes after 14:00: late, in red; 签到 gives way to 签退.
    fireEvent.click(within(now).getByRole('button', { name: '签到' }))
    const late = await within(now).findByText('迟到 50 分钟')
    expect(late.closest('.ant-tag')?.className).toMatch(/red/)
    expect(within(now).getByText('14:50 签到')).toBeTruthy()
    expect(within(now).queryByRole('button', { name: '签到' })).toBeNull()
    expect(within(now).getByRole('button', { name: '签退' })).toBeTruthy()
    const checks = await services.duty.checks()
    expect(checks).toMatchObject([{ shiftKey: afternoon.key, kind: 'in', at: china('2026-11-02T14:50:00') }])
  })

  it('shows a shift nobody can take as 空缺, and says when there is no shift under way', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    // One secretary, who never serves on Mondays: Monday's shifts are gaps.
    await seedDuty(services, opened.station, { secretaries: [{ name: '李书记', village: '星河村', phone: '13800000001', unavailableWeekdays: [1] }] })

    at('2026-11-02T09:10:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    const now = await screen.findByTestId('duty-now')
    expect(within(now).getByTestId('duty-gap').textContent).toContain('空缺')
    expect(within(now).queryByRole('button', { name: '签到' })).toBeNull()
    expect(within(screen.getByTestId('duty-next')).getByTestId('duty-gap').textContent).toContain('空缺')

    // Lunch on Tuesday: nobody on duty, the afternoon's secretary next.
    cleanup()
    at('2026-11-03T12:30:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    expect((await screen.findByTestId('duty-now')).textContent).toContain('午休时间，暂无书记值班')
    expect(within(screen.getByTestId('duty-next')).getByTestId('duty-next-name').textContent).toBe('李书记')

    // 25 minutes before the shift, its secretary may check in early (on the "next" side of the board).
    cleanup()
    at('2026-11-03T13:35:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    const next = await screen.findByTestId('duty-next')
    fireEvent.click(within(next).getByRole('button', { name: '签到' }))
    await waitFor(() => expect(within(screen.getByTestId('duty-next')).getByText('准时')).toBeTruthy())

    // On a Sunday there is no duty at all.
    cleanup()
    at('2026-11-08T10:00:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    expect((await screen.findByTestId('duty-now')).textContent).toContain('今日无值班')
  })

  it('says when nothing is planned yet, with the way to plan', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    at('2026-11-02T09:10:00')
    renderScreen(services, { '/': <DutyBoard /> }, '/')
    const board = await screen.findByTestId('duty-board')
    expect(board.textContent).toContain('还没有排班')
    expect(within(board).getByRole('link', { name: '去排班' }).getAttribute('href')).toBe('/duty')
  })
})
