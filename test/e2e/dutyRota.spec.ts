import { expect, test, type Page } from '@playwright/test'
import { china, choose, setUpStation } from './desk'

// 书记轮值 end to end in Chromium: the roster is entered and a month planned through the rota pages, two
// shifts are swapped; then, the clock set inside a shift, the home board shows the secretary who now holds
// it, they check in (late), a need registered (F2) goes to them and shows on that shift's duty log.

const SECRETARIES = [
  { name: '李书记', village: '幸福村', phone: '13800000001' },
  { name: '张书记', village: '和平社区', phone: '13800000002' },
  { name: '赵书记', village: '幸福村', phone: '13800000003' },
]

async function addSecretary(page: Page, s: (typeof SECRETARIES)[number]) {
  await page.getByRole('button', { name: '添加书记' }).click()
  const dialog = page.getByRole('dialog', { name: '添加轮值书记' })
  await dialog.getByLabel('姓名').fill(s.name)
  await choose(page, '所在村（社区）', s.village, s.village)
  await dialog.getByLabel('联系电话').fill(s.phone)
  await dialog.getByTestId('secretary-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('duty-roster')).toContainText(s.name)
}

const cellName = (page: Page, key: string) => page.getByTestId(`shift-${key}`).locator('.duty-rota-name')

test('plan a month, swap two shifts, and on duty: the board, a late check-in, a need on the shift log', async ({ page }) => {
  test.setTimeout(90_000)
  // Sunday 1 November 2026: the whole month lies ahead.
  await page.clock.setFixedTime(china('2026-11-01T10:00:00'))
  await setUpStation(page)

  // The roster, through 书记轮值 → 轮值人员.
  await page.getByRole('menuitem', { name: /书记轮值/ }).click()
  await page.getByRole('button', { name: '轮值人员', exact: true }).click()
  for (const s of SECRETARIES) await addSecretary(page, s)

  // Plan November: preview, then save.
  await page.getByRole('button', { name: '值班表', exact: true }).click()
  await expect(page.getByTestId('duty-period-range')).toContainText('11月1日 至 11月30日')
  await page.getByRole('button', { name: '预览排班' }).click()
  await expect(page.getByTestId('duty-preview-spread')).toContainText('共 42 个班次，3 位书记轮值： 每人 14 班，完全平均')
  await page.getByRole('button', { name: '保存排班' }).click()
  await expect(page.getByTestId('duty-rota')).toBeVisible()

  // Swap Monday's two shifts.
  const morning = '2026-11-02#0'
  const afternoon = '2026-11-02#1'
  const plannedMorning = (await cellName(page, morning).textContent())!
  const plannedAfternoon = (await cellName(page, afternoon).textContent())!
  expect(plannedMorning).not.toBe(plannedAfternoon)
  await page.getByRole('button', { name: '换班：11月2日 周一 08:30–12:00' }).click()
  const swap = page.getByRole('dialog', { name: '换班：和另一个班次互换' })
  await choose(page, '和哪个班次互换', '11月2日', `11月2日 周一 14:00–17:30 · ${plannedAfternoon}`)
  await swap.getByLabel('原因').fill('村里开会')
  await swap.getByTestId('change-submit').click()
  await expect(swap).toBeHidden()
  await expect(cellName(page, morning)).toHaveText(plannedAfternoon)
  await expect(cellName(page, afternoon)).toHaveText(plannedMorning)
  await expect(page.getByTestId(`shift-${morning}`).locator('del')).toHaveText(plannedMorning)

  // Monday 09:10: the board on the home screen shows who holds the morning now, with their phone.
  await page.clock.setFixedTime(china('2026-11-02T09:10:00'))
  await page.goto('./#/')
  const now = page.getByTestId('duty-now')
  await expect(now.getByTestId('duty-now-name')).toHaveText(plannedAfternoon)
  const phone = SECRETARIES.find((s) => s.name === plannedAfternoon)!.phone
  await expect(now.getByTestId('duty-now-phone')).toHaveText(phone)
  await expect(now).toContainText('11-02 周一 08:30–12:00')
  await expect(page.getByTestId('duty-next').getByTestId('duty-next-name')).toHaveText(plannedMorning)

  // They check in, 40 minutes after the start: late, and shown so.
  await now.getByRole('button', { name: '签到', exact: true }).click()
  await expect(now).toContainText('09:10 签到')
  await expect(now).toContainText('迟到 40 分钟')
  await expect(now.getByRole('button', { name: '签退', exact: true })).toBeVisible()

  // A resident walks in: F2, the channel is already 书记轮值, to the secretary on duty.
  await page.keyboard.press('F2')
  await expect(page.getByTestId('duty-assign-hint')).toHaveText(`将分派给值班书记 ${plannedAfternoon}`)
  await page.getByLabel('群众姓名').fill('王大爷')
  await page.getByLabel('联系电话').fill('139 0013 9000')
  await choose(page, '所在村（社区）', '幸福村', '幸福村')
  await choose(page, '具体事项', '生活照料', '生活照料')
  await page.getByLabel('诉求内容').fill('低保申请咨询，材料下午送来')
  await page.getByRole('button', { name: /登记并出回执/ }).click()
  const receipt = page.getByTestId('need-receipt')
  await expect(receipt).toBeVisible()

  // The shift's duty log lists it, assigned to the secretary; a handover note is left for the afternoon.
  await page.getByRole('menuitem', { name: /首页/ }).click()
  await page.getByTestId('duty-now').getByRole('link', { name: '查看本班值班日志' }).click()
  const log = page.getByTestId('duty-shift')
  await expect(log).toHaveAttribute('data-shift-key', morning)
  await expect(log.getByTestId('shift-secretary')).toContainText(plannedAfternoon)
  await expect(log.getByTestId('shift-changes')).toContainText('换班：村里开会')
  const need = log.getByTestId('shift-needs').locator('[data-need-id]')
  await expect(need).toHaveCount(1)
  await expect(need).toContainText('王大爷')
  await expect(need).toContainText(`分派给 ${plannedAfternoon}`)
  const given = log.getByTestId('handover-given')
  await given.getByRole('textbox', { name: '写交接', exact: true }).fill('王大爷的低保材料下午送来，请收下')
  await given.getByRole('button', { name: '写交接', exact: true }).click()
  await expect(given.locator('[data-note-kind="handover"]')).toContainText('王大爷的低保材料下午送来')

  // The need opens from the log.
  await need.getByRole('link').click()
  const detail = page.getByTestId('need-detail')
  await expect(detail).toContainText('王大爷')
  await expect(detail).toContainText('书记轮值')
  await expect(detail).toContainText(plannedAfternoon)
})
