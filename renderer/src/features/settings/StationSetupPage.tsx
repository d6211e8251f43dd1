import { App, Card, Flex, Space, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DisplaySwitch } from '../../ui/DisplaySwitch'
import { BRAND_RED } from '../../ui/displayTheme'
import { LanguageSwitch } from '../../ui/LanguageSwitch'
import { useSession } from '../../ui/session'
import { RecoveryCodeCard } from '../people/RecoveryCodeCard'
import { StationFormFields } from './StationFormFields'

/**
 * First run: no station yet, so nothing else can be done. Once saved with its administrator, the recovery
 * code is shown once; when it is noted the session holds the station, signed in as the administrator, and
 * the app opens its home page by itself.
 */
export function StationSetupPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { token } = theme.useToken()
  const { finishSetUp } = useSession()
  const [recovery, setRecovery] = useState<{ code: string; stationName: string } | null>(null)
  const noted = () => {
    finishSetUp()
    void message.success(t('settings.setup.done'))
  }

  return (
    <Flex justify="center" style={{ minHeight: '100vh', boxSizing: 'border-box', background: token.colorBgLayout, padding: '40px 16px' }}>
      <main style={{ width: '100%', maxWidth: 820 }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text strong style={{ fontSize: token.fontSizeLG, color: BRAND_RED }}>
            {t('app.title')}
          </Typography.Text>
          {/* Large text and high contrast from the very first screen: whoever sets the station up may need them. */}
          <Space>
            <DisplaySwitch />
            <LanguageSwitch />
          </Space>
        </Flex>
        {recovery ? (
          <Card>
            <RecoveryCodeCard code={recovery.code} stationName={recovery.stationName} onNoted={noted} />
          </Card>
        ) : (
          <Card>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('settings.setup.welcome')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: token.fontSize + 1, marginBottom: 24 }}>
              {t('settings.setup.intro')}
            </Typography.Paragraph>
            <StationFormFields submitLabel={t('settings.setup.submit')} onSetUp={(code, stationName) => setRecovery({ code, stationName })} />
          </Card>
        )}
      </main>
    </Flex>
  )
}
