import { expect, test } from '@playwright/test'
import { centralForXingfu, pairAndSync } from './central'
import { registerNeed, setUpStation } from './desk'

// A record the central server refuses, as a desk clerk meets it: listed on 中心同步 with the reason in
// plain words, a link to the need, 更正登记信息 there, and the next upload takes it off the list.

const PASSWORD = 'xingfu-口令-3'
const central = centralForXingfu(PASSWORD)

test('a need central refuses is listed with the reason; corrected on its page, it uploads and leaves the list', async ({ page }) => {
  await setUpStation(page)
  await pairAndSync(page, central.url, PASSWORD)

  await registerNeed(page, { name: '张大爷', phone: '13800138000', village: '幸福村', item: '生活照料', description: '独居老人需要每周上门助餐' })
  await expect(page.getByTestId('need-receipt')).toBeVisible()
  // Saved again without the phone, as an older version of the app could: central's check refuses that.
  const needId = await page.evaluate(async () => {
    const db = (window as unknown as { tongxin: { db: PouchDB.Database } }).tongxin.db
    const [row] = (await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff', include_docs: true })).rows
    const need = row!.doc as unknown as { _id: string; resident: Record<string, string> }
    await db.put({ ...need, resident: { ...need.resident, phone: '' } })
    return need._id
  })

  await page.getByTestId('sync-status').click()
  const list = page.getByTestId('refused-docs')
  await expect(list).toContainText('被中心拒收的记录（1 条）')
  await expect(list).toContainText('缺少“联系电话”，请补填后保存')
  await expect(page.getByTestId('sync-status')).toContainText('1 条被中心拒收')
  await list.getByRole('link', { name: /张大爷/ }).click()

  await page.getByRole('button', { name: '更正登记信息' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('联系电话').fill('139 0013 9000')
  await dialog.getByRole('button', { name: /保存更正/ }).click()
  await expect(page.getByText('登记信息已更正')).toBeVisible()

  await page.getByTestId('sync-status').click()
  await expect(page.getByTestId('sync-status')).toContainText('全部已上传')
  await expect(list).toBeHidden()
  expect((await central.read<{ resident: { phone: string } }>(encodeURIComponent(needId))).resident.phone).toBe('13900139000')
})
