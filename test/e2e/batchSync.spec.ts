import { expect, test } from '@playwright/test'
import { centralForXingfu, pairAndSync } from './central'
import { registerNeed, setUpStation } from './desk'

// 立即同步 in the browser: a technician uploads a backlog in batches, watching the bar, cancels
// half-way, and 继续 finishes it; central ends with every need once. The central server is the
// tests' CouchDB-protocol server on 127.0.0.1, provisioned as a technician does.

const PASSWORD = 'xingfu-口令-2'
const BACKLOG = 600
const central = centralForXingfu(PASSWORD)

async function needsOnServer(): Promise<string[]> {
  const page = await central.read<{ rows: Array<{ id: string }> }>(
    `_all_docs?startkey=${encodeURIComponent('"need:"')}&endkey=${encodeURIComponent('"need:\uffff"')}`,
  )
  return page.rows.map((row) => row.id)
}

test('a technician uploads a backlog with 立即同步, cancels half-way and continues', async ({ page }) => {
  await setUpStation(page)
  await pairAndSync(page, central.url, PASSWORD)
  // The live sync is stopped, and a backlog builds up: one need registered at the desk, copied.
  await page.getByRole('button', { name: '停止同步' }).click()
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'paused')
  await registerNeed(page, { name: '张大爷', phone: '13800138000', village: '幸福村', item: '生活照料', description: '独居老人需要每周上门助餐' })
  await expect(page.getByTestId('need-receipt')).toBeVisible()
  await page.evaluate(async (count) => {
    const db = (window as unknown as { tongxin: { db: PouchDB.Database } }).tongxin.db
    const [first] = (await db.allDocs({ startkey: 'need:', endkey: 'need:\uffff', include_docs: true })).rows
    const { _id, _rev, ...need } = first!.doc as { _id: string; _rev: string }
    void _rev
    const copies = Array.from({ length: count - 1 }, (_, i) => ({ ...need, _id: `${_id}${String(i).padStart(4, '0')}`, number: `C-${i}` }))
    await db.bulkDocs(copies)
  }, BACKLOG)

  await page.getByTestId('sync-status').click()
  const panel = page.getByTestId('batch-panel')
  const progress = panel.getByTestId('batch-progress')
  await panel.getByRole('button', { name: /立即同步/ }).click()
  await expect(progress).toHaveAttribute('data-phase', 'running')
  await expect(panel.getByTestId('batch-progress-text')).toContainText(/已完成 \d+ \/ 共 \d+ 条/)
  await expect(page.getByRole('progressbar')).toBeVisible()
  // Half-way: 取消.
  await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 20_000 }).toBeGreaterThanOrEqual(100)
  await panel.getByRole('button', { name: /取\s*消/ }).click()
  await expect(panel.getByTestId('batch-verdict')).toHaveAttribute('data-verdict', 'cancelled', { timeout: 20_000 })
  const partly = (await needsOnServer()).length
  expect(partly).toBeLessThan(BACKLOG)

  // 继续 finishes: every need on the server once.
  await panel.getByRole('button', { name: /继\s*续/ }).click()
  await expect(panel.getByTestId('batch-verdict')).toHaveAttribute('data-verdict', 'done', { timeout: 30_000 })
  await expect(panel.getByTestId('batch-verdict')).toContainText('同步完成')
  await expect(progress).toHaveAttribute('data-phase', 'done')
  expect(Number(await progress.getAttribute('data-done'))).toBe(Number(await progress.getAttribute('data-total')))
  const ids = await needsOnServer()
  expect(ids.length).toBe(BACKLOG)
  expect(new Set(ids).size).toBe(BACKLOG)
  // The live sync stays stopped, as the clerk left it; the header knows all is uploaded.
  await expect(page.getByTestId('sync-status')).toContainText('全部已上传')
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'paused')
  // The journal has both runs, marked 立即同步.
  await expect(page.getByRole('cell', { name: /立即同步/ }).first()).toBeVisible()
})
