import { expect, test } from '@playwright/test'
import { centralForXingfu } from './central'
import { registerNeed, setUpStation } from './desk'

// Pairing a station with the central server in the UI, working offline, and seeing the need reach
// the server by itself once the network is back. The central server is the tests' CouchDB-protocol
// server on 127.0.0.1, provisioned as a technician does.

const PASSWORD = 'xingfu-口令-1'
const central = centralForXingfu(PASSWORD)
const onServer = (id: string) => central.read<{ _id?: string; resident?: { name: string } }>(encodeURIComponent(id))

test('a clerk pairs the station, registers a need offline, and sees it synced once back online', async ({ page, context }) => {
  await setUpStation(page)
  const status = page.getByTestId('sync-status')
  await expect(status).toContainText('未设置中心同步')

  // Pair: the header's status opens 中心同步.
  await status.click()
  await expect(page.getByLabel('驿站编码')).toHaveValue('xingfu')
  await expect(page.getByLabel('用户名')).toHaveValue('station-xingfu')
  await page.getByLabel('服务器地址').fill(central.url)
  await page.getByLabel('密码', { exact: true }).fill('wrong')
  await page.getByRole('button', { name: '测试连接' }).click()
  await expect(page.getByTestId('sync-verdict')).toContainText('用户名或密码不对')
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '测试连接' }).click()
  await expect(page.getByTestId('sync-verdict')).toContainText('连接成功')
  await page.getByRole('button', { name: '保存并开始同步' }).click()
  await expect(status).toHaveAttribute('data-phase', 'online')
  await expect(status).toContainText('全部已上传')

  // The network goes; the desk works on, and the header says what waits for upload.
  await context.setOffline(true)
  await registerNeed(page, { name: '张大爷', phone: '13800138000', village: '幸福村', item: '生活照料', description: '独居老人需要每周上门助餐' })
  await expect(page.getByTestId('need-receipt')).toBeVisible()
  await expect(status).toHaveAttribute('data-phase', 'offline', { timeout: 20_000 })
  await expect(status).toContainText('1 条未上传')
  const needId = await page.evaluate(async () => {
    const services = (window as unknown as { tongxin: { db: PouchDB.Database } }).tongxin
    return (await services.db.allDocs({ startkey: 'need:', endkey: 'need:\uffff' })).rows[0]!.id
  })
  expect((await onServer(needId))._id).toBeUndefined()

  // Back online: sync resumes by itself.
  await context.setOffline(false)
  await expect(status).toHaveAttribute('data-phase', 'online', { timeout: 30_000 })
  await expect(status).toContainText('全部已上传')
  expect((await onServer(needId)).resident?.name).toBe('张大爷')

  // The journal shows the runs.
  await status.click()
  await expect(page.getByRole('heading', { name: '中心同步', level: 2 })).toBeVisible()
  await expect(page.getByRole('cell', { name: '完成' }).first()).toBeVisible()
})
