import ExcelJS from 'exceljs'
import type { TFunction } from 'i18next'
import { cleanText, officeSheet } from '../../ui/officeSheet'
import type { DutySecretaryDoc, RotaShift } from '../../domain/duty'
import { changeText, nameOf, slotText, weekdayText } from './dutyRotaText'

// 值班表 as an XLSX file: a title row, one header row, one row per shift of the period with who holds it,
// their village and phone, who the plan had put there and the changes made since. Small (a few hundred
// rows at most), so it is built on the page; ExcelJS is loaded only when someone exports.

type Secretaries = readonly Pick<DutySecretaryDoc, '_id' | 'name' | 'village' | 'phone'>[]

/** One shift as the file shows it: every value text, as the clerk would read it. */
export interface DutyExportRow {
  date: string
  weekday: string
  shift: string
  secretary: string
  village: string
  phone: string
  /** who the plan had put there, where a change moved the shift to someone else */
  planned: string
  /** the changes (代班 / 换班) with reason, who and when, one a line */
  changes: string
}

export const DUTY_EXPORT_COLUMNS: readonly { key: keyof DutyExportRow; width: number }[] = [
  { key: 'date', width: 12 },
  { key: 'weekday', width: 7 },
  { key: 'shift', width: 13 },
  { key: 'secretary', width: 12 },
  { key: 'village', width: 14 },
  { key: 'phone', width: 16 },
  { key: 'planned', width: 12 },
  { key: 'changes', width: 60 },
]

/** The rows of `shifts` (the period's, in the final rota), in date and shift order. */
export function dutyRotaRows(shifts: readonly RotaShift[], rota: readonly RotaShift[], secretaries: Secretaries, t: TFunction): DutyExportRow[] {
  return [...shifts]
    .sort((a, b) => a.date.localeCompare(b.date) || a.slot - b.slot)
    .map((shift) => {
      const holder = secretaries.find((s) => s._id === shift.secretaryId)
      return {
        date: shift.date,
        weekday: weekdayText(t, shift.date),
        shift: slotText(shift),
        secretary: nameOf(t, secretaries, shift.secretaryId),
        village: holder?.village ?? '',
        phone: holder?.phone ?? '',
        planned: shift.plannedSecretaryId !== shift.secretaryId ? nameOf(t, secretaries, shift.plannedSecretaryId) : '',
        changes: shift.changes.map((change) => changeText(t, change, shift, rota, secretaries)).join('\n'),
      }
    })
}

export interface DutyExportOptions {
  t: TFunction
  lang: 'zh-CN' | 'en'
  /** e.g. 星河党群服务驿站 2026年11月 书记轮值表 */
  title: string
  /** e.g. 值班电话：0531-88886666; empty for none */
  footer: string
  stationName: string
}

export async function buildDutyRotaWorkbook(rows: readonly DutyExportRow[], { t, lang, title, footer, stationName }: DutyExportOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = stationName
  const { sheet, fontName } = officeSheet(workbook, {
    name: t('duty.export.sheetName'),
    title,
    lang,
    columns: DUTY_EXPORT_COLUMNS.map((column) => ({
      key: column.key,
      width: column.width,
      header: t(`duty.export.column.${column.key}`),
      horizontal: column.key === 'changes' ? 'left' : 'center',
    })),
  })
  const width = DUTY_EXPORT_COLUMNS.length

  for (const row of rows) sheet.addRow(DUTY_EXPORT_COLUMNS.map((column) => cleanText(row[column.key])))

  if (footer) {
    const at = sheet.rowCount + 2
    sheet.getCell(at, 1).value = cleanText(footer)
    sheet.mergeCells(at, 1, at, width)
    sheet.getCell(at, 1).style = { font: { name: fontName, size: 12 }, alignment: { horizontal: 'left', vertical: 'middle' } }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
