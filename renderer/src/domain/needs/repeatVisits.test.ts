import { describe, expect, it } from 'vitest'
import type { LedgerRow } from './ledger'
import type { NeedStatus } from './needLifecycle'
import { repeatVisitQuery, repeatVisits } from './repeatVisits'

const today = '2026-06-15'
const ID = '11010519491231002X'
const ID_MASKED = '110105********002X'

const row = (id: string, over: Partial<LedgerRow> & { status?: NeedStatus } = {}): LedgerRow => ({
  id,
  number: id,
  registeredAt: '2026-06-10T02:00:00.000Z',
  residentName: '张秀英',
  phone: '13800138000',
  idCardMasked: '',
  village: '幸福村',
  address: '',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: '',
  status: 'pending',
  handlerName: '',
  dueDate: '2026-06-13',
  resolvedAt: null,
  closedAt: null,
  satisfaction: null,
  referredTo: null,
  searchKeys: '',
  ...over,
})

describe('repeatVisitQuery', () => {
  it('looks nothing up while the numbers are incomplete', () => {
    expect(repeatVisitQuery('1380013', '1101051949', today)).toEqual({})
    expect(repeatVisitQuery('', '', today)).toEqual({})
  })

  it('uses the stored form of a phone typed any way', () => {
    expect(repeatVisitQuery('+86 138 0013 8000', '', today)).toEqual({ phone: '13800138000' })
    expect(repeatVisitQuery('(0571) 8765 4321', '', today)).toEqual({ phone: '0571-87654321' })
  })

  it('masks an ID only once it is complete and valid', () => {
    expect(repeatVisitQuery('', '11010519491231002x', today)).toEqual({ idCardMasked: ID_MASKED })
    // 18 characters but a wrong check character: not looked up.
    expect(repeatVisitQuery('', '110105194912310021', today)).toEqual({})
  })
})

describe('repeatVisits', () => {
  const rows = [
    row('a'),
    row('b', { status: 'closed' }),
    row('c', { phone: '0571-87654321', idCardMasked: ID_MASKED }),
    row('d', { phone: '13900139000' }),
  ]

  it('finds open needs by a complete phone, skipping closed ones', () => {
    expect(repeatVisits(rows, '138 0013 8000', '', today).map((r) => r.id)).toEqual(['a'])
    expect(repeatVisits(rows, '0571 87654321', '', today).map((r) => r.id)).toEqual(['c'])
  })

  it('finds open needs by a complete ID', () => {
    expect(repeatVisits(rows, '', ID, today).map((r) => r.id)).toEqual(['c'])
  })

  it('finds nothing for a half-typed phone or ID', () => {
    expect(repeatVisits(rows, '138001', '', today)).toEqual([])
    // The first 6 and last 4 of this partial ID equal the stored mask, yet it must not match.
    expect(repeatVisits(rows, '', '110105123002X', today)).toEqual([])
  })
})
