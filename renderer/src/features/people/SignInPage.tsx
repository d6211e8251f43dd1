import { LoginOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Typography, type InputRef } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clock } from '../../ui/clock'
import { useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import type { PersonDoc } from '../../domain/people'
import { DeskFrame } from './DeskFrame'
import { RecoveryForm } from './RecoveryForm'
import { SignInAlert, type SignInRefusal } from './SignInAlert'

// 登录: each active person's name as a big button; pick yours, type your PIN, Enter. A wrong PIN says how
// many tries are left; five lock the account on this desk, with a countdown. An administrator who lost
// the PIN resets it with the printed recovery code.

export function SignInPage({ people }: { people: readonly PersonDoc[] }) {
  const { t } = useTranslation()
  const { station, services, signIn } = useStation()
  const [pickedId, setPickedId] = useState<string | null>(null)
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null)
  const [recovering, setRecovering] = useState(false)
  const { busy, failure, submit } = useSubmit()
  const pinBox = useRef<InputRef>(null)
  const picked = people.find((person) => person._id === pickedId) ?? null

  const pick = (id: string) => {
    setPickedId(id)
    setPin('')
    setRefusal(null)
    pinBox.current?.focus()
    // Locked on this desk already: say so (and for how long) before a PIN is typed in vain.
    void services.people.lockedUntil(id, clock.now()).then((until) => {
      if (until) setRefusal({ ok: false, error: 'people.signIn.locked', until })
    })
  }

  const go = () =>
    submit(async () => {
      if (!picked || !pin) return
      const result = await signIn(picked._id, pin)
      if (result.ok) return
      setRefusal(result)
      setPin('')
      pinBox.current?.focus()
    })

  if (recovering)
    return (
      <DeskFrame stationName={station.name}>
        <RecoveryForm admins={people.filter((person) => person.roles.includes('admin'))} onBack={() => setRecovering(false)} />
      </DeskFrame>
    )

  return (
    <DeskFrame stationName={station.name}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('people.signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('people.signIn.intro')}</Typography.Paragraph>
      <Flex wrap gap={16} role="group" aria-label={t('people.signIn.title')} style={{ marginBottom: 24 }}>
        {people.map((person) => (
          <Button
            key={person._id}
            size="large"
            type={person._id === pickedId ? 'primary' : 'default'}
            aria-pressed={person._id === pickedId}
            onClick={() => pick(person._id)}
            style={{ height: 72, minWidth: 160, fontSize: 22 }}
          >
            {person.name}
          </Button>
        ))}
      </Flex>
      <Flex vertical gap={12} style={{ maxWidth: 420 }}>
        <label htmlFor="sign-in-pin" style={{ fontSize: 16 }}>
          {picked ? `${picked.name} · ${t('people.signIn.pin')}` : t('people.signIn.pin')}
        </label>
        <Flex gap={8}>
          <Input.Password
            id="sign-in-pin"
            ref={pinBox}
            size="large"
            inputMode="numeric"
            autoComplete="off"
            maxLength={64}
            disabled={!picked}
            placeholder={picked ? t('people.signIn.pinPlaceholder') : t('people.signIn.pickFirst')}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            onPressEnter={() => void go()}
          />
          <Button size="large" type="primary" icon={<LoginOutlined aria-hidden />} loading={busy} disabled={!picked || !pin} onClick={() => void go()}>
            {t('people.signIn.submit')}
          </Button>
        </Flex>
        <SignInAlert refusal={refusal} />
        {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
        <Button type="link" style={{ alignSelf: 'flex-start', paddingInline: 0 }} onClick={() => setRecovering(true)}>
          {t('people.signIn.forgot')}
        </Button>
      </Flex>
    </DeskFrame>
  )
}
