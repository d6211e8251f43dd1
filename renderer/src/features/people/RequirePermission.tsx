import { Button, Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import { rolesFor, type Action } from '../../domain/people'

// A screen the signed-in person's roles do not allow: the menu hides it, and an address typed by hand gets
// this page instead (the repositories refuse its commands as well).

export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useStation()
  return can(action) ? <>{children}</> : <Forbidden action={action} />
}

function Forbidden({ action }: { action: Action }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const roles = rolesFor(action)
    .map((role) => t(`people.role.${role}`))
    .join(t('people.forbidden.separator'))
  return (
    <Result
      status="403"
      title={t('people.forbidden.title')}
      subTitle={t('people.forbidden.body', { roles })}
      extra={
        <Button type="primary" onClick={() => navigate(paths.home)}>
          {t('people.forbidden.backHome')}
        </Button>
      }
    />
  )
}
