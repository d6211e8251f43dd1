import { describe, expect, it } from 'vitest'
import { localDate } from '../calendar'
import {
  ledgerRow,
  matchesFilter,
  newestFirst,
  openNeedsOf,
  queryLedger,
  rowDueStatus,
  todaysWork,
  type LedgerFilter,
  type LedgerRow,
  type LedgerSortField,
} from './ledger'
import { newNeedDoc, type NeedChannel, type Urgency } from './need'
import { newNeedEventDoc, type NeedEventInput } from './needLifecycle'

const today = '2026-11-24'
const STATION = 'xinghe-01'
// The example printed in GB 11643-1999 (see idCard.test.ts).
const ID = '11010519491231002X'

interface Spec {
  key: string
  name: string
  phone: string
  idCard?: string
  at: string
  village: string
  item: string
  description: string
  dueDate: string
  number: string
  events?: Array<[string, NeedEventInput]>
}

let made = 0
function row(spec: Spec): LedgerRow {
  const ulid = `01JC${spec.key.padStart(22, '0')}`
  const need = newNeedDoc(
    {
      residentName: spec.name,
      phone: spec.phone,
      idCard: spec.idCard ?? '',
      village: spec.village,
      address: '',
      categoryItem: spec.item,
      channel: 'window' as NeedChannel,
      urgency: 'normal' as Urgency,
      description: spec.description,
    },
    { stationId: STATION, ulid, number: spec.number },
    spec.dueDate,
    { by: '王芳', at: spec.at },
  )
  const events = (spec.events ?? []).map(([at, input]) =>
    newNeedEventDoc(need, `01JCEVT${String(++made).padStart(19, '0')}`, input, { by: '王芳', at }),
  )
  return ledgerRow(need, events)
}

const assign = (name: string, kind: 'cadre' | 'department' = 'cadre'): NeedEventInput => ({ kind: 'assign', handler: { kind, name } })
const resolve: NeedEventInput = { kind: 'resolve', note: '已办理' }

// Registered over a week; "today" is 24 November 2026 (China time).
const zhangSan = row({
  key: 'zhangsan',
  name: '张三',
  phone: '13800138000',
  idCard: ID,
  at: '2026-11-20T02:00:00.000Z',
  village: '星河村',
  item: 'elderly.daily-care',
  description: '独居老人需要每周上门助餐',
  dueDate: '2026-11-23',
  number: '20261120-001',
})
const liSi = row({
  key: 'lisi',
  name: '李四',
  phone: '13900139000',
  at: '2026-11-21T03:00:00.000Z',
  village: '光明社区',
  item: 'children.living-relief',
  description: '孩子上学路上的路灯坏了',
  dueDate: '2026-11-24',
  number: '20261121-001',
  events: [['2026-11-21T04:00:00.000Z', assign('李书记')]],
})
const wangWu = row({
  key: 'wangwu',
  name: '王五',
  phone: '0531-88888888',
  at: '2026-11-22T04:00:00.000Z',
  village: '星河村',
  item: 'hardship.medical-aid',
  description: '医疗救助申请材料不会填写',
  dueDate: '2026-11-25',
  number: '20261122-001',
  events: [
    ['2026-11-22T05:00:00.000Z', assign('民政办', 'department')],
    ['2026-11-23T05:00:00.000Z', resolve],
  ],
})
// 01:00 on 24 November, China time.
const zhangSanFeng = row({
  key: 'zhangsanfeng',
  name: '张三丰',
  phone: '13700137000',
  at: '2026-11-23T17:00:00.000Z',
  village: '星河村',
  item: 'elderly.companionship',
  description: '想参加老年大学太极拳班',
  dueDate: '2026-11-27',
  number: '20261124-001',
})
// 23:59 on 23 November, China time.
const zhaoLiu = row({
  key: 'zhaoliu',
  name: '赵六',
  phone: '13600136000',
  at: '2026-11-23T15:59:00.000Z',
  village: '光明社区',
  item: 'public.environment',
  description: '小区 WiFi 信号塔附近堆放垃圾',
  dueDate: '2026-11-26',
  number: '20261123-001',
  events: [['2026-11-23T16:30:00.000Z', { kind: 'refer', to: '镇综合执法队', reason: '属执法事项' }]],
})
const qianQi = row({
  key: 'qianqi',
  name: '钱七',
  phone: '13500135000',
  at: '2026-11-19T01:00:00.000Z',
  village: '星河村',
  item: 'elderly.daily-care',
  description: '助浴服务预约',
  dueDate: '2026-11-22',
  number: '20261119-001',
  events: [
    ['2026-11-19T02:00:00.000Z', assign('民政办', 'department')],
    ['2026-11-20T02:00:00.000Z', resolve],
    ['2026-11-21T02:00:00.000Z', { kind: 'followUp', satisfaction: 'dissatisfied' }],
  ],
})
const sunBa = row({
  key: 'sunba',
  name: '孙八',
  phone: '13400134000',
  at: '2026-11-18T01:00:00.000Z',
  village: '光明社区',
  item: 'other.other',
  description: '咨询房屋买卖纠纷',
  dueDate: '2026-11-21',
  number: '20261118-001',
  events: [['2026-11-18T02:00:00.000Z', { kind: 'decline', reason: '属民事纠纷，已告知诉讼途径' }]],
})
const zhouJiu = row({
  key: 'zhoujiu',
  name: '周九',
  phone: '13800138000',
  at: '2026-11-17T01:00:00.000Z',
  village: '星河村',
  item: 'elderly.smart-devices',
  description: '教老人用智能手机挂号',
  dueDate: '2026-11-20',
  number: '20261117-001',
  events: [
    ['2026-11-17T02:00:00.000Z', assign('李书记')],
    ['2026-11-17T03:00:00.000Z', resolve],
    ['2026-11-18T03:00:00.000Z', { kind: 'followUp', satisfaction: 'satisfied' }],
  ],
})

const ROWS = [zhangSan, liSi, wangWu, zhangSanFeng, zhaoLiu, qianQi, sunBa, zhouJiu].sort(newestFirst)
const names = (rows: readonly LedgerRow[]) => rows.map((r) => r.residentName)
const find = (filter: LedgerFilter) => names(queryLedger(ROWS, filter, { field: 'registeredAt', order: 'desc' }, today))
const findSet = (filter: LedgerFilter) => find(filter).sort()

describe('ledger rows', () => {
  it('carry the need, its folded status and handler, and a masked ID number', () => {
    expect(wangWu).toMatchObject({
      id: `need:${STATION}:01JC${'wangwu'.padStart(22, '0')}`,
      number: '20261122-001',
      residentName: '王五',
      phone: '0531-88888888',
      status: 'resolved',
      handlerName: '民政办',
      resolvedAt: '2026-11-23T05:00:00.000Z',
      closedAt: null,
    })
    expect(zhangSan.idCardMasked).toBe('110105********002X')
    expect(JSON.stringify(zhangSan)).not.toContain(ID)
    expect(liSi.idCardMasked).toBe('')
  })

  it('are ordered newest first by the natural ledger order', () => {
    expect(names(ROWS)).toEqual(['张三丰', '赵六', '王五', '李四', '张三', '钱七', '孙八', '周九'])
  })
})

describe('rowDueStatus', () => {
  it('tells overdue, due today, due tomorrow, on track and stopped apart', () => {
    expect(rowDueStatus(zhangSan, today)).toBe('overdue')
    expect(rowDueStatus(liSi, today)).toBe('dueToday')
    expect(rowDueStatus(zhangSanFeng, '2026-11-26')).toBe('dueSoon')
    expect(rowDueStatus(zhangSanFeng, today)).toBe('onTrack')
    for (const stopped of [wangWu, zhaoLiu, sunBa, zhouJiu]) expect(rowDueStatus(stopped, '2027-01-01')).toBe('closed')
  })

  it('runs the clock again for a need reopened by a dissatisfied follow-up', () => {
    expect(qianQi.status).toBe('inProgress')
    expect(rowDueStatus(qianQi, today)).toBe('overdue')
  })
})

describe('filtering the ledger', () => {
  it('shows everything with an empty filter', () => {
    expect(find({})).toEqual(names(ROWS))
    expect(find({ statuses: [], text: '   ' })).toEqual(names(ROWS))
  })

  it('by status, one or several', () => {
    expect(findSet({ statuses: ['pending'] })).toEqual(['张三', '张三丰'].sort())
    expect(findSet({ statuses: ['inProgress'] })).toEqual(['李四', '钱七'].sort())
    expect(findSet({ statuses: ['resolved', 'closed'] })).toEqual(['王五', '周九'].sort())
    expect(findSet({ statuses: ['referred', 'declined'] })).toEqual(['赵六', '孙八'].sort())
  })

  it('by a category code, finding all its items', () => {
    expect(findSet({ category: 'elderly' })).toEqual(['张三', '张三丰', '钱七', '周九'].sort())
  })

  it('by one category item only', () => {
    expect(findSet({ category: 'elderly.daily-care' })).toEqual(['张三', '钱七'].sort())
    expect(findSet({ category: 'elderly.companionship' })).toEqual(['张三丰'])
  })

  it('by whole category codes only: a prefix of a code finds nothing', () => {
    expect(find({ category: 'elder' })).toEqual([])
    expect(find({ category: 'elderly.daily' })).toEqual([])
  })

  it('by village', () => {
    expect(findSet({ village: '光明社区' })).toEqual(['李四', '赵六', '孙八'].sort())
  })

  it('by handler', () => {
    expect(findSet({ handler: '民政办' })).toEqual(['王五', '钱七'].sort())
    expect(findSet({ handler: '李书记' })).toEqual(['李四', '周九'].sort())
  })

  it('by registration date in China time: 17:00Z on the 23rd is already the 24th', () => {
    expect(localDate(zhangSanFeng.registeredAt)).toBe('2026-11-24')
    expect(find({ from: '2026-11-24' })).toEqual(['张三丰'])
    expect(find({ to: '2026-11-23' })).not.toContain('张三丰')
  })

  it('by registration date in China time: 23:59 on the 23rd (15:59Z) is still the 23rd', () => {
    expect(find({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['赵六'])
  })

  it('by a date range, both ends included', () => {
    expect(find({ from: '2026-11-20', to: '2026-11-22' })).toEqual(['王五', '李四', '张三'])
    expect(find({ from: '2026-11-17', to: '2026-11-17' })).toEqual(['周九'])
  })

  it('to overdue needs only: past their due date and still open', () => {
    expect(findSet({ overdueOnly: true })).toEqual(['张三', '钱七'].sort())
  })

  it('by several conditions at once, all of which must hold', () => {
    expect(find({ village: '星河村', category: 'elderly', statuses: ['pending'] })).toEqual(['张三丰', '张三'])
    expect(find({ village: '星河村', category: 'elderly', statuses: ['pending'], overdueOnly: true })).toEqual(['张三'])
    expect(find({ village: '光明社区', handler: '民政办' })).toEqual([])
  })

  it('matchesFilter agrees with queryLedger row by row', () => {
    const filter: LedgerFilter = { village: '星河村', overdueOnly: true }
    expect(ROWS.filter((r) => matchesFilter(r, filter, today))).toEqual(
      queryLedger(ROWS, filter, { field: 'registeredAt', order: 'desc' }, today),
    )
  })
})

describe('searching the ledger', () => {
  it('finds a resident by Chinese name, and by part of a name', () => {
    expect(find({ text: '张三' })).toEqual(['张三丰', '张三'])
    expect(find({ text: '三丰' })).toEqual(['张三丰'])
    expect(find({ text: '王五' })).toEqual(['王五'])
  })

  it('finds 张三 by the pinyin initials "zs", in any case', () => {
    expect(find({ text: 'zs' })).toEqual(['张三丰', '张三'])
    expect(find({ text: 'ZS' })).toEqual(['张三丰', '张三'])
    expect(find({ text: 'zsf' })).toEqual(['张三丰'])
  })

  it('finds a resident by full pinyin, with or without spaces', () => {
    expect(find({ text: 'zhangsanfeng' })).toEqual(['张三丰'])
    expect(find({ text: 'zhang san' })).toEqual(['张三丰', '张三'])
    expect(find({ text: 'lisi' })).toEqual(['李四'])
  })

  it('finds a resident by phone digits, whole or in part, however they are grouped', () => {
    expect(find({ text: '13900139000' })).toEqual(['李四'])
    expect(find({ text: '1390013' })).toEqual(['李四'])
    expect(find({ text: '139 0013 9000' })).toEqual(['李四'])
    expect(find({ text: '139-0013-9000' })).toEqual(['李四'])
  })

  it('finds a landline by its digits with or without the area code dash', () => {
    expect(find({ text: '88888888' })).toEqual(['王五'])
    expect(find({ text: '0531-88888888' })).toEqual(['王五'])
  })

  it('finds every need of one phone number', () => {
    expect(find({ text: '13800138000' })).toEqual(['张三', '周九'])
  })

  it('finds a need by its number', () => {
    expect(find({ text: '20261122-001' })).toEqual(['王五'])
    expect(find({ text: '20261122' })).toEqual(['王五'])
  })

  it('finds a need by words of its description', () => {
    expect(find({ text: '助餐' })).toEqual(['张三'])
    expect(find({ text: '路灯' })).toEqual(['李四'])
    expect(find({ text: '太极拳' })).toEqual(['张三丰'])
  })

  it('finds words of the description whatever their case', () => {
    expect(find({ text: 'WiFi' })).toEqual(['赵六'])
    expect(find({ text: 'wifi' })).toEqual(['赵六'])
  })

  it('finds nothing for text that is nowhere', () => {
    expect(find({ text: '欧阳' })).toEqual([])
    expect(find({ text: 'xyz' })).toEqual([])
    expect(find({ text: '99999999' })).toEqual([])
  })

  it('searches within the other filters only', () => {
    expect(find({ text: 'zs', statuses: ['pending'], from: '2026-11-24' })).toEqual(['张三丰'])
  })
})

describe('sorting the ledger', () => {
  const sorted = (field: LedgerSortField, order: 'asc' | 'desc') => queryLedger(ROWS, {}, { field, order }, today)

  it('by registration time, newest first or oldest first', () => {
    expect(names(sorted('registeredAt', 'desc'))).toEqual(names(ROWS))
    expect(names(sorted('registeredAt', 'asc'))).toEqual([...names(ROWS)].reverse())
  })

  it('does not change the rows it is given', () => {
    const before = [...ROWS]
    sorted('registeredAt', 'asc')
    sorted('residentName', 'asc')
    expect(ROWS).toEqual(before)
  })

  it('by due date, either way', () => {
    const asc = sorted('dueDate', 'asc').map((r) => r.dueDate)
    expect(asc).toEqual([...asc].sort())
    expect(asc[0]).toBe('2026-11-20')
    const desc = sorted('dueDate', 'desc').map((r) => r.dueDate)
    expect(desc).toEqual([...asc].reverse())
  })

  it('by number, either way', () => {
    expect(sorted('number', 'asc').map((r) => r.number)).toEqual([
      '20261117-001',
      '20261118-001',
      '20261119-001',
      '20261120-001',
      '20261121-001',
      '20261122-001',
      '20261123-001',
      '20261124-001',
    ])
    expect(sorted('number', 'desc').map((r) => r.number)[0]).toBe('20261124-001')
  })

  it('by name in pinyin order, as a Chinese reader expects', () => {
    expect(names(sorted('residentName', 'asc'))).toEqual(['李四', '钱七', '孙八', '王五', '张三', '张三丰', '赵六', '周九'])
    expect(names(sorted('residentName', 'desc'))).toEqual(['周九', '赵六', '张三丰', '张三', '王五', '孙八', '钱七', '李四'])
  })

  it('by status in the order of a need\'s life: pending, in progress, resolved, closed, referred, declined', () => {
    expect(sorted('status', 'asc').map((r) => r.status)).toEqual([
      'pending',
      'pending',
      'inProgress',
      'inProgress',
      'resolved',
      'closed',
      'referred',
      'declined',
    ])
    expect(sorted('status', 'desc').map((r) => r.status)[0]).toBe('declined')
  })

  it('puts rows that tie newest first, every time', () => {
    // Same name, same instant (two stations registering at once): only the id tells them apart.
    const at = '2026-11-24T02:00:00.000Z'
    const twins = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((key) =>
      row({ key, name: '张三', phone: '13800138000', at, village: '星河村', item: 'other.other', description: 'x', dueDate: '2026-11-27', number: `20261124-00${key}` }),
    )
    const newest = [...twins].sort(newestFirst)
    for (const field of ['residentName', 'status', 'dueDate'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        expect(queryLedger(newest, {}, { field, order }, today).map((r) => r.id), `${field} ${order}`).toEqual(
          newest.map((r) => r.id),
        )
      }
    }
  })
})

describe("today's work", () => {
  it('counts what was registered today (China time), is due today, is overdue and is still open', () => {
    expect(todaysWork(ROWS, today)).toEqual({ registeredToday: 1, dueToday: 1, overdue: 2, open: 4 })
  })

  it('counts the 23:59 registration on the day before', () => {
    expect(todaysWork(ROWS, '2026-11-23').registeredToday).toBe(1)
    expect(todaysWork([zhaoLiu], '2026-11-23').registeredToday).toBe(1)
  })

  it('is all zero for an empty ledger', () => {
    expect(todaysWork([], today)).toEqual({ registeredToday: 0, dueToday: 0, overdue: 0, open: 0 })
  })
})

describe('openNeedsOf', () => {
  it('finds a resident\'s open needs by phone, however it is written, and leaves out closed ones', () => {
    // 周九 has the same phone as 张三, but that need is closed.
    expect(names(openNeedsOf(ROWS, { phone: '138-0013-8000' }))).toEqual(['张三'])
    expect(names(openNeedsOf(ROWS, { phone: '13800138000' }))).toEqual(['张三'])
  })

  it('finds a landline resident by phone', () => {
    const open = row({ key: 'landline', name: '王五', phone: '0531-88888888', at: '2026-11-24T02:00:00.000Z', village: '星河村', item: 'other.other', description: '再次来访', dueDate: '2026-11-27', number: '20261124-002' })
    expect(names(openNeedsOf([open, ...ROWS], { phone: '053188888888' }))).toEqual(['王五'])
    // The resolved one is not open.
    expect(openNeedsOf(ROWS, { phone: '0531-88888888' })).toEqual([])
  })

  it('does not match on a phone too short to tell residents apart', () => {
    expect(openNeedsOf(ROWS, { phone: '138' })).toEqual([])
    expect(openNeedsOf(ROWS, { phone: '' })).toEqual([])
    expect(openNeedsOf(ROWS, {})).toEqual([])
  })
})

describe('date range on instants stored in another form', () => {
  it('a registration time not in the app’s own UTC form is still placed on its China date', () => {
    const row = { ...ROWS[0]!, registeredAt: '2026-11-24T01:00:00+08:00' } // 23rd 17:00Z, the 24th in China
    expect(matchesFilter(row, { from: '2026-11-24', to: '2026-11-24' }, '2026-11-25')).toBe(true)
    expect(matchesFilter(row, { to: '2026-11-23' }, '2026-11-25')).toBe(false)
  })
})
