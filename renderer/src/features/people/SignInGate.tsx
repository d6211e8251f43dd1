import { Alert, Flex, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import { activePeople } from '../../domain/people'
import { FirstAdministratorPage } from './FirstAdministratorPage'
import { SignInPage } from './SignInPage'

// Nothing of the station is shown until someone signs in. A station with no accounts at all (set up
// before there were any) first gets its administrator.

export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { person, services } = useStation()
  // Kept current: a person added on another desk can sign in here as soon as sync brings them.
  const { value: people, failure } = useLiveRead(() => services.people.list(), ['person:'])
  if (person) return <>{children}</>
  if (failure) return <Alert type="error" showIcon title={t('people.page.loadFailed', { message: failure })} />
  if (!people)
    return (
      <Flex justify="center" style={{ padding: 96 }}>
        <Spin size="large" />
      </Flex>
    )
  if (people.length === 0) return <FirstAdministratorPage />
  return <SignInPage people={activePeople(people)} />
}
