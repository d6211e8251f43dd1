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
}
