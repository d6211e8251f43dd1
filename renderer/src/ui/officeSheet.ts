import type ExcelJS from 'exceljs'

// The office sheet every export writes (台账, 值班表…): A4 landscape, a merged title row, a shaded
// header row repeated on every printed page, thin borders, 宋体 in Chinese. Each export adds its rows.

// Characters XML 1.0 cannot hold (a paste from another program may carry them); they would corrupt the file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
// Excel refuses cells longer than this.
const CELL_MAX = 32_767

/** Text goes in as a plain string, never as a formula, whatever it starts with ('=1+1' stays '=1+1'). */
export const cleanText = (value: string) => value.replace(XML_INVALID, '').slice(0, CELL_MAX)

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } }
export const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

export interface SheetColumn {
  key: string
  width: number
  header: string
  horizontal: 'left' | 'center'
  numFmt?: string
}

/** A new sheet with its title and header rows; rows added after take their column's look. */
export function officeSheet(
  workbook: ExcelJS.Workbook,
  sheet: { name: string; title: string; columns: readonly SheetColumn[]; lang: 'zh-CN' | 'en' },
): { sheet: ExcelJS.Worksheet; fontName: string } {
  // 宋体 is what office 台账 are printed in; Excel picks it on any Chinese Windows.
  const fontName = sheet.lang === 'en' ? 'Calibri' : '宋体'
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: { paperSize: 9 /* A4 */, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  })
  const width = sheet.columns.length
  // Column styles first: every cell added later takes its column's look.
  ws.columns = sheet.columns.map((column) => ({
    key: column.key,
    width: column.width,
    style: {
      font: { name: fontName, size: 11 },
      border: allBorders,
      alignment: { vertical: 'middle', wrapText: true, horizontal: column.horizontal },
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
    },
  }))

  const title = ws.getRow(1)
  title.getCell(1).value = cleanText(sheet.title)
  ws.mergeCells(1, 1, 1, width)
  title.height = 30
  title.getCell(1).style = { font: { name: fontName, bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }

  const header = ws.getRow(2)
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1)
    cell.value = column.header
    cell.style = {
      font: { name: fontName, bold: true, size: 11 },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } },
      border: allBorders,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    }
  })
  header.height = 24
  return { sheet: ws, fontName }
}
