import { LockOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'

/** In the header, always: who is signed in and as what; 切换人员 (back to the sign-in screen) and 锁屏. */
export function SignedInBadge() {
  const { t } = useTranslation()
  const { person, lock, signOut } = useStation()
  const navigate = useNavigate()
  if (!person) return null
  const switchPerson = () => {
    // The next person starts at the home page, not on whatever screen the last one left open.
    navigate(paths.home)
    signOut()
  }
  return (
    <Space size="small" wrap={false}>
      <Space size={4} data-testid="signed-in" aria-label={t('people.header.signedIn')} role="group">
        <UserOutlined aria-hidden />
        <strong data-testid="signed-in-name">{person.name}</strong>
        {person.roles.map((role) => (
          <Tag key={role} style={{ marginInlineEnd: 0 }}>
            {t(`people.role.${role}`)}
          </Tag>
        ))}
      </Space>
      <Button icon={<SwapOutlined aria-hidden />} onClick={switchPerson}>
        {t('people.header.switch')}
      </Button>
      <Button icon={<LockOutlined aria-hidden />} onClick={() => lock('manual')}>
        {t('people.header.lock')}
      </Button>
    </Space>
  )
}
