// Every screen's address, in one place.
export const paths = {
  home: '/',
  register: '/needs/new',
  ledger: '/needs',
  need: (id: string) => `/needs/${encodeURIComponent(id)}`,
  settings: '/settings',
  sync: '/sync',
}
