import {
  AuditOutlined,
  CloudSyncOutlined,
  FileAddOutlined,
  HomeOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { Layout, Menu, Space, Typography, theme } from 'antd'
import { useEffect, useLayoutEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { SignedInBadge } from '../features/people/SignedInBadge'
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator'
import { DisplaySwitch } from '../ui/DisplaySwitch'
import { BRAND_RED } from '../ui/displayTheme'
import { LanguageSwitch } from '../ui/LanguageSwitch'
import { paths } from '../ui/paths'
import { useStation } from '../ui/session'
import { actionOf } from './routes'

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { station, can, locked } = useStation()
  const navigate = useNavigate()
  const location = useLocation()
  const { token } = theme.useToken()

  // Each screen opens at its top. The router keeps the window's scroll from the screen before, so a screen
  // reached from a scrolled-down one opened with its header out of sight.
  useLayoutEffect(() => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' })
  }, [location.pathname])

  // F2 opens the registration form from anywhere: the desk's most frequent job.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Not behind the lock screen (it would leave the half-typed page), nor for roles that do not register.
      if (event.key === 'F2' && !locked && can('need.register')) {
        event.preventDefault()
        navigate(paths.register)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, locked, can])

  const selected =
    location.pathname === paths.register
      ? paths.register
      : location.pathname.startsWith('/needs')
        ? paths.ledger
        : location.pathname.startsWith(`${paths.sync}/`)
          ? paths.sync
          : location.pathname.startsWith(`${paths.dutyRota}/`)
            ? paths.dutyRota
            : location.pathname.startsWith(`${paths.mediation}/`)
              ? paths.mediation
              : location.pathname
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="light" className="no-print">
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: token.fontSizeLG, color: BRAND_RED }}>{t('app.title')}</div>
        <nav aria-label={t('app.nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            onClick={({ key }) => navigate(key)}
            items={[
              { key: paths.home, icon: <HomeOutlined />, label: t('app.nav.home') },
              { key: paths.register, icon: <FileAddOutlined />, label: `${t('app.nav.register')} (F2)` },
              { key: paths.ledger, icon: <UnorderedListOutlined />, label: t('app.nav.ledger') },
              { key: paths.dutyRota, icon: <ScheduleOutlined />, label: t('duty.nav') },
              { key: paths.mediation, icon: <SolutionOutlined />, label: t('mediation.nav') },
              { key: paths.sync, icon: <CloudSyncOutlined />, label: t('sync.nav') },
              { key: paths.settings, icon: <SettingOutlined />, label: t('app.nav.settings') },
              { key: paths.people, icon: <TeamOutlined />, label: t('people.page.nav') },
              { key: paths.audit, icon: <AuditOutlined />, label: t('people.audit.nav') },
            ].filter((item) => {
              // Only what the signed-in person's roles open (the same table gates the routes).
              const action = actionOf(item.key)
              return !action || can(action)
            })}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{ background: token.colorBgContainer, display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}
        >
          {/* A long station name gives way (cut, whole on hover) before the controls do. */}
          <Typography.Text strong ellipsis={{ tooltip: station.name }} style={{ flex: 1, minWidth: 0 }}>
            {station.name}
          </Typography.Text>
          <Space size="middle" style={{ flex: 'none' }}>
            <SyncStatusIndicator />
            <SignedInBadge />
            <DisplaySwitch />
            <LanguageSwitch />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  )
}
