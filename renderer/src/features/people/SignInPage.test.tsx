// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests, signOutOfScreens } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { useStation } from '../../ui/session'
import { SignInGate } from './SignInGate'

// 登录 with the real services: pick your name, type your PIN. A wrong PIN says how many tries are left;
// the fifth locks the account on this desk with a countdown that ticks every second. A lost administrator
// PIN is reset with the printed recovery code.

const screens = screenTests()

function Desk() {
  const { person } = useStation()
  return <p data-testid="desk">{person?.name} 已登录</p>
}

/** A station with 王芳 (administrator) and 李明 (desk clerk, PIN 730294); the sign-in screen on show. */
async function openSignIn() {
  const { services, station, person } = await screens.openStation()
  const added = await services.people.add({ name: '李明', roles: ['clerk'] }, '730294', { station, by: '王芳', at: clock.now(), person })
  if (!added.ok) throw new Error('clerk refused')
  signOutOfScreens()
  renderScreen(services, { '/': <SignInGate><Desk /></SignInGate> }, '/')
  return { services, clerk: added.value }
}

const typePin = (pin: string) => {
  const box = screen.getByLabelText(/密码/)
  fireEvent.change(box, { target: { value: pin } })
  // Key down and up: the PIN box takes one Enter per key press.
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 })
  fireEvent.keyUp(box, { key: 'Enter', code: 'Enter', keyCode: 13 })
}

describe('signing in at the desk', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('says how many tries are left after a wrong PIN, and signs in with the right one', async () => {
    const { services } = await openSignIn()
    expect(await screen.findByRole('button', { name: '王芳' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '李明' }))
    typePin('000001')
    expect((await screen.findByTestId('sign-in-refusal')).textContent).toContain('密码不对，还可以再试 4 次')
    typePin('730294')
    expect((await screen.findByTestId('desk')).textContent).toBe('李明 已登录')
    const trail = (await services.audit.list()).map((record) => `${record.personName} ${record.action}`)
    expect(trail.slice(0, 2)).toEqual(['李明 signIn', '李明 signInFailed'])
  })

  it('lets an administrator who lost the PIN set a new one with the recovery code, shows the new code once, then signs in', async () => {
    const { services, station, person, recoveryCode } = await screens.openStation()
    signOutOfScreens()
    renderScreen(services, { '/': <SignInGate><Desk /></SignInGate> }, '/')
    fireEvent.click(await screen.findByRole('button', { name: '管理员忘记密码？' }))
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
    type('恢复码', 'AAAA-BBBB-CCCC-DDDD-EEEE')
    type('新密码', '593027')
    type('再输一次新密码', '593027')
    fireEvent.click(screen.getByRole('button', { name: '重设密码并登录' }))
    expect(await screen.findByText('恢复码不对，请核对打印的恢复码')).toBeTruthy()

    // Typed by hand, in small letters and with spaces: still the code.
    type('恢复码', recoveryCode.toLowerCase().replaceAll('-', ' '))
    fireEvent.click(screen.getByRole('button', { name: '重设密码并登录' }))
    const newCode = (await screen.findByTestId('recovery-code')).textContent ?? ''
    expect(newCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/)
    expect(newCode).not.toBe(recoveryCode)
    expect(screen.queryByTestId('desk')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /我已记下恢复码/ }))
    expect((await screen.findByTestId('desk')).textContent).toBe('王芳 已登录')
    expect((await services.people.signIn(person.id, '593027', station, clock.now())).ok).toBe(true)
  })

  it('locks the account on this desk after five wrong PINs, with a countdown that ticks every second', async () => {
    await openSignIn()
    fireEvent.click(await screen.findByRole('button', { name: '李明' }))
    for (const left of [4, 3, 2, 1]) {
      typePin('000001')
      await waitFor(() => expect(screen.getByTestId('sign-in-refusal').textContent).toContain(`还可以再试 ${left} 次`))
    }
    typePin('000001')
    await waitFor(() => expect(screen.getByTestId('sign-in-refusal').textContent).toMatch(/请 60 秒后再试，或请管理员解锁/))
    await waitFor(() => expect(screen.getByTestId('sign-in-refusal').textContent).toMatch(/请 59 秒后再试/), { timeout: 3000 })
    // Locked: even the right PIN is not tried, and picking the name again shows the lock at once.
    typePin('730294')
    await waitFor(() => expect(screen.getByTestId('sign-in-refusal').textContent).toMatch(/请 5\d 秒后再试/))
    fireEvent.click(screen.getByRole('button', { name: '王芳' }))
    fireEvent.click(screen.getByRole('button', { name: '李明' }))
    expect((await screen.findByTestId('sign-in-refusal')).textContent).toMatch(/请 5\d 秒后再试/)
    expect(screen.queryByTestId('desk')).toBeNull()
  })
})
