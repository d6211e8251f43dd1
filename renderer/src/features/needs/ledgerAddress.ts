import {
  type LedgerFilter,
  type LedgerSort,
  type LedgerSortField,
  NEED_STATUSES,
  type NeedStatus,
} from '../../domain/needs'

// The ledger's filters and sort as they are written in the address (#/needs?status=…&q=…), so Back
// from a need returns to the same list.

export const DEFAULT_SORT: LedgerSort = { field: 'registeredAt', order: 'desc' }
const SORT_FIELDS: readonly LedgerSortField[] = ['registeredAt', 'dueDate', 'number', 'residentName', 'status']
const DATE = /^\d{4}-\d{2}-\d{2}$/

export type Filters = Omit<LedgerFilter, 'text'>
export type Update = (changes: Record<string, string | undefined>) => void

export function filtersOf(params: URLSearchParams): Filters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is NeedStatus => (NEED_STATUSES as readonly string[]).includes(s))
  const date = (key: string) => {
    const value = params.get(key) ?? ''
    return DATE.test(value) ? value : undefined
  }
  return {
    ...(statuses.length ? { statuses } : {}),
    category: params.get('category') || undefined,
    village: params.get('village') || undefined,
    handler: params.get('handler') || undefined,
    from: date('from'),
    to: date('to'),
    overdueOnly: params.get('overdue') === '1',
  }
}

export function sortOf(params: URLSearchParams): LedgerSort {
  const field = params.get('sort') as LedgerSortField | null
  if (!field || !SORT_FIELDS.includes(field)) return DEFAULT_SORT
  return { field, order: params.get('order') === 'asc' ? 'asc' : 'desc' }
}

/** The address without the search text: the filters and the sort order. */
export function filterKeyOf(params: URLSearchParams): string {
  const rest = new URLSearchParams(params)
  rest.delete('q')
  rest.sort()
  return rest.toString()
}

/** The address's query for these filters and search text. */
export function addressOf(filterKey: string, text: string): string {
  const params = new URLSearchParams(filterKey)
  if (text) params.set('q', text)
  return params.toString()
}
