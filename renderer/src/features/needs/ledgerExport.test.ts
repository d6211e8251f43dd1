import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  ledgerRow,
  type LedgerRow,
  newNeedDoc,
  type NeedDoc,
  type NeedForm,
  newNeedEventDoc,
  type NeedEventInput,
} from '../../domain/needs'
import { createI18n } from '../../i18n'
import { buildLedgerWorkbook, LEDGER_COLUMNS, overdueMark } from './ledgerExport'

const today = '2026-03-20'
const form: NeedForm = {
  residentName: '张三',
  phone: '13800138000',
  idCard: '11010519491231002X',
  village: '幸福村',
  address: '3组12号',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'urgent',
  description: '家里水管漏水，需要上门维修',
}

let seq = 0
function row(overrides: Partial<NeedForm>, at: string, dueDate: string, steps: NeedEventInput[] = []): LedgerRow {
  seq++
  const need: NeedDoc = newNeedDoc(
    { ...form, ...overrides },
    { stationId: 'xingfu', ulid: `01J000000000000000000000${String(seq).padStart(2, '0')}`, number: `20260310-00${seq}` },
    dueDate,
    { by: '王芳', at },
  )
  const events = steps.map((step, i) =>
    newNeedEventDoc(need, `01J1000000000000000000000${i}`, step, { by: '王芳', at: `2026-03-1${2 + i}T02:00:00.000Z` }),
  )
  return ledgerRow(need, events)
}

// Open and past its last day: 是.
const overdue = row({}, '2026-03-10T01:00:00.000Z', '2026-03-13')
// Resolved on time and followed up: 否.
const closed = row(
  { residentName: '李四', idCard: '', categoryItem: 'public.environment', description: '=1+1' },
  '2026-03-11T01:00:00.000Z',
  '2026-03-14',
  [
    { kind: 'assign', handler: { kind: 'cadre', name: '李强' } },
    { kind: 'resolve', note: '已修好' },
    { kind: 'followUp', satisfaction: 'satisfied' },
  ],
)
// Referred onward: its handler is elsewhere, noted in 备注.
const referred = row({ residentName: '王五', idCard: '' }, '2026-03-19T01:00:00.000Z', '2026-03-22', [
  { kind: 'refer', to: '镇社会事务办', reason: '超出驿站职责' },
])

async function readBack(rows: LedgerRow[], lang: 'zh-CN' | 'en' = 'zh-CN') {
  const i18n = createI18n(lang)
  const data = await buildLedgerWorkbook(rows, { t: i18n.t, lang, today, stationName: '幸福村党群服务中心' })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const header = (sheet.getRow(2).values as unknown[]).slice(1)
  /** One data row as { header: value }. */
  const record = (index: number) =>
    Object.fromEntries(header.map((name, i) => [name as string, sheet.getRow(3 + index).getCell(i + 1).value]))
  return { sheet, header, record }
}

describe('buildLedgerWorkbook', () => {
  it('titles the sheet with the station, 群众诉求台账 and the export date', async () => {
    const { sheet } = await readBack([overdue, closed, referred])
    const title = String(sheet.getCell(1, 1).value)
    expect(title).toContain('幸福村党群服务中心')
    expect(title).toContain('群众诉求台账')
    expect(title).toContain(today)
  })

  it('has the office 台账 columns in Chinese, with the header frozen', async () => {
    const { sheet, header } = await readBack([overdue])
    expect(header).toEqual([
      '序号', '诉求编号', '登记日期', '群众姓名', '联系电话', '身份证号', '村（社区）', '地址/网格', '诉求类别', '具体事项',
      '受理渠道', '紧急程度', '诉求内容', '办理人', '办理时限', '办理状态', '办结日期', '回访满意度', '是否超期', '备注',
    ])
    expect(header).toHaveLength(LEDGER_COLUMNS.length)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
  })

  it('writes one row per need in the order given, with the ID number masked', async () => {
    const { sheet, record } = await readBack([overdue, closed, referred])
    expect(sheet.rowCount).toBe(5)
    const first = record(0)
    expect(first['序号']).toBe(1)
    expect(first['诉求编号']).toBe(overdue.number)
    expect(first['群众姓名']).toBe('张三')
    expect(first['联系电话']).toBe('13800138000')
    expect(first['身份证号']).toBe('110105********002X')
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('11010519491231002X')
    expect(first['诉求类别']).toBe('为老')
    expect(first['具体事项']).toBe('生活照料')
    expect(first['受理渠道']).toBe('窗口来访')
    expect(first['紧急程度']).toBe('紧急')
    expect(first['登记日期']).toEqual(new Date('2026-03-10T00:00:00Z'))
    expect(first['办理时限']).toEqual(new Date('2026-03-13T00:00:00Z'))
    expect(record(1)['群众姓名']).toBe('李四')
    expect(record(2)['群众姓名']).toBe('王五')
  })

  it('shows statuses, satisfaction and 是否超期 in Chinese', async () => {
    const { record } = await readBack([overdue, closed, referred])
    expect(record(0)['办理状态']).toBe('待分派')
    expect(record(0)['是否超期']).toBe('是')
    expect(record(1)['办理状态']).toBe('已回访销号')
    expect(record(1)['办理人']).toBe('李强')
    expect(record(1)['回访满意度']).toBe('满意')
    expect(record(1)['办结日期']).toEqual(new Date('2026-03-13T00:00:00Z'))
    expect(record(1)['是否超期']).toBe('否')
    expect(record(2)['办理状态']).toBe('已转办')
    expect(record(2)['是否超期']).toBe('否')
    expect(record(2)['备注']).toBe('转办至：镇社会事务办')
  })

  it('keeps a description that looks like a formula as plain text', async () => {
    const { sheet, record } = await readBack([closed])
    expect(record(0)['诉求内容']).toBe('=1+1')
    const cell = sheet.getRow(3).getCell(LEDGER_COLUMNS.findIndex((c) => c.key === 'description') + 1)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.formula).toBeUndefined()
  })

  it('drops characters the file format cannot hold', async () => {
    const pasted = row({ description: 'a\u0001b\u0007c\n第二行' }, '2026-03-10T01:00:00.000Z', '2026-03-13')
    const { record } = await readBack([pasted])
    expect(record(0)['诉求内容']).toBe('abc\n第二行')
  })

  it('has English headers and labels when the clerk works in English', async () => {
    const { header, record } = await readBack([overdue, referred], 'en')
    expect(header.slice(0, 4)).toEqual(['No.', 'Need number', 'Registered on', 'Resident'])
    expect(header).toContain('Overdue')
    expect(record(0)['Status']).toBe('Awaiting assignment')
    expect(record(0)['Category']).toBe('For the elderly')
    expect(record(0)['Overdue']).toBe('Yes')
    expect(record(1)['Remarks']).toBe('Referred to: 镇社会事务办')
  })

  it('exports an empty ledger as just the title and header', async () => {
    const { sheet } = await readBack([])
    expect(sheet.rowCount).toBe(2)
  })
})

describe('overdueMark', () => {
  it('counts open needs past their last day and needs resolved after it', () => {
    expect(overdueMark(overdue, today)).toBe('yes')
    expect(overdueMark(overdue, '2026-03-13')).toBe('no')
    expect(overdueMark(closed, today)).toBe('no')
    const late = { ...closed, status: 'resolved' as const, resolvedAt: '2026-03-15T02:00:00.000Z' }
    expect(overdueMark(late, today)).toBe('resolvedLate')
    expect(overdueMark(referred, '2026-04-30')).toBe('no')
  })
})
