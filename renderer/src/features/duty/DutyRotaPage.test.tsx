// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import type { Services } from '../../app/startServices'
import type { StationDoc } from '../../domain/station'
import { shell } from '../../shell/browserShell'
import { DutyRotaPage } from './DutyRotaPage'
import { china } from '../../../../test/support/chinaTime'

// 值班表 with the real services and a fixed clock: a month previewed (counts, fairness, a gap) and
// saved; a swap with its reason; a change refused because the shift began while the dialog was open.

const screens = screenTests()

/** Three secretaries: 李 and 张 never serve on Fridays, and 赵 is on leave on Friday 13 November, so nobody can take that day. */
async function openWithRoster(): Promise<{ services: Services; station: StationDoc; names: Map<string, string> }> {
  const opened = await screens.openStation()
  const { services } = opened
  const ctx = { station: opened.station, by: '王芳', at: china('2026-10-20T09:00:00') }
  const roster = [
    { name: '李书记', village: '星河村', phone: '13800000001', unavailableWeekdays: [5], leaves: [] },
    { name: '张书记', village: '东风村', phone: '13800000002', unavailableWeekdays: [5], leaves: [] },
    { name: '赵书记', village: '星河村', phone: '13800000003', unavailableWeekdays: [], leaves: [{ from: '2026-11-13', to: '2026-11-13', reason: '体检' }] },
  ]
  for (const secretary of roster) {
    const saved = await opened.services.duty.saveSecretary({ ...secretary, active: true }, ctx)
    if (!saved.ok) throw new Error('secretary refused')
  }
  const names = new Map((await opened.services.duty.secretaries()).map((s) => [s._id, s.name]))
  return { ...opened, names }
}

const cell = (key: string) => screen.getByTestId(`shift-${key}`)

/** The month planned as of 25 October, and the rota it gives. */
async function planNovember(services: Services, station: StationDoc) {
  const planned = await services.duty.plan('2026-11-01', '2026-11-30', { station, by: '王芳', at: china('2026-10-25T09:00:00') })
  if (!planned.ok) throw new Error('plan refused')
  return services.duty.rota()
}

/** Types into a searchable dropdown and picks the option with this text. */
async function pick(dialog: HTMLElement, label: string, typed: string, option: string) {
  const input = within(dialog).getByLabelText(label)
  fireEvent.mouseDown(input)
  fireEvent.change(input, { target: { value: typed } })
  fireEvent.click(await screen.findByTitle(option))
}

const openDialog = async (title: string) => (await screen.findByText(title)).closest('.ant-modal') as HTMLElement

describe('the duty rota', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('previews a month with its counts, fairness and gap, saves it, and exports a secretary’s calendar', async () => {
    const { services } = await openWithRoster()
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-10-26T10:00:00'))
    renderScreen(services, { [paths.dutyRota]: <DutyRotaPage /> }, `${paths.dutyRota}?period=2026-11`)
    expect(await screen.findByTestId('duty-rota-empty')).toBeTruthy()
    expect(screen.getByTestId('duty-period-range').textContent).toBe('11月1日 至 11月30日')

    fireEvent.click(screen.getByText('预览排班', { selector: 'button *' }))
    const preview = await screen.findByTestId('duty-preview')
    expect(within(preview).getByTestId('duty-preview-spread').textContent).toBe('共 42 个班次，3 位书记轮值： 每人 13–14 班，相差不超过 1。')
    const counts = within(preview).getByTestId('duty-preview-counts').textContent
    expect(counts).toContain('李书记 13 班')
    expect(counts).toContain('张书记 13 班')
    expect(counts).toContain('赵书记 14 班')
    const gaps = within(preview).getByTestId('duty-preview-gaps').textContent
    expect(gaps).toContain('有 2 个班次没人能值（空缺）')
    expect(gaps).toContain('11月13日 周五 08:30–12:00、11月13日 周五 14:00–17:30')
    expect(within(within(preview).getByTestId('duty-preview-table')).getAllByTestId('duty-gap')).toHaveLength(2)
    // Nothing is stored by looking.
    expect(await services.duty.plans()).toEqual([])

    fireEvent.click(within(preview).getByText('保存排班', { selector: 'button *' }))
    expect(await screen.findByText('2026年11月的值班表已保存，共 42 个班次')).toBeTruthy()
    await waitFor(() => expect(cell('2026-11-13#0').textContent).toContain('空缺'))
    expect(screen.queryByTestId('duty-preview')).toBeNull()
    expect(screen.getByTestId('duty-rota-gaps').textContent).toContain('有 2 个还没开始的班次空缺')
    const [plan] = await services.duty.plans()
    expect(plan).toMatchObject({ from: '2026-11-01', to: '2026-11-30', createdBy: '王芳' })
    expect(plan!.shifts).toHaveLength(42)
    const figures = screen.getByTestId('duty-figures')
    expect(figures.textContent).toContain('赵书记14')

    // 导出日历: 赵书记's fourteen shifts as an .ics file.
    const saveFile = vi.spyOn(shell, 'saveFile').mockResolvedValue('saved')
    fireEvent.click(screen.getByText('导出日历', { selector: 'button *' }))
    fireEvent.click(await screen.findByText('赵书记（14 个班次）'))
    await waitFor(() => expect(saveFile).toHaveBeenCalledOnce())
    const request = saveFile.mock.calls[0]![0]
    expect(request.suggestedName).toBe('值班-赵书记-2026-11.ics')
    expect(request.mimeType).toBe('text/calendar')
    expect(new TextDecoder().decode(request.data).match(/BEGIN:VEVENT/g)).toHaveLength(14)
  })

  it('swaps two shifts with a reason: the table shows who holds each, who was planned, and the 换班 tag with its record', async () => {
    const { services, station, names } = await openWithRoster()
    const rota = await planNovember(services, station)
    const am = rota.find((s) => s.key === '2026-11-02#0')!
    const pm = rota.find((s) => s.key === '2026-11-02#1')!
    const [amName, pmName] = [names.get(am.secretaryId!)!, names.get(pm.secretaryId!)!]
    vi.spyOn(clock, 'now').mockReturnValue(china('2026-10-26T10:00:00'))
    renderScreen(services, { [paths.dutyRota]: <DutyRotaPage /> }, `${paths.dutyRota}?period=2026-11`)

    await waitFor(() => expect(cell(am.key).textContent).toContain(amName))
    fireEvent.click(within(cell(am.key)).getByText('换班'))
    const dialog = await openDialog('换班：和另一个班次互换')
    await pick(dialog, '和哪个班次互换', '11月2日', `11月2日 周一 14:00–17:30 · ${pmName}`)
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '村里开会' } })
    fireEvent.click(within(dialog).getByTestId('change-submit'))

    expect(await screen.findByText('已记录换班')).toBeTruthy()
    await waitFor(() => expect(cell(am.key).querySelector('.duty-rota-name')?.textContent).toBe(pmName))
    expect(cell(am.key).querySelector('del')?.textContent).toBe(amName)
    expect(cell(pm.key).querySelector('.duty-rota-name')?.textContent).toBe(amName)
    expect(cell(pm.key).querySelector('del')?.textContent).toBe(pmName)
    const tag = within(cell(am.key)).getByTestId('duty-change-tag')
    expect(tag.textContent).toBe('换班')
    fireEvent.click(tag)
    expect((await screen.findByTestId(`changes-${am.key}`)).textContent).toBe(
      '与 11月2日 周一 14:00–17:30 互换 · 原因：村里开会 · 王芳 于 2026-10-26 10:00 登记',
    )
    const [change] = await services.duty.changes()
    expect(change).toMatchObject({ kind: 'swap', shiftKeys: [am.key, pm.key], reason: '村里开会', by: '王芳', at: china('2026-10-26T10:00:00') })
  })

  it('offers no change on a past shift, and refuses one on a shift that began while the dialog was open', async () => {
    const { services, station, names } = await openWithRoster()
    const rota = await planNovember(services, station)
    const tuesday = rota.find((s) => s.key === '2026-11-03#0')!
    const taker = [...names.entries()].find(([id, name]) => id !== tuesday.secretaryId && name !== '赵书记') ?? [...names.entries()].find(([id]) => id !== tuesday.secretaryId)!
    const now = vi.spyOn(clock, 'now').mockReturnValue(china('2026-11-03T08:00:00'))
    renderScreen(services, { [paths.dutyRota]: <DutyRotaPage /> }, `${paths.dutyRota}?period=2026-11`)

    await waitFor(() => expect(cell(tuesday.key).textContent).toContain(names.get(tuesday.secretaryId!)!))
    // Monday is over: no 代班 or 换班 there.
    expect(within(cell('2026-11-02#0')).queryByText('代班')).toBeNull()
    expect(within(cell('2026-11-02#1')).queryByText('换班')).toBeNull()

    fireEvent.click(within(cell(tuesday.key)).getByText('代班'))
    const dialog = await openDialog('代班：换一位书记值这个班')
    const village = taker[1] === '张书记' ? '东风村' : '星河村'
    await pick(dialog, '由谁代班', taker[1].slice(0, 1), `${taker[1]}（${village}）`)
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '临时有事' } })
    // 08:40: the shift began at 08:30 while the clerk was typing.
    now.mockReturnValue(china('2026-11-03T08:40:00'))
    fireEvent.click(within(dialog).getByTestId('change-submit'))

    expect((await within(dialog).findByTestId('change-error')).textContent).toBe('这个班次已经开始或已经过去，不能再代班或换班。过去的值班记录保持原样')
    expect(await services.duty.changes()).toEqual([])
    expect(cell(tuesday.key).querySelector('del')).toBeNull()
  })
})
