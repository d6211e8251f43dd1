import { describe, expect, it } from 'vitest'
import type { LedgerRow } from './ledger'
import { newNeedDoc, type NeedForm } from './need'
import { newNeedEventDoc, type NeedEventInput, type NeedStatus } from './needLifecycle'
import { earlierVisit, newestVisitFirst, repeatVisitQuery, samePhoneHints } from './repeatVisits'

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

  it('gives the whole ID number, normalised, once it is complete and valid, never its masked form', () => {
    expect(repeatVisitQuery('', '110105 19491231 002x', today)).toEqual({ idCard: ID })
    expect(JSON.stringify(repeatVisitQuery('', ID, today))).not.toContain(ID_MASKED)
    // 18 characters but a wrong check character: not looked up.
    expect(repeatVisitQuery('', '110105194912310021', today)).toEqual({})
  })
})

describe('samePhoneHints', () => {
  const rows = [
    row('a'),
    row('b', { status: 'closed' }),
    row('c', { phone: '0571-87654321', idCardMasked: ID_MASKED }),
    row('d', { phone: '13900139000', idCardMasked: ID_MASKED }),
  ]

  it('lists the open needs with the same phone however it is typed, not the closed ones', () => {
    expect(samePhoneHints(rows, '138 0013 8000').map((r) => r.id)).toEqual(['a'])
    expect(samePhoneHints(rows, '0571 87654321').map((r) => r.id)).toEqual(['c'])
  })

  it('leaves out the needs already found by the ID number', () => {
    expect(samePhoneHints(rows, '13800138000', new Set(['a']))).toEqual([])
  })

  it('finds nothing for a half-typed phone, and nothing ever by a masked ID number', () => {
    expect(samePhoneHints(rows, '138001')).toEqual([])
    expect(samePhoneHints(rows, ID_MASKED)).toEqual([])
    expect(samePhoneHints(rows, '')).toEqual([])
  })
})

describe('earlierVisit', () => {
  const form: NeedForm = {
    residentName: '张秀英',
    phone: '13800138000',
    idCard: ID,
    village: '幸福村',
    address: '',
    categoryItem: 'elderly.daily-care',
    channel: 'window',
    urgency: 'normal',
    description: '独居老人需要助餐',
  }
  const need = newNeedDoc(form, { stationId: 'xingfu', ulid: '01JCNEED000000000000000001', number: '20260601-001' }, '2026-06-04', {
    by: '王芳',
    at: '2026-06-01T02:00:00.000Z',
  })
  let n = 0
  const step = (at: string, event: NeedEventInput) =>
    newNeedEventDoc(need, `01JCEVT${String(++n).padStart(19, '0')}`, event, { by: '王芳', at })
  const assign = step('2026-06-01T03:00:00.000Z', { kind: 'assign', handler: { kind: 'cadre', name: '李书记' } })

  it('tells how a closed need ended: its handler, the resolution and the resident’s verdict at the follow-up', () => {
    const visit = earlierVisit(need, [
      step('2026-06-03T02:00:00.000Z', { kind: 'followUp', satisfaction: 'satisfied', note: '老人很满意' }),
      assign,
      step('2026-06-02T02:00:00.000Z', { kind: 'resolve', note: '已安排每周三次送餐' }),
    ])
    expect(visit).toMatchObject({
      id: need._id,
      number: '20260601-001',
      status: 'closed',
      handler: { kind: 'cadre', name: '李书记' },
      resolution: '已安排每周三次送餐',
      satisfaction: 'satisfied',
      followUpNote: '老人很满意',
      closedAt: '2026-06-03T02:00:00.000Z',
    })
  })

  it('after a 不满意, keeps the verdict and shows the newest resolution once it is resolved again', () => {
    const visit = earlierVisit(need, [
      assign,
      step('2026-06-02T02:00:00.000Z', { kind: 'resolve', note: '电话答复' }),
      step('2026-06-02T05:00:00.000Z', { kind: 'followUp', satisfaction: 'dissatisfied' }),
      step('2026-06-03T02:00:00.000Z', { kind: 'resolve', note: '上门送餐' }),
    ])
    expect(visit).toMatchObject({ status: 'resolved', resolution: '上门送餐', satisfaction: 'dissatisfied', followUpNote: null })
  })

  it('gives the reason of a need referred on or declined, and ignores a step that could not apply', () => {
    expect(earlierVisit(need, [step('2026-06-01T04:00:00.000Z', { kind: 'refer', to: '镇司法所', reason: '属法律援助' })])).toMatchObject({
      status: 'referred',
      referredTo: '镇司法所',
      resolution: '属法律援助',
    })
    // A resolve before anyone was assigned (two desks apart) is skipped: it is no outcome.
    const early = step('2026-06-01T02:30:00.000Z', { kind: 'resolve', note: '误操作' })
    expect(earlierVisit(need, [early, step('2026-06-01T04:00:00.000Z', { kind: 'decline', reason: '重复诉求' })])).toMatchObject({
      status: 'declined',
      resolution: '重复诉求',
    })
    expect(earlierVisit(need, [early])).toMatchObject({ status: 'pending', resolution: null, handler: null, dueDate: '2026-06-04' })
  })

  it('orders visits newest first', () => {
    const older = earlierVisit(need, [])
    const newer = { ...older, id: 'need:xingfu:01JD', registeredAt: '2026-06-10T02:00:00.000Z' }
    expect([older, newer].sort(newestVisitFirst).map((v) => v.id)).toEqual([newer.id, older.id])
  })
})
