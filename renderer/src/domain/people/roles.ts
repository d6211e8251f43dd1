// Who may do what at a station: the one permission table. Screens hide what a person may not do, and the
// repositories refuse it too; both ask can().

/** The roles a station's staff can hold; one person may hold several. */
export const ROLES = [
  'admin', // 驿站管理员: staff, roles, settings, the audit trail
  'clerk', // 窗口工作人员: registers and follows residents' needs
  'dutySecretary', // 值班书记: on-duty village secretary
  'mediator', // 调解员: mediates the cases assigned to them
  'volunteerCoordinator', // 志愿服务管理员: volunteer service (coming)
  'technician', // 技术员: sync, conflicts, bundles
  'leader', // 领导查看: reads figures, never residents' personal data
] as const
export type Role = (typeof ROLES)[number]

/** Everything the table decides. A new screen or command adds its action here first. */
export const ACTIONS = [
  'need.view', // the ledger and a need's page (personal data masked)
  'need.register',
  'need.handle', // assign, resolve, follow up, refer, decline
  'need.correct', // correct registration details
  'personal.reveal', // show one record's full ID number and phone (recorded)
  'personal.export', // export personal data (ledger XLSX…; recorded)
  'duty.view',
  'duty.plan', // roster, shift pattern, plans, 代班/换班
  'duty.attend', // check in and out, the shift log
  'mediation.list', // the case list (party names masked)
  'mediation.intake',
  'mediation.caseFile', // open a case file: only the case's mediators, their team lead and the administrator
  'mediation.teams',
  'figures.view', // the areas' figures and reports
  'station.settings',
  'people.manage', // accounts, roles, PIN resets, unlocking, disabling
  'audit.view', // the audit trail, and exporting it
  'sync.settings', // 中心同步 settings, test connection
  'sync.run', // 立即同步
  'sync.conflicts',
  'sync.bundles', // export and import 同步包
  'readModel.rebuild',
] as const
export type Action = (typeof ACTIONS)[number]

const DESK: readonly Role[] = ['admin', 'clerk', 'dutySecretary']
const TECH: readonly Role[] = ['admin', 'technician']

/** The one table. Reading it row by row is how a station's administrator learns what each role may do. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'need.view': [...DESK, 'mediator', 'volunteerCoordinator'],
  'need.register': DESK,
  'need.handle': DESK,
  'need.correct': DESK,
  'personal.reveal': [...DESK, 'mediator'],
  'personal.export': ['admin', 'clerk'],
  'duty.view': [...DESK, 'mediator', 'volunteerCoordinator', 'technician', 'leader'],
  'duty.plan': ['admin'],
  'duty.attend': ['admin', 'dutySecretary'],
  'mediation.list': [...DESK, 'mediator'],
  'mediation.intake': [...DESK, 'mediator'],
  'mediation.caseFile': ['admin', 'mediator'],
  'mediation.teams': ['admin'],
  'figures.view': [...DESK, 'mediator', 'volunteerCoordinator', 'leader'],
  'station.settings': ['admin'],
  'people.manage': ['admin'],
  'audit.view': ['admin'],
  'sync.settings': TECH,
  'sync.run': TECH,
  'sync.conflicts': TECH,
  'sync.bundles': TECH,
  'readModel.rebuild': TECH,
}

/** Whether someone holding `roles` may do `action`. */
export function can(roles: readonly Role[], action: Action): boolean {
  const allowed = PERMISSIONS[action]
  return roles.some((role) => allowed.includes(role))
}

/** The roles that may do `action`, for messages ("only 管理员 or 技术员 may…"). */
export const rolesFor = (action: Action): readonly Role[] => PERMISSIONS[action]

/**
 * A case file is open to the administrator, the case's own mediators, and the leads of their teams. A
 * mediator not on the case sees the list (names masked) but not the file.
 */
export function canOpenCaseFile(
  person: { name: string; roles: readonly Role[] },
  caseMediators: readonly string[],
  teamLeadsOfMediators: readonly string[],
): boolean {
  if (person.roles.includes('admin')) return true
  if (!can(person.roles, 'mediation.caseFile')) return false
  return caseMediators.includes(person.name) || teamLeadsOfMediators.includes(person.name)
}
