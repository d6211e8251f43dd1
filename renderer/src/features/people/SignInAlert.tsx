import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../ui/clock'
import type { SignInResult } from '../../data/peopleRepository'
import { secondsLeft } from '../../domain/people'

// What a refused PIN says: the tries left, or the desk's lock on the account with a live countdown.

export type SignInRefusal = Exclude<SignInResult, { ok: true }>

export function SignInAlert({ refusal }: { refusal: SignInRefusal | null }) {
  const { t } = useTranslation()
  if (!refusal) return null
  // A new lock starts a new countdown (its own clock, read from the moment it is shown).
  if (refusal.error === 'people.signIn.locked') return <LockedAlert key={refusal.until} until={refusal.until} />
  const text = refusal.error === 'people.signIn.wrongPin' ? t(refusal.error, { count: refusal.triesLeft }) : t(refusal.error)
  return <Alert type="error" showIcon role="alert" title={text} data-testid="sign-in-refusal" />
}

function LockedAlert({ until }: { until: string }) {
  const { t } = useTranslation()
  const now = useNow(1000)
  const seconds = secondsLeft(until, now)
  if (seconds === 0) return <Alert type="info" showIcon title={t('people.signIn.unlocked')} data-testid="sign-in-refusal" />
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="sign-in-refusal"
      title={t('people.signIn.locked', { seconds })}
      description={t('people.signIn.lockedHint')}
    />
  )
}
