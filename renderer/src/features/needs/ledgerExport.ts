import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { cleanText, officeSheet } from '../../ui/officeSheet'
import { categoryOfItem, findItem, labelOf, type Lang } from '../../domain/categories'
import { localDate } from '../../domain/calendar'
import { type LedgerRow, CLOCK_STOPPED } from '../../domain/needs'

// 诉求台账 as an XLSX file, laid out the way a street office files it: a title row, one header row,
// one row per need with borders, in the order the clerk sees on screen.

export interface LedgerExportOptions {
  t: TFunction
  lang: Lang
  /** YYYY-MM-DD, China time: the export date in the title and the day 是否超期 is judged on */
  today: string
  stationName: string
}

type CellValue = string | number | Date | null

interface ExportContext extends LedgerExportOptions {
  index: number
}

interface LedgerColumn {
  /** i18n key under ledger.export.column */
  key: string
  width: number
  /** dates get a date format; text wraps */
  kind?: 'date' | 'number'
  value(row: LedgerRow, ctx: ExportContext): CellValue
}

/** A calendar date as an Excel date: UTC midnight, since Excel dates carry no time zone. */
const excelDate = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null)

/**
 * 是否超期 as an office counts it: still open past its last day, or resolved after it.
 * Referred and declined needs left the station's hands and are not counted.
 */
export function overdueMark(row: LedgerRow, today: string): 'yes' | 'resolvedLate' | 'no' {
  if (!CLOCK_STOPPED.includes(row.status)) return row.dueDate < today ? 'yes' : 'no'
  if (row.resolvedAt && localDate(row.resolvedAt) > row.dueDate) return 'resolvedLate'
  return 'no'
}

/** The one list of columns: it gives both the header and every row's values, so they cannot drift apart. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'seq', width: 6, kind: 'number', value: (_, ctx) => ctx.index + 1 },
  { key: 'number', width: 14, value: (row) => row.number },
  { key: 'registeredOn', width: 12, kind: 'date', value: (row) => excelDate(localDate(row.registeredAt)) },
  { key: 'residentName', width: 10, value: (row) => row.residentName },
  { key: 'phone', width: 14, value: (row) => row.phone },
  { key: 'idCard', width: 20, value: (row) => row.idCardMasked },
  { key: 'village', width: 12, value: (row) => row.village },
  { key: 'address', width: 18, value: (row) => row.address },
  {
    key: 'category',
    width: 14,
    value: (row, { lang }) => {
      const category = categoryOfItem(row.categoryItem)
      return category ? category.label[lang] : labelOf(row.categoryItem, lang)
    },
  },
  { key: 'item', width: 16, value: (row, { lang }) => findItem(row.categoryItem)?.label[lang] ?? '' },
  { key: 'channel', width: 10, value: (row, { t }) => t(`channel.${row.channel}`) },
  { key: 'urgency', width: 8, value: (row, { t }) => t(`urgency.${row.urgency}`) },
  { key: 'description', width: 40, value: (row) => row.description },
  { key: 'handler', width: 12, value: (row) => row.handlerName },
  { key: 'dueDate', width: 12, kind: 'date', value: (row) => excelDate(row.dueDate) },
  { key: 'status', width: 12, value: (row, { t }) => t(`status.${row.status}`) },
  {
    key: 'resolvedOn',
    width: 12,
    kind: 'date',
    value: (row) => excelDate(row.resolvedAt ? localDate(row.resolvedAt) : null),
  },
  { key: 'satisfaction', width: 10, value: (row, { t }) => (row.satisfaction ? t(`satisfaction.${row.satisfaction}`) : '') },
  { key: 'overdue', width: 10, value: (row, { t, today }) => t(`ledger.export.overdue.${overdueMark(row, today)}`) },
  {
    key: 'remark',
    width: 20,
    value: (row, { t }) => (row.referredTo ? t('ledger.export.referredTo', { to: row.referredTo }) : ''),
  },
]

/** Builds the workbook of `rows` in the order given. */
export async function buildLedgerWorkbook(rows: readonly LedgerRow[], options: LedgerExportOptions): Promise<Uint8Array> {
  const { t, lang, today, stationName } = options
  const workbook = new ExcelJS.Workbook()
  workbook.creator = stationName
  const { sheet } = officeSheet(workbook, {
    name: t('ledger.export.sheetName'),
    title: t('ledger.export.title', { station: stationName, date: today, count: rows.length }),
    lang,
    columns: LEDGER_COLUMNS.map((column) => ({
      key: column.key,
      width: column.width,
      header: t(`ledger.export.column.${column.key}`),
      horizontal: column.kind ? 'center' : 'left',
      ...(column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}),
    })),
  })
  const width = LEDGER_COLUMNS.length
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } }

  const ctx: ExportContext = { ...options, index: 0 }
  rows.forEach((row, index) => {
    ctx.index = index
    sheet.addRow(
      LEDGER_COLUMNS.map((column) => {
        const value = column.value(row, ctx)
        return typeof value === 'string' ? cleanText(value) : value
      }),
    )
  })

  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
