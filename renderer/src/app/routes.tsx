import type { ReactElement } from 'react'
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
import { AuditPage } from '../features/people/AuditPage'
import { PeoplePage } from '../features/people/PeoplePage'
import { RequirePermission } from '../features/people/RequirePermission'
import { SettingsPage } from '../features/settings/SettingsPage'
import { ConflictsPage } from '../features/sync/ConflictsPage'
import { SyncSettingsPage } from '../features/sync/SyncSettingsPage'
import { paths } from '../ui/paths'
import type { Action } from '../domain/people'

// Every screen with the action (domain/people's permission table) that opens it: one table for the router's
// gate and the menu, so a screen hidden from the menu cannot be reached by typing its address either.

export interface AppRoute {
  path: string
  /** null: any signed-in person (the home page shows each only what their roles allow) */
  action: Action | null
  element: ReactElement
}

export const ROUTES: readonly AppRoute[] = [
  { path: paths.home, action: null, element: <HomePage /> },
  { path: paths.register, action: 'need.register', element: <RegisterNeedPage /> },
  { path: paths.ledger, action: 'need.view', element: <LedgerPage /> },
  { path: '/needs/:id', action: 'need.view', element: <NeedDetailPage /> },
  { path: paths.settings, action: 'station.settings', element: <SettingsPage /> },
  { path: paths.sync, action: 'sync.settings', element: <SyncSettingsPage /> },
  { path: paths.conflicts, action: 'sync.conflicts', element: <ConflictsPage /> },
  { path: paths.dutyRota, action: 'duty.view', element: <DutyRotaPage /> },
  { path: paths.dutyRoster, action: 'duty.plan', element: <DutyRosterPage /> },
  { path: '/duty/shifts/:key', action: 'duty.view', element: <DutyShiftPage /> },
  { path: paths.mediation, action: 'mediation.list', element: <MediationListPage /> },
  { path: paths.mediationNew, action: 'mediation.intake', element: <CaseIntakePage /> },
  // Whether the file itself opens is the case's own question (its mediators), asked on the page.
  { path: '/mediation/cases/:id', action: 'mediation.list', element: <CaseDetailPage /> },
  { path: paths.mediationTeams, action: 'mediation.teams', element: <MediationTeamsPage /> },
  { path: paths.people, action: 'people.manage', element: <PeoplePage /> },
  { path: paths.audit, action: 'audit.view', element: <AuditPage /> },
]

/** The action a screen's path needs, for the menu (null: anyone signed in). */
export const actionOf = (path: string): Action | null => ROUTES.find((route) => route.path === path)?.action ?? null

/** A route's element behind its gate. */
export const gated = (route: AppRoute): ReactElement =>
  route.action ? <RequirePermission action={route.action}>{route.element}</RequirePermission> : route.element
