import { LockOutlined, SwapOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Typography, theme, type InputRef } from 'antd'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import { useIdleLock } from '../../ui/useIdleLock'
import { useSubmit } from '../../ui/useSubmit'
import { SignInAlert, type SignInRefusal } from './SignInAlert'

// 锁屏: after the device's idle time (or 锁屏 in the header) an opaque screen covers everything. The app
// underneath stays mounted, so whatever was being typed is kept, but it is inert and hidden from assistive
// technology; so is everything else on the page (dialogs and messages live outside the app's own element).
// The same person's PIN brings it all back as it was; 切换人员 signs out, discarding unsaved typing.

/** Makes every other child of <body> inert and hidden while `overlay` is shown; undoes exactly that after. */
function useInertSiblings(overlay: HTMLElement | null) {
  useLayoutEffect(() => {
    if (!overlay) return
    const changed: Element[] = []
    const hide = (element: Element) => {
      if (element === overlay || element.hasAttribute('inert') || element.tagName === 'SCRIPT' || element.tagName === 'STYLE') return
      element.setAttribute('inert', '')
      element.setAttribute('aria-hidden', 'true')
      changed.push(element)
    }
    for (const element of document.body.children) hide(element)
    // A message or dialog opened while locked (a sync notice, a timer) is hidden too.
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) hide(node)
    })
    observer.observe(document.body, { childList: true })
    return () => {
      observer.disconnect()
      for (const element of changed) {
        element.removeAttribute('inert')
        element.removeAttribute('aria-hidden')
      }
    }
  }, [overlay])
}

export function LockScreen({ children, idleMs }: { children: ReactNode; idleMs?: number }) {
  const { person, locked, lock, idleLockMinutes } = useStation()
  useIdleLock(idleMs ?? idleLockMinutes * 60_000, () => lock('idle'), Boolean(person) && !locked)
  // The field in use when the screen locked gets the focus back once unlocked. Followed as it moves, since by the
  // time the lock is drawn the browser may have taken the focus out of the now inert app.
  const focused = useRef<Element | null>(null)
  useLayoutEffect(() => {
    if (!locked && focused.current instanceof HTMLElement && focused.current.isConnected) focused.current.focus()
  }, [locked])
  useEffect(() => {
    if (locked) return
    focused.current = document.activeElement
    const follow = (event: FocusEvent) => {
      focused.current = event.target as Element
    }
    document.addEventListener('focusin', follow)
    return () => document.removeEventListener('focusin', follow)
  }, [locked])

  return (
    <>
      <div inert={locked} aria-hidden={locked || undefined} data-testid="desk">
        {children}
      </div>
      {locked && person && <LockOverlay />}
    </>
  )
}

function LockOverlay() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { person, unlock, signOut } = useStation()
  const navigate = useNavigate()
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null)
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null)
  const { busy, failure, submit } = useSubmit()
  const pinBox = useRef<InputRef>(null)
  useInertSiblings(overlay)
  useEffect(() => pinBox.current?.focus(), [overlay])
  const name = person?.name ?? ''

  const go = () =>
    submit(async () => {
      if (!pin) return
      const result = await unlock(pin)
      if (result.ok) return
      setRefusal(result)
      setPin('')
      pinBox.current?.focus()
    })

  const switchPerson = () => {
    navigate(paths.home)
    signOut()
  }

  return createPortal(
    <div
      ref={setOverlay}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-screen"
      className="no-print"
      style={{ position: 'fixed', inset: 0, zIndex: 5000, background: token.colorBgLayout, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}
    >
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 480, background: token.colorBgContainer, padding: 32, borderRadius: 12 }}>
        <Typography.Title level={2} id="lock-title" style={{ margin: 0 }}>
          <LockOutlined aria-hidden /> {t('people.lock.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, margin: 0 }}>{t('people.lock.body', { name })}</Typography.Paragraph>
        <label htmlFor="unlock-pin" style={{ fontSize: 16 }}>
          {name} · {t('people.signIn.pin')}
        </label>
        <Flex gap={8}>
          <Input.Password
            id="unlock-pin"
            ref={pinBox}
            size="large"
            inputMode="numeric"
            autoComplete="off"
            maxLength={64}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            onPressEnter={() => void go()}
          />
          <Button size="large" type="primary" loading={busy} disabled={!pin} onClick={() => void go()}>
            {t('people.lock.unlock')}
          </Button>
        </Flex>
        <SignInAlert refusal={refusal} />
        {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          <Button icon={<SwapOutlined aria-hidden />} onClick={switchPerson} style={{ alignSelf: 'flex-start' }}>
            {t('people.lock.switch')}
          </Button>
          <Typography.Text type="secondary">{t('people.lock.switchNote', { name })}</Typography.Text>
        </Flex>
      </Flex>
    </div>,
    document.body,
  )
}
