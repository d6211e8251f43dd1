import { describe, expect, it } from 'vitest'
import { categories } from '../categories'
import { ledgerRow, type LedgerRow } from './ledger'
import { newNeedDoc, type NeedDoc } from './need'
import { newNeedEventDoc, type NeedEventInput } from './needLifecycle'
import { departmentNames, needsAttention, timelineEntries, usedHandlerNames } from './needView'

const need: NeedDoc = newNeedDoc(
  {
    residentName: '张三',
    phone: '13812345678',
    idCard: '',
    village: '幸福村',
    address: '3组',
    categoryItem: 'elderly.daily-care',
    channel: 'window',
    urgency: 'normal',
    description: '屋顶漏水',
  },
  { stationId: 'xingfu', ulid: '01J0000000000000000000000A', number: 'XF-001' },
  '2026-03-04',
  { by: '王芳', at: '2026-03-01T01:00:00.000Z' },
)

let seq = 0
const step = (event: NeedEventInput, at: string, by = '王芳') =>
  newNeedEventDoc(need, `01J00000000000000000000${String(seq++).padStart(3, '0')}`, event, { by, at })

describe('timelineEntries', () => {
  it('starts with the registration, by whoever registered it', () => {
    const [first, ...rest] = timelineEntries(need, [])
    expect(first).toMatchObject({ kind: 'register', at: need.registeredAt, by: '王芳', applied: true, event: null })
    expect(rest).toEqual([])
  })

  it('lists steps in time order whatever order they were read in', () => {
    const assign = step({ kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }, '2026-03-01T02:00:00.000Z')
    const resolve = step({ kind: 'resolve', note: '已修好' }, '2026-03-02T02:00:00.000Z', '李强')
    const entries = timelineEntries(need, [resolve, assign])
    expect(entries.map((e) => e.kind)).toEqual(['register', 'assign', 'resolve'])
    expect(entries.every((e) => e.applied)).toBe(true)
    expect(entries[2]!.by).toBe('李强')
  })

  it('marks a step that could not apply (two desks resolved the same need apart) as not applied', () => {
    const assign = step({ kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }, '2026-03-01T02:00:00.000Z')
    const resolvedHere = step({ kind: 'resolve', note: '已修好' }, '2026-03-02T02:00:00.000Z')
    const resolvedThere = step({ kind: 'resolve', note: '已上门' }, '2026-03-02T03:00:00.000Z')
    const entries = timelineEntries(need, [assign, resolvedThere, resolvedHere])
    expect(entries.map((e) => [e.kind, e.applied])).toEqual([
      ['register', true],
      ['assign', true],
      ['resolve', true],
      ['resolve', false],
    ])
    expect(entries[3]!.event?._id).toBe(resolvedThere._id)
  })

  it('a step after a dissatisfied follow-up applies again (the need reopened)', () => {
    const events = [
      step({ kind: 'assign', handler: { kind: 'cadre', name: '李书记' } }, '2026-03-01T02:00:00.000Z'),
      step({ kind: 'resolve', note: '已修好' }, '2026-03-01T03:00:00.000Z'),
      step({ kind: 'followUp', satisfaction: 'dissatisfied' }, '2026-03-01T04:00:00.000Z'),
      step({ kind: 'resolve', note: '重新修好' }, '2026-03-01T05:00:00.000Z'),
      step({ kind: 'followUp', satisfaction: 'satisfied' }, '2026-03-01T06:00:00.000Z'),
    ]
    expect(timelineEntries(need, events).every((e) => e.applied)).toBe(true)
  })
})

const row = (over: Partial<LedgerRow>): LedgerRow => ({ ...ledgerRow(need, []), ...over })

describe('usedHandlerNames', () => {
  it('gives each name once, most used first, skipping blanks and the names asked to leave out', () => {
    const rows = [
      row({ id: 'a', handlerName: '李书记' }),
      row({ id: 'b', handlerName: '赵主任' }),
      row({ id: 'c', handlerName: '赵主任' }),
      row({ id: 'd', handlerName: '' }),
      row({ id: 'e', handlerName: '民政局' }),
    ]
    expect(usedHandlerNames(rows, ['民政局'])).toEqual(['赵主任', '李书记'])
  })
})

describe('departmentNames', () => {
  it('lists every lead department of the table once', () => {
    const names = departmentNames('zh-CN')
    expect(new Set(names).size).toBe(names.length)
    for (const item of categories.flatMap((c) => c.items)) expect(names).toContain(item.leadDepartment['zh-CN'])
  })
})

describe('needsAttention', () => {
  const today = '2026-03-10'
  const rows = [
    row({ id: 'late1', dueDate: '2026-03-08', registeredAt: '2026-03-05T01:00:00.000Z' }),
    row({ id: 'late3', dueDate: '2026-03-07', registeredAt: '2026-03-04T01:00:00.000Z' }),
    row({ id: 'lateDone', dueDate: '2026-03-01', status: 'resolved' }),
    row({ id: 'todayNormal', dueDate: today, urgency: 'normal', registeredAt: '2026-03-07T01:00:00.000Z' }),
    row({ id: 'todayCritical', dueDate: today, urgency: 'critical', registeredAt: '2026-03-07T03:00:00.000Z' }),
    row({ id: 'todayUrgent', dueDate: today, urgency: 'urgent', registeredAt: '2026-03-07T02:00:00.000Z' }),
    row({ id: 'later', dueDate: '2026-03-12' }),
  ]

  it('puts the longest overdue first and leaves out needs whose clock has stopped', () => {
    const lists = needsAttention(rows, today, 10)
    expect(lists.overdue.map((r) => r.id)).toEqual(['late3', 'late1'])
    expect(lists.overdueTotal).toBe(2)
  })

  it('puts the most urgent of those due today first', () => {
    expect(needsAttention(rows, today, 10).dueToday.map((r) => r.id)).toEqual(['todayCritical', 'todayUrgent', 'todayNormal'])
  })

  it('cuts each list to the limit but counts them all', () => {
    const lists = needsAttention(rows, today, 1)
    expect(lists.dueToday.map((r) => r.id)).toEqual(['todayCritical'])
    expect(lists.dueTodayTotal).toBe(3)
    expect(lists.overdue).toHaveLength(1)
  })
})
