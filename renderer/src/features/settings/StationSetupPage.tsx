import { App, Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../ui/LanguageSwitch'
import { StationFormFields } from './StationFormFields'

/**
 * First run: no station yet, so nothing else can be done. Once saved, the session holds the station
 * and the app opens its home page by itself.
 */
export function StationSetupPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '40px 16px' }}>
      <main style={{ width: '100%', maxWidth: 820 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Text strong style={{ fontSize: 18, color: '#c8161d' }}>
            {t('app.title')}
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
        <Card>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('settings.setup.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 24 }}>
            {t('settings.setup.intro')}
          </Typography.Paragraph>
          <StationFormFields submitLabel={t('settings.setup.submit')} onSaved={() => void message.success(t('settings.setup.done'))} />
        </Card>
      </main>
    </Flex>
  )
}
