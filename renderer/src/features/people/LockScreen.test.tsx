// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { ADMIN_PIN, renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { LockScreen } from './LockScreen'
import { SignedInBadge } from './SignedInBadge'
import { SignInGate } from './SignInGate'

// 锁屏 with the real services: after the idle time the desk is covered and the app under it made inert and
// hidden, but kept: the same person's PIN brings back the half-typed form as it was. 切换人员 signs out.

const screens = screenTests()

/** A half-typed registration, as React state: lost if the page under the lock were unmounted. */
function HalfTypedNeed() {
  const [name, setName] = useState('')
  return <input aria-label="群众姓名" value={name} onChange={(event) => setName(event.target.value)} />
}

function pressEnter(box: HTMLElement) {
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 })
  fireEvent.keyUp(box, { key: 'Enter', code: 'Enter', keyCode: 13 })
}

function typePin(pin: string) {
  const box = within(screen.getByTestId('lock-screen')).getByLabelText(/密码/)
  fireEvent.change(box, { target: { value: pin } })
  pressEnter(box)
}

describe('the lock screen', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('locks after the idle time, hiding the half-typed form, and gives it back as it was for the same PIN', async () => {
    const { services } = await screens.openStation()
    renderScreen(
      services,
      {
        '/': (
          <LockScreen idleMs={400}>
            <HalfTypedNeed />
          </LockScreen>
        ),
      },
      '/',
    )
    fireEvent.change(await screen.findByRole('textbox', { name: '群众姓名' }), { target: { value: '张三' } })

    const lock = await screen.findByTestId('lock-screen', {}, { timeout: 5000 })
    expect(lock.textContent).toContain('王芳 的工作台已锁定')
    const desk = screen.getByTestId('desk')
    expect(desk.hasAttribute('inert')).toBe(true)
    expect(desk.getAttribute('aria-hidden')).toBe('true')
    // Hidden from everything but the eye: no textbox of the app is there to find.
    expect(screen.queryByRole('textbox', { name: '群众姓名' })).toBeNull()

    typePin('000001')
    expect((await within(lock).findByTestId('sign-in-refusal')).textContent).toContain('密码不对，还可以再试 4 次')
    typePin(ADMIN_PIN)
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull())
    expect(desk.hasAttribute('inert')).toBe(false)
    expect((screen.getByRole('textbox', { name: '群众姓名' }) as HTMLInputElement).value).toBe('张三')
    const locks = await services.audit.list({ actions: ['lock'] })
    expect(locks.map((record) => `${record.personName} ${record.detail}`)).toEqual(['王芳 idle'])
  })

  it('locks at once from the header, and 切换人员 on the lock screen signs out, saying unsaved typing is discarded', async () => {
    const { services } = await screens.openStation()
    renderScreen(
      services,
      {
        '/': (
          <SignInGate>
            <LockScreen>
              <SignedInBadge />
              <HalfTypedNeed />
            </LockScreen>
          </SignInGate>
        ),
      },
      '/',
    )
    expect((await screen.findByTestId('signed-in')).textContent).toContain('王芳')
    fireEvent.click(screen.getByRole('button', { name: /锁屏/ }))
    const lock = await screen.findByTestId('lock-screen')
    expect(lock.textContent).toContain('换其他人登录时，王芳 未保存的输入会被丢弃。')
    fireEvent.click(within(lock).getByRole('button', { name: /切换人员/ }))
    expect(await screen.findByText('请选择您的名字')).toBeTruthy()
    expect(screen.queryByTestId('lock-screen')).toBeNull()
    expect((await services.audit.list({ actions: ['lock'] }))[0]).toMatchObject({ personName: '王芳', detail: 'manual' })
  })
})
