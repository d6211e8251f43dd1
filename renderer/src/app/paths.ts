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
}
