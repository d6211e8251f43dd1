// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { PeoplePage } from './PeoplePage'

// 工作人员 with the real services: the administrator adds a desk clerk (a weak PIN refused on its field
// first), lifts this desk's lock on an account, and cannot disable the station's last administrator.

const screens = screenTests()

async function openPeople() {
  const opened = await screens.openStation()
  renderScreen(opened.services, { [paths.people]: <PeoplePage /> }, paths.people)
  await screen.findByText('王芳（本人）')
  return opened
}

const type = (within: HTMLElement, label: string, value: string) =>
  fireEvent.change(within.querySelector(`#person_${label}`) as HTMLElement, { target: { value } })

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement

describe('the staff page', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('adds a desk clerk with a role and a PIN; a weak PIN is refused on its field and nothing is written', async () => {
    const { services } = await openPeople()
    fireEvent.click(screen.getByRole('button', { name: /添加工作人员/ }))
    const dialog = await screen.findByRole('dialog')
    type(dialog, 'name', '李明')
    fireEvent.click(within(dialog).getByLabelText('窗口工作人员'))
    type(dialog, 'pin', '123456')
    type(dialog, 'pinAgain', '123456')
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }))
    expect(await within(dialog).findByText('密码不能是连续数字（如 123456）')).toBeTruthy()
    expect((await services.people.list()).map((p) => p.name)).toEqual(['王芳'])

    type(dialog, 'pin', '730294')
    type(dialog, 'pinAgain', '730294')
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }))
    expect(await screen.findByText('已添加 李明')).toBeTruthy()
    await waitFor(() => expect(within(rowOf('李明')).getByText('窗口工作人员')).toBeTruthy())
    expect(within(rowOf('李明')).getByText('在岗')).toBeTruthy()
    const clerk = (await services.people.list()).find((p) => p.name === '李明')
    expect(clerk).toMatchObject({ roles: ['clerk'], disabled: false })
  })

  it('shows a desk lock with its countdown and lifts it; refuses to disable the last administrator, saying why', async () => {
    const opened = await screens.openStation()
    const { services, station, person } = opened
    const added = await services.people.add({ name: '李明', roles: ['clerk'] }, '730294', { station, by: '王芳', at: clock.now(), person })
    if (!added.ok) throw new Error('clerk refused')
    for (let i = 0; i < 5; i++) await services.people.signIn(added.value._id, '000001', station, clock.now())
    renderScreen(services, { [paths.people]: <PeoplePage /> }, paths.people)

    const lock = await screen.findByTestId('locked-here')
    expect(lock.textContent).toMatch(/已锁定，(60|59) 秒后解除/)
    fireEvent.click(within(lock).getByRole('button', { name: /解除本机锁定/ }))
    expect(await screen.findByText('已解除 李明 在本机的锁定')).toBeTruthy()
    await waitFor(() => expect(screen.queryByTestId('locked-here')).toBeNull())
    expect(await services.people.lockedUntil(added.value._id, clock.now())).toBeNull()

    fireEvent.click(within(rowOf('王芳（本人）')).getByRole('button', { name: /停用/ }))
    const [confirm] = await screen.findAllByText('停用 王芳？')
    fireEvent.click(within(confirm!.closest('.ant-modal') as HTMLElement).getByRole('button', { name: '停用' }))
    expect(await screen.findByText('驿站至少要保留一位在岗的管理员')).toBeTruthy()
    expect((await services.people.list()).find((p) => p.name === '王芳')?.disabled).toBe(false)
  })
})
