import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import type { i18n as I18n } from 'i18next'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom'
import type { Services } from './startServices'
import { LockScreen } from '../features/people/LockScreen'
import { SignInGate } from '../features/people/SignInGate'
import { StationSetupPage } from '../features/settings/StationSetupPage'
import { AppLayout } from './AppLayout'
import { gated, ROUTES } from './routes'
import { DisplayPrefsProvider, useDisplayPrefs } from '../ui/displayPrefs'
import { displayTheme } from '../ui/displayTheme'
import { paths } from '../ui/paths'
import { SessionProvider, useSession } from '../ui/session'
import { SyncProvider } from '../ui/syncContext'

export function App({ services, i18n }: { services: Services; i18n: I18n }) {
  const [language, setLanguage] = useState(i18n.language)
  useEffect(() => {
    const follow = (lng: string) => setLanguage(lng)
    i18n.on('languageChanged', follow)
    return () => i18n.off('languageChanged', follow)
  }, [i18n])
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn')
    document.documentElement.lang = language
    document.title = i18n.t('app.title')
  }, [language, i18n])

  return (
    <I18nextProvider i18n={i18n}>
      <DisplayPrefsProvider services={services}>
        <Themed language={language}>
          <AntApp>
            <SessionProvider services={services}>
              <HashRouter>
                <SetupGate />
              </HashRouter>
            </SessionProvider>
          </AntApp>
        </Themed>
      </DisplayPrefsProvider>
    </I18nextProvider>
  )
}

/** antd in the language and display mode (large text, high contrast) chosen. */
function Themed({ language, children }: { language: string; children: ReactNode }) {
  const { largeText, highContrast } = useDisplayPrefs()
  const theme = useMemo(() => displayTheme({ largeText, highContrast }), [largeText, highContrast])
  // For the few styles outside antd's theme (plain CSS files), and for the tests to see the mode.
  useEffect(() => {
    document.documentElement.toggleAttribute('data-large-text', largeText)
    document.documentElement.toggleAttribute('data-high-contrast', highContrast)
  }, [largeText, highContrast])
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={theme}>
      {children}
    </ConfigProvider>
  )
}

/**
 * Until the station is set up there is nothing else to do; then nothing is shown until someone signs in
 * (sync goes on meanwhile). Each screen opens only for the roles its route allows (routes.tsx).
 */
function SetupGate() {
  const { station } = useSession()
  if (!station) return <StationSetupPage />
  return (
    <SyncProvider>
      <SignInGate>
        <LockScreen>
          <AppLayout>
            <Routes>
              {ROUTES.map((route) => (
                <Route key={route.path} path={route.path} element={gated(route)} />
              ))}
              <Route path="*" element={<Navigate to={paths.home} replace />} />
            </Routes>
          </AppLayout>
        </LockScreen>
      </SignInGate>
    </SyncProvider>
  )
}
