import { expect, type Page } from '@playwright/test'

// What a clerk does again and again, in the words on screen.

/** China wall-clock time as an instant. */
export const china = (wallClock: string) => new Date(`${wallClock}+08:00`)

export async function setUpStation(page: Page) {
  await page.goto('./')
  await expect(page.getByRole('button', { name: '完成设置' })).toBeVisible()
  await page.getByLabel('驿站名称').fill('幸福村党群服务中心')
  await page.getByLabel('驿站编码').fill('xingfu')
  await page.getByLabel('服务电话').fill('0571-87654321')
  await page.getByLabel('服务的村（社区）').fill('幸福村\n和平社区')
  await page.getByLabel('窗口工作人员').fill('王芳\n李强')
  await page.getByLabel('管理员姓名').fill('王芳')
  await page.getByLabel('管理员密码').fill(ADMIN_PIN)
  await page.getByLabel('再输一次密码').fill(ADMIN_PIN)
  await page.getByRole('button', { name: '完成设置' }).click()
  // The recovery code is shown once; noted, the station opens signed in as its administrator.
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/)
  await page.getByRole('button', { name: /我已记下恢复码/ }).click()
  await expect(page.getByRole('menuitem', { name: /诉求台账/ })).toBeVisible()
  await expect(page.getByTestId('signed-in-name')).toHaveText('王芳')
}

/** The PIN of the station's administrator 王芳. */
export const ADMIN_PIN = '482915'

/** Signs in at the sign-in screen: the person's name, then the PIN and Enter. */
export async function signIn(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name, exact: true }).click()
  await page.getByLabel(`${name} · 密码`).fill(pin)
  await page.getByLabel(`${name} · 密码`).press('Enter')
}

/** 切换人员 in the header: back to the sign-in screen. */
export async function switchPerson(page: Page) {
  await page.getByRole('button', { name: /切换人员/ }).click()
  await expect(page.getByRole('heading', { name: '请选择您的名字' })).toBeVisible()
}

/** Picks an option of a drop-down by typing into it and pressing Enter, as a clerk does. */
export async function choose(page: Page, label: string, typed: string, option: string) {
  const box = page.getByLabel(label, { exact: true })
  await box.click()
  await box.fill(typed)
  // The previous drop-down may still be closing (its own active option in view), so look for ours by its text.
  await expect(page.locator('.ant-select-item-option-active').filter({ hasText: option }).first()).toBeVisible()
  await page.keyboard.press('Enter')
}

export interface NeedInput {
  name: string
  phone: string
  idCard?: string
  village: string
  item: string
  description: string
}

export async function registerNeed(page: Page, need: NeedInput) {
  await page.goto('./#/needs/new')
  await page.getByLabel('群众姓名').fill(need.name)
  await page.getByLabel('联系电话').fill(need.phone)
  if (need.idCard) await page.getByLabel('身份证号（选填）').fill(need.idCard)
  await choose(page, '所在村（社区）', need.village, need.village)
  await choose(page, '具体事项', need.item, need.item)
  await page.getByLabel('诉求内容').fill(need.description)
  await page.getByRole('button', { name: /登记并出回执/ }).click()
}
