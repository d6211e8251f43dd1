// Every screen's address, in one place.
export const paths = {
  home: '/',
  register: '/needs/new',
  ledger: '/needs',
  need: (id: string) => `/needs/${encodeURIComponent(id)}`,
  settings: '/settings',
  sync: '/sync',
  /** 冲突处理: values two computers typed differently, for a technician to confirm */
  conflicts: '/sync/conflicts',
  /** 书记轮值: the rota (值班表), its planning, changes, outputs and figures */
  dutyRota: '/duty',
  /** 轮值人员: the secretaries and the shift pattern */
  dutyRoster: '/duty/roster',
  /** one shift's duty log (值班记录) */
  dutyShift: (key: string) => `/duty/shifts/${encodeURIComponent(key)}`,
  /** 矛盾调处: the station's mediation cases, follow-ups due and figures */
  mediation: '/mediation',
  /** 受理: take in a case (`?needId=…` when converting a need) */
  mediationNew: '/mediation/new',
  /** one case file (调解案卷) */
  mediationCase: (id: string) => `/mediation/cases/${encodeURIComponent(id)}`,
  /** 调解队伍: the teams and their members */
  mediationTeams: '/mediation/teams',
  /** 工作人员: accounts, roles, PINs, this desk's locks and its idle lock */
  people: '/people',
  /** 操作留痕: the audit trail */
  audit: '/audit',
}
