import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { china, registerNeed, setUpStation } from './desk'

// A desk clerk's day with the needs ledger, end to end in Chromium.

test('a clerk registers a need, finds it by pinyin, sees it overdue four days later, closes it and exports the ledger', async ({ page }) => {
  await page.clock.setFixedTime(china('2026-11-23T09:30:00'))
  await setUpStation(page)

  // Register, in Chinese, and get the receipt.
  await registerNeed(page, {
    name: '张三',
    phone: '138 0013 8000',
    idCard: '11010519491231002X',
    village: '幸福村',
    item: '生活照料',
    description: '独居老人，希望每周上门助餐两次',
  })
  const receipt = page.getByTestId('need-receipt')
  await expect(receipt).toBeVisible()
  await expect(receipt.getByTestId('receipt-number')).toHaveText('20261123-001')
  await expect(receipt).toContainText('2026-11-26')
  await expect(receipt).toContainText('0571-87654321')
  await expect(receipt).toContainText('110105********002X')
  await expect(receipt).not.toContainText('11010519491231002X')

  // Find it in the ledger by the initials of 张三.
  await page.getByRole('menuitem', { name: /诉求台账/ }).click()
  await page.getByLabel('搜索').fill('zs')
  const row = page.locator('[data-need-id]').filter({ hasText: '张三' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('20261123-001')

  // Still there after a reload: it lives in the local database, not the page.
  await page.reload()
  await page.getByLabel('搜索').fill('zs')
  await expect(page.locator('[data-need-id]').filter({ hasText: '张三' })).toHaveCount(1)

  // Four days later, untouched, it is overdue: on the ledger and on the home screen.
  await page.clock.setFixedTime(china('2026-11-27T09:00:00'))
  await page.reload()
  await page.getByLabel('搜索').fill('zs')
  await expect(page.locator('[data-need-id]').filter({ hasText: '张三' })).toContainText('已超期')
  await page.getByRole('menuitem', { name: /首页/ }).click()
  await expect(page.getByTestId('overdue-list')).toContainText('张三')

  // Open it, assign it to the lead department the table suggests, resolve it, close it as 满意.
  await page.getByRole('menuitem', { name: /诉求台账/ }).click()
  await page.locator('[data-need-id]').filter({ hasText: '张三' }).click()
  await expect(page.getByTestId('need-number')).toHaveText('20261123-001')
  await page.getByRole('button', { name: '分派办理' }).click()
  await page.getByLabel('部门').check()
  await expect(page.getByLabel('办理人', { exact: true })).toHaveValue('区民政局')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('need-detail')).toContainText('办理中')

  await page.getByRole('button', { name: '办结' }).click()
  await page.getByLabel('办理结果').fill('已联系助餐点，每周二、五送餐上门')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('need-detail')).toContainText('已办结')

  await page.getByRole('button', { name: '回访' }).click()
  await page.getByLabel('满意', { exact: true }).check()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('need-detail')).toContainText('已回访销号')

  // Export the ledger and read the workbook back.
  await page.getByRole('menuitem', { name: /诉求台账/ }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /导出台账/ }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('诉求台账-20261127.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const cells = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).map((v) => String(v ?? ''))
  const headerRow = [1, 2, 3].find((n) => cells(n).includes('诉求编号'))!
  const header = cells(headerRow)
  const data = cells(headerRow + 1)
  const at = (column: string) => data[header.indexOf(column)]
  expect(at('诉求编号')).toBe('20261123-001')
  expect(at('群众姓名')).toBe('张三')
  expect(at('身份证号')).toBe('110105********002X')
  expect(at('办理状态')).toBe('已回访销号')
  expect(at('回访满意度')).toBe('满意')
  expect(at('是否超期')).toMatch(/^是/)
})

test('bad input gets a message on each field, and nothing is written', async ({ page }) => {
  await page.clock.setFixedTime(china('2026-11-23T09:30:00'))
  await setUpStation(page)
  await page.goto('./#/needs/new')
  await page.getByLabel('联系电话').fill('12345')
  await page.getByLabel('身份证号（选填）').fill('110105194912310021')
  await page.getByRole('button', { name: /登记并出回执/ }).click()
  await expect(page.getByText('请填写群众姓名')).toBeVisible()
  await expect(page.getByText(/电话号码格式不对/)).toBeVisible()
  await expect(page.getByText('身份证号校验位不对，请逐位核对')).toBeVisible()
  await expect(page.getByText('请填写诉求内容')).toBeVisible()
  const stored = await page.evaluate(async () => (await (window as any).tongxin.db.allDocs({ startkey: 'need:', endkey: 'need:\uffff' })).rows.length)
  expect(stored).toBe(0)
})

test('a description full of markup is stored and shown as plain text', async ({ page }) => {
  await page.clock.setFixedTime(china('2026-11-23T09:30:00'))
  await setUpStation(page)
  let alerted = false
  page.on('dialog', async (dialog) => {
    alerted = true
    await dialog.dismiss()
  })
  const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>屋顶漏水'
  await registerNeed(page, { name: '李四', phone: '0571-86001234', village: '和平社区', item: '生活照料', description: markup })
  await expect(page.getByTestId('need-receipt')).toContainText(markup)
  await page.getByRole('button', { name: '查看详情' }).click()
  await expect(page.getByTestId('need-detail')).toContainText(markup)
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  expect(alerted).toBe(false)
})

test('the clerk switches the app to English and back', async ({ page }) => {
  await setUpStation(page)
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('menuitem', { name: /Needs ledger/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('menuitem', { name: /Needs ledger/ })).toBeVisible()
  await page.getByText('中文', { exact: true }).click()
  await expect(page.getByRole('menuitem', { name: /诉求台账/ })).toBeVisible()
})
