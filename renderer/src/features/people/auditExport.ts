import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { cleanText, officeSheet } from '../../ui/officeSheet'
import type { AuditLine } from './auditText'

// 操作留痕 as an XLSX file: the office sheet (ui/officeSheet.ts), one row per record as on screen.

const COLUMNS = [
  { key: 'time', width: 18, horizontal: 'center' },
  { key: 'person', width: 12, horizontal: 'left' },
  { key: 'action', width: 20, horizontal: 'left' },
  { key: 'target', width: 30, horizontal: 'left' },
  { key: 'detail', width: 30, horizontal: 'left' },
  { key: 'desk', width: 28, horizontal: 'left' },
] as const satisfies readonly { key: keyof AuditLine; width: number; horizontal: 'left' | 'center' }[]

export async function buildAuditWorkbook(
  lines: readonly AuditLine[],
  options: { t: TFunction; lang: 'zh-CN' | 'en'; today: string; stationName: string },
): Promise<Uint8Array> {
  const { t, lang, today, stationName } = options
  const workbook = new ExcelJS.Workbook()
  workbook.creator = stationName
  const { sheet } = officeSheet(workbook, {
    name: t('people.audit.export.sheetName'),
    title: t('people.audit.export.title', { station: stationName, date: today, count: lines.length }),
    lang,
    columns: COLUMNS.map((column) => ({ ...column, header: t(`people.audit.column.${column.key}`) })),
  })
  for (const line of lines) sheet.addRow(COLUMNS.map((column) => cleanText(line[column.key])))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
