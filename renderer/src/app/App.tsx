import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import type { i18n as I18n } from 'i18next'
import { useEffect, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom'
import type { Services } from './startServices'
import { DutyRosterPage } from '../features/duty/DutyRosterPage'
import { DutyRotaPage } from '../features/duty/DutyRotaPage'
import { DutyShiftPage } from '../features/duty/DutyShiftPage'
import { HomePage } from '../features/home/HomePage'
import { CaseDetailPage } from '../features/mediation/CaseDetailPage'
import { CaseIntakePage } from '../features/mediation/CaseIntakePage'
import { MediationListPage } from '../features/mediation/MediationListPage'
import { MediationTeamsPage } from '../features/mediation/MediationTeamsPage'
import { LedgerPage } from '../features/needs/LedgerPage'
import { NeedDetailPage } from '../features/needs/NeedDetailPage'
import { RegisterNeedPage } from '../features/needs/RegisterNeedPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { StationSetupPage } from '../features/settings/StationSetupPage'
import { ConflictsPage } from '../features/sync/ConflictsPage'
import { SyncSettingsPage } from '../features/sync/SyncSettingsPage'
import { AppLayout } from './AppLayout'
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
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontSize: 15 } }}>
        <AntApp>
          <SessionProvider services={services}>
            <HashRouter>
              <SetupGate />
            </HashRouter>
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  )
}

/** Until the station is set up there is nothing else to do. */
function SetupGate() {
  const { station } = useSession()
  if (!station) return <StationSetupPage />
  return (
    <SyncProvider>
      <AppLayout>
        <Routes>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.register} element={<RegisterNeedPage />} />
          <Route path={paths.ledger} element={<LedgerPage />} />
          <Route path="/needs/:id" element={<NeedDetailPage />} />
          <Route path={paths.settings} element={<SettingsPage />} />
          <Route path={paths.sync} element={<SyncSettingsPage />} />
          <Route path={paths.conflicts} element={<ConflictsPage />} />
          <Route path={paths.dutyRota} element={<DutyRotaPage />} />
          <Route path={paths.dutyRoster} element={<DutyRosterPage />} />
          <Route path="/duty/shifts/:key" element={<DutyShiftPage />} />
          <Route path={paths.mediation} element={<MediationListPage />} />
          <Route path={paths.mediationNew} element={<CaseIntakePage />} />
          <Route path="/mediation/cases/:id" element={<CaseDetailPage />} />
          <Route path={paths.mediationTeams} element={<MediationTeamsPage />} />
          <Route path="*" element={<Navigate to={paths.home} replace />} />
        </Routes>
      </AppLayout>
    </SyncProvider>
  )
}
