import { expect, test } from '@playwright/test'
import { china, registerNeed, setUpStation } from './desk'

// 更正登记信息 in the real app: a phone number typed wrong at the desk is corrected on the need's page.

test('a clerk corrects a need’s phone number; the ID number stays masked and unchanged', async ({ page }) => {
  await page.clock.setFixedTime(china('2026-11-23T09:30:00'))
  await setUpStation(page)
  await registerNeed(page, {
    name: '张三',
    phone: '138 0013 8000',
    idCard: '11010519491231002X',
    village: '幸福村',
    item: '生活照料',
    description: '独居老人，希望每周上门助餐两次',
  })
  await expect(page.getByTestId('need-receipt')).toBeVisible()
  await page.getByRole('button', { name: '查看详情' }).click()
  await expect(page.getByTestId('need-number')).toHaveText('20261123-001')

  await page.getByRole('button', { name: '更正登记信息' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('联系电话')).toHaveValue('13800138000')
  await expect(dialog.getByLabel('群众姓名')).toHaveValue('张三')
  // The ID number is not put in a field: the field is blank (blank keeps it), the number shows masked.
  await expect(dialog.getByLabel('身份证号（选填）')).toHaveValue('')
  await expect(dialog).toContainText('110105********002X')

  await dialog.getByLabel('联系电话').fill('139 0013 9000')
  await dialog.getByRole('button', { name: /保存更正/ }).click()
  await expect(page.getByText('登记信息已更正')).toBeVisible()
  await expect(dialog).toBeHidden()
  const detail = page.getByTestId('need-detail')
  // Phones show masked until someone allowed reveals them, one record at a time.
  await expect(page.getByTestId('resident-phone')).toHaveText('139****9000')
  await expect(detail).not.toContainText('13800138000')
  await expect(page.getByTestId('id-card')).toHaveText('110105********002X')
  await expect(page.locator('body')).not.toContainText('11010519491231002X')
  await page.getByTestId('reveal-contact').click()
  await expect(page.getByTestId('resident-phone')).toHaveText('13900139000')
  await expect(page.getByTestId('id-card')).toHaveText('11010519491231002X')

  // Stored, and in the ledger too: found by the new number. After a reload it is masked again.
  await page.reload()
  await expect(page.getByTestId('resident-phone')).toHaveText('139****9000')
  await page.getByRole('menuitem', { name: /诉求台账/ }).click()
  await page.getByLabel('搜索').fill('13900139000')
  await expect(page.locator('[data-need-id]').filter({ hasText: '张三' })).toHaveCount(1)
})
