import { CloudSyncOutlined, FileAddOutlined, HomeOutlined, ScheduleOutlined, SettingOutlined, SolutionOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { Layout, Menu, Select, Space, Typography } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator'
import { LanguageSwitch } from '../ui/LanguageSwitch'
import { paths } from '../ui/paths'
import { useStation } from '../ui/session'

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { station, operator, setOperator } = useStation()
  const navigate = useNavigate()
  const location = useLocation()

  // F2 opens the registration form from anywhere: the desk's most frequent job.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F2') {
        event.preventDefault()
        navigate(paths.register)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])

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
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#c8161d' }}>{t('app.title')}</div>
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
          ]}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}
        >
          <Typography.Text strong>{station.name}</Typography.Text>
          <Space size="large">
            <SyncStatusIndicator />
            <Space>
              <span>{t('app.operator')}</span>
              <Select
                aria-label={t('app.operator')}
                style={{ minWidth: 120 }}
                value={operator}
                placeholder={t('app.operatorPlaceholder')}
                options={station.staff.map((name) => ({ value: name, label: name }))}
                onChange={setOperator}
              />
            </Space>
            <LanguageSwitch />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  )
}
