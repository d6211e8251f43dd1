import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { china, choose, setUpStation } from './desk'

// 矛盾纠纷调处 end to end in Chromium: the teams get their mediators; a case with two applicants on one side
// is taken in, two mediators assigned, two sessions logged and an agreement recorded; the 人民调解协议书 is
// previewed and saved as PDF; 16 days later the 15-day follow-up visit is on the due list, overdue, with
// the names masked, and in the figures.
//
// A browser has no printToPDF of its own (the desktop shell does): 保存为 PDF opens the print dialog there,
// so window.print is stubbed to count the call, and the PDF is made by Chromium from the same print view
// (page.pdf), which is what the print dialog's "Save as PDF" and Electron's printToPDF produce.

const TERMS = ['李四于 2026 年 11 月 30 日前清走堆放在通道上的建筑材料，恢复通行', '李四赔偿张建国、欧阳娜娜墙体渗水损失人民币 3000 元']

async function addMember(page: Page, team: number, name: string, phone: string) {
  const card = page.getByTestId('mediation-team').nth(team)
  await card.getByRole('button', { name: '添加队员' }).click()
  await card.getByLabel('第 1 名队员的姓名').fill(name)
  await card.getByLabel('第 1 名队员的电话').fill(phone)
  await card.getByRole('button', { name: '保存', exact: true }).click()
  await expect(page.getByText(/^已保存 /).first()).toBeVisible()
  await expect(card.getByRole('button', { name: '保存', exact: true })).toBeDisabled()
}

/** Picks names in a tags drop-down (mediators, attendees): type each and press Enter. */
async function tag(page: Page, dialog: ReturnType<Page['getByRole']>, label: string, names: string[]) {
  const box = dialog.getByLabel(label, { exact: true })
  await box.click()
  for (const name of names) {
    await box.fill(name)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.press('Escape') // closes the drop-down, not the dialog
}

async function logSession(page: Page, place: string, attendees: string[], record: string) {
  await page.getByRole('button', { name: '记录调解', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '记录调解' })
  await dialog.getByLabel('地点', { exact: true }).fill(place)
  await tag(page, dialog, '参加人员', attendees)
  await dialog.getByLabel('调解笔录', { exact: true }).fill(record)
  await dialog.getByTestId('step-save').click()
  await expect(dialog).toBeHidden()
}

test('a dispute from intake to an agreement printed to PDF, then its follow-up visit due', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await page.clock.setFixedTime(china('2026-11-02T09:00:00'))
  await setUpStation(page)

  // The two seeded teams get a mediator each.
  await page.getByRole('menuitem', { name: /矛盾调处/ }).click()
  await page.getByRole('button', { name: '调解队伍' }).click()
  await expect(page.getByTestId('mediation-team')).toHaveCount(2)
  await expect(page.getByTestId('mediation-team').nth(0).getByLabel('队伍名称')).toHaveValue('银龄矛盾调解队')
  await addMember(page, 0, '赵桂兰', '13600000001')
  await addMember(page, 1, '钱秀英', '13600000002')

  // 受理: two applicants (a couple) against one respondent.
  await page.getByRole('menuitem', { name: /矛盾调处/ }).click()
  await page.getByRole('button', { name: '受理新案件' }).click()
  await choose(page, '纠纷类型', '邻里', '邻里纠纷')
  await page.getByLabel('申请方第 1 人 姓名', { exact: true }).fill('张建国')
  await page.getByLabel('申请方第 1 人 联系电话', { exact: true }).fill('13800138000')
  await page.getByLabel('申请方第 1 人 身份证号', { exact: true }).fill('11010519491231002X')
  await page.getByLabel('申请方第 1 人 住址', { exact: true }).fill('幸福村三组 18 号')
  await page.getByRole('button', { name: '添加申请人' }).click()
  await page.getByLabel('申请方第 2 人 姓名', { exact: true }).fill('欧阳娜娜')
  await page.getByLabel('申请方第 2 人 联系电话', { exact: true }).fill('13912345678')
  await page.getByLabel('申请方第 2 人 住址', { exact: true }).fill('幸福村三组 18 号')
  await page.getByLabel('被申请方第 1 人 姓名', { exact: true }).fill('李四')
  await page.getByLabel('被申请方第 1 人 联系电话', { exact: true }).fill('13700001111')
  await page.getByLabel('被申请方第 1 人 住址', { exact: true }).fill('幸福村三组 20 号')
  await page.getByLabel('纠纷事实', { exact: true }).fill('李四翻建房屋，建筑材料堵住两家之间的通道，雨水渗入张建国家墙体。')
  await page.getByTestId('intake-save').click()
  const detail = page.getByTestId('case-detail')
  await expect(detail.getByTestId('case-number')).toHaveText('调〔2026〕001号')
  // Not opened yet: the names are masked.
  await expect(detail.getByTestId('case-applicants')).toContainText('张**')
  await expect(detail.getByTestId('case-applicants')).not.toContainText('张建国')

  // Two mediators, one from each team.
  await detail.getByRole('button', { name: '指派调解员' }).click()
  const assign = page.getByRole('dialog', { name: '指派调解员' })
  await tag(page, assign, '调解员', ['赵桂兰', '钱秀英'])
  await assign.getByTestId('step-save').click()
  await expect(assign).toBeHidden()
  await expect(detail.getByTestId('case-mediators')).toContainText('赵桂兰')
  await expect(detail.getByTestId('case-mediators')).toContainText('钱秀英')

  // Sessions wait until a mediator accepts: the administrator accepts for 赵桂兰 (the step records who did).
  await detail.getByRole('button', { name: '接受指派' }).click()
  const accept = page.getByRole('dialog', { name: '接受指派' })
  await accept.getByLabel('赵桂兰').check()
  await accept.getByTestId('step-save').click()
  await expect(accept).toBeHidden()

  // Two sessions, on the 2nd and the 5th.
  await logSession(page, '村调解室', ['赵桂兰', '钱秀英'], '双方陈述各自意见，约定现场查看后再谈。')
  await page.clock.setFixedTime(china('2026-11-05T15:00:00'))
  await logSession(page, '两家门前通道', ['赵桂兰', '钱秀英'], '现场查看后双方达成一致。')
  await expect(detail.locator('[data-testid="case-timeline-entry"][data-kind="session"]')).toHaveCount(2)

  // The agreement: two terms, how and by when.
  await detail.getByRole('button', { name: '达成协议（调解成功）' }).click()
  const agree = page.getByRole('dialog', { name: '达成协议（调解成功）' })
  await agree.getByLabel('第 1 条', { exact: true }).fill(TERMS[0]!)
  await agree.getByRole('button', { name: '添加一条' }).click()
  await agree.getByLabel('第 2 条', { exact: true }).fill(TERMS[1]!)
  await agree.getByLabel('履行方式', { exact: true }).fill('清理由村网格员现场确认；赔偿款当面付清，张建国出具收条')
  const performBy = agree.getByLabel('履行期限', { exact: true })
  await performBy.click()
  await performBy.fill('2026-11-30')
  await page.keyboard.press('Enter') // takes the date, and saves the form as Enter in a field does
  await expect(agree).toBeHidden()
  await expect(detail.locator('[data-status="agreed"]').first()).toBeVisible()

  // The printed agreement needs the full file: opening it is recorded.
  await detail.getByTestId('open-file').click()
  await expect(detail.getByTestId('access-entry')).toHaveCount(1)
  await detail.getByRole('button', { name: '打印调解协议书' }).click()
  const preview = page.getByRole('dialog', { name: '人民调解协议书 调〔2026〕001号' })
  const sheet = preview.getByTestId('agreement-sheet')
  await expect(sheet.getByTestId('agreement-party')).toHaveCount(3)
  await expect(sheet.getByTestId('agreement-party').nth(0)).toContainText('申请人一')
  await expect(sheet.getByTestId('agreement-party').nth(0)).toContainText('110105********002X')
  await expect(sheet.getByTestId('agreement-party').nth(1)).toContainText('欧阳娜娜')
  await expect(sheet.getByTestId('agreement-party').nth(2)).toContainText('被申请人')
  await expect(sheet.getByTestId('agreement-term')).toHaveText(TERMS.map((text, i) => `${'一二'[i]}、${text}`))
  await expect(sheet.getByTestId('agreement-perform-by')).toHaveText('上述协议内容于2026年11月30日前履行完毕。')
  await expect(sheet.getByTestId('agreement-signature')).toHaveCount(5)
  await expect(sheet.locator('[data-testid="agreement-signature"][data-role="mediator"]')).toHaveText([/赵桂兰/, /钱秀英/])
  await expect(sheet.getByTestId('agreement-date')).toHaveText('2026年11月5日')

  // 保存为 PDF: in a browser it opens the print dialog (counted here), where the clerk saves as PDF.
  await page.evaluate(() => {
    const w = window as unknown as { prints: number; print: () => void }
    w.prints = 0
    w.print = () => void w.prints++
  })
  await preview.getByRole('button', { name: '保存为 PDF' }).click()
  await expect(page.getByText('在打印对话框的「目标打印机」中选「另存为 PDF」即可保存')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1)

  // On paper only the agreement is drawn, whatever is on screen behind the preview.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('agreement-sheet-print')).toBeVisible()
  await expect(detail).toBeHidden()
  await expect(preview).toBeHidden()
  await page.emulateMedia({ media: null }) // back to no emulation: page.pdf() would print 'screen' if told so

  // The PDF the print view makes: A4, the agreement's pages.
  const pdf = await page.pdf({ format: 'A4' })
  const path = testInfo.outputPath('人民调解协议书-调〔2026〕001号.pdf')
  writeFileSync(path, new Uint8Array(pdf))
  await testInfo.attach('agreement.pdf', { path, contentType: 'application/pdf' })
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(20_000) // text in embedded CJK fonts, not a blank page
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(1)
  expect(pages.length).toBeLessThanOrEqual(2)
  const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
  // A4 portrait: 210 × 297 mm is 595 × 842 points (Chromium rounds the page to whole device pixels).
  expect(Math.abs(Number(mediaBox?.[1]) - 595) < 2 && Math.abs(Number(mediaBox?.[2]) - 842) < 2).toBe(true)
  await preview.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click()
  await expect(preview).toBeHidden()

  // 21 November: the 15-day visit (due on the 20th) is overdue, first on the due list, names masked.
  await page.clock.setFixedTime(china('2026-11-21T10:00:00'))
  await page.getByRole('link', { name: /返回调解案件/ }).click()
  await page.getByRole('tab', { name: /回访提醒/ }).click()
  const due = page.getByTestId('followups-due')
  const rows = due.locator('tr[data-case-id]')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-overdue', 'true')
  await expect(rows.nth(0)).toContainText('调〔2026〕001号')
  await expect(rows.nth(0)).toContainText('张**、欧*** 与 李*')
  await expect(rows.nth(0)).toContainText('2026-11-20')
  await expect(rows.nth(0)).toContainText('已逾期 1 天')
  await expect(rows.nth(1)).toHaveAttribute('data-overdue', 'false')
  await expect(rows.nth(1)).toContainText('2027-02-03')
  await expect(due).not.toContainText('张建国')
  await expect(due.getByTestId('followups-summary')).toHaveText('共 2 次回访未做，其中逾期 1 次')

  // And in the figures for this month.
  await page.getByRole('tab', { name: '统计' }).click()
  const figures = page.getByTestId('mediation-figures')
  await expect(figures.getByTestId('figure-total')).toContainText('1')
  await expect(figures.getByTestId('figure-success-rate')).toContainText('100%')
  await expect(figures.getByTestId('figure-followups-overdue')).toContainText('1')

  // The due visit opens its case.
  await page.getByRole('tab', { name: /回访提醒/ }).click()
  await rows.nth(0).getByRole('link', { name: '查看案件' }).click()
  await expect(page.getByTestId('case-detail').getByTestId('case-number')).toHaveText('调〔2026〕001号')
  await expect(page.getByTestId('case-follow-up').nth(0)).toContainText('已逾期')
})
