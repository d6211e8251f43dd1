import { Card, Flex, Typography, theme } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../ui/LanguageSwitch'

/** The frame of the screens before anyone is signed in: the app's name, the station's, the language, one card. */
export function DeskFrame({ stationName, children }: { stationName: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  return (
    <Flex justify="center" style={{ minHeight: '100vh', boxSizing: 'border-box', background: token.colorBgLayout, padding: '40px 16px' }}>
      <main style={{ width: '100%', maxWidth: 880 }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
            {t('app.title')} · {stationName}
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
        <Card>{children}</Card>
      </main>
    </Flex>
  )
}
