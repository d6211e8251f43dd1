import { expect, test, type Page } from '@playwright/test'
import { setupStation } from '../../central/provision'
import { validateSources } from '../../renderer/src/contract'
import { startCentral, type Central } from '../support/centralServer'

// The central server of a sync spec: the tests' CouchDB-protocol server on 127.0.0.1, started before the
// spec's tests and stopped after them, with station xingfu (the desk's, see desk.ts) provisioned as a
// technician does.

export function centralForXingfu(password: string) {
  let central: Central
  test.beforeAll(async () => {
    central = await startCentral()
    await setupStation({ serverUrl: central.adminUrl, station: 'xingfu', name: '幸福村党群服务中心', password, sources: validateSources() })
  })
  test.afterAll(async () => {
    await central?.stop()
  })
  return {
    get url() {
      return central.url
    },
    /** GET `path` in station-xingfu as central's admin (a document id, encoded, or a view with its query). */
    async read<T>(path: string): Promise<T> {
      const auth = Buffer.from(`${central.admin.username}:${central.admin.password}`).toString('base64')
      const response = await fetch(`${central.url}station-xingfu/${path}`, { headers: { Authorization: `Basic ${auth}` } })
      return (await response.json()) as T
    },
  }
}

/** 中心同步 from the header: the server's address and the password, 保存并开始同步, until the header says online. */
export async function pairAndSync(page: Page, url: string, password: string) {
  await page.getByTestId('sync-status').click()
  await page.getByLabel('服务器地址').fill(url)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '保存并开始同步' }).click()
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'online')
}
