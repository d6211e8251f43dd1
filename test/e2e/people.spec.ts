import { expect, test, type Page } from '@playwright/test'
import { ADMIN_PIN, setUpStation, signIn, switchPerson } from './desk'

// 工作人员 end to end in Chromium, with the app's real PIN hashing: the administrator adds a desk clerk, who
// signs in and cannot reach 中心同步; wrong PINs lock the account with a countdown; the idle lock hides a
// half-typed need and gives it back after the PIN.

async function addDeskClerk(page: Page) {
  await page.getByRole('menuitem', { name: /工作人员/ }).click()
  await page.getByRole('button', { name: /添加工作人员/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('姓名').fill('李明')
  await dialog.getByLabel('窗口工作人员').check()
  await dialog.getByLabel('密码', { exact: true }).fill('730294')
  await dialog.getByLabel('再输一次密码').fill('730294')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已添加 李明')).toBeVisible()
  await expect(page.getByRole('row', { name: /李明/ })).toContainText('窗口工作人员')
}

test('the administrator adds a desk clerk, who cannot open 中心同步; five wrong PINs lock the account with a countdown', async ({ page }) => {
  // A dozen PIN checks at the app's real cost (600,000 PBKDF2 iterations each) on a shared machine.
  test.setTimeout(120_000)
  await setUpStation(page)
  await addDeskClerk(page)

  await switchPerson(page)
  await signIn(page, '李明', '730294')
  await expect(page.getByTestId('signed-in-name')).toHaveText('李明')
  await expect(page.getByTestId('signed-in')).toContainText('窗口工作人员')
  await expect(page.getByRole('menuitem', { name: /诉求台账/ })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: /中心同步/ })).toHaveCount(0)
  await expect(page.getByRole('menuitem', { name: /工作人员/ })).toHaveCount(0)
  // Typed by hand, the address gets the 403 page.
  await page.goto('./#/sync')
  await expect(page.getByText('没有权限')).toBeVisible()
  await expect(page.getByText('可以打开它的角色：驿站管理员、技术员')).toBeVisible()
  await page.goto('./#/sync/conflicts')
  await expect(page.getByText('没有权限')).toBeVisible()

  await switchPerson(page)
  await page.getByRole('button', { name: '李明', exact: true }).click()
  const pin = page.getByLabel('李明 · 密码')
  for (const left of [4, 3, 2, 1]) {
    await pin.fill('000001')
    await pin.press('Enter')
    await expect(page.getByTestId('sign-in-refusal')).toContainText(`还可以再试 ${left} 次`)
  }
  await pin.fill('000001')
  await pin.press('Enter')
  const refusal = page.getByTestId('sign-in-refusal')
  await expect(refusal).toContainText(/请 \d+ 秒后再试，或请管理员解锁/)
  // A minute's lock (less the moment the PIN check took), counting down each second.
  const first = Number(/请 (\d+) 秒/.exec((await refusal.textContent()) ?? '')![1])
  expect(first).toBeGreaterThanOrEqual(50)
  await expect(refusal).toContainText(`请 ${first - 1} 秒后再试`)
  // The right PIN is not even tried while locked.
  await pin.fill('730294')
  await pin.press('Enter')
  await expect(refusal).toContainText(/请 5\d 秒后再试/)
  await expect(page.getByTestId('signed-in')).toHaveCount(0)
})

test('the idle lock hides a half-typed need, and the same PIN gives it back as it was', async ({ page }) => {
  await setUpStation(page)
  await page.getByRole('menuitem', { name: /工作人员/ }).click()
  await page.getByLabel('无人操作多久后锁屏').fill('1')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('自动锁屏时间已改为 1 分钟')).toBeVisible()
  // A minute is long for a test: this device's setting is shortened to 3 seconds, read when the page loads.
  await page.waitForFunction(() => (window as unknown as { tongxin?: unknown }).tongxin)
  await page.evaluate(() =>
    (window as unknown as { tongxin: { device: { set(key: string, value: unknown): Promise<void> } } }).tongxin.device.set('idleLockMinutes', 3 / 60),
  )
  await page.reload()
  // Still signed in after a reload in the same window.
  await expect(page.getByTestId('signed-in-name')).toHaveText('王芳')

  await page.getByRole('menuitem', { name: /登记诉求/ }).click()
  await page.getByLabel('群众姓名').pressSequentially('张三')
  await page.getByLabel('诉求内容').pressSequentially('屋顶漏雨')
  const lock = page.getByTestId('lock-screen')
  await expect(lock).toBeVisible({ timeout: 15_000 })
  await expect(lock).toContainText('王芳 的工作台已锁定')
  // Under the lock the form is still there, but inert and out of reach: not even a textbox to find.
  await expect(page.getByTestId('desk')).toHaveAttribute('inert', '')
  await expect(page.getByRole('textbox', { name: '群众姓名' })).toHaveCount(0)

  const unlockPin = lock.getByLabel('王芳 · 密码')
  await unlockPin.fill('000001')
  await unlockPin.press('Enter')
  await expect(lock.getByTestId('sign-in-refusal')).toContainText('还可以再试 4 次')
  await unlockPin.fill(ADMIN_PIN)
  await unlockPin.press('Enter')
  await expect(lock).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: '群众姓名' })).toHaveValue('张三')
  await expect(page.getByLabel('诉求内容')).toHaveValue('屋顶漏雨')
})
