import { describe, expect, it } from 'vitest'
import { columnWidths, rowHeightFor } from './LedgerTable'

// The ledger's columns at a 1366×768 desk: 1366 less the menu (200), the page's padding (48) and the list's
// border (2) leaves 1116 px.
const DESK = 1116

const widthOf = (layout: ReturnType<typeof columnWidths>, key: string) => layout.find(({ column }) => column.key === key)?.width
const total = (layout: ReturnType<typeof columnWidths>) => layout.reduce((sum, { width }) => sum + width, 0)

describe('ledger columns', () => {
  it('show every column at a 1366 px desk, category and content wide enough for seven characters a line', () => {
    const layout = columnWidths(DESK, 15)
    expect(layout).toHaveLength(10)
    expect(total(layout)).toBeLessThanOrEqual(DESK) // no scrolling sideways
    // 6 px padding each side
    expect(widthOf(layout, 'category')! - 12).toBeGreaterThanOrEqual(7 * 15)
    expect(widthOf(layout, 'description')! - 12).toBeGreaterThanOrEqual(8 * 15)
    expect(layout.filter(({ column }) => column.wrap).map(({ column }) => column.key)).toEqual(['category', 'description'])
  })

  it('with large text, leave out the phone and the handler rather than cut every column or scroll sideways', () => {
    const layout = columnWidths(DESK, 18)
    expect(total(layout)).toBeLessThanOrEqual(DESK)
    expect(layout.map(({ column }) => column.key)).toEqual(['number', 'registeredAt', 'residentName', 'village', 'category', 'description', 'dueDate', 'status'])
    expect(widthOf(layout, 'category')! - 12).toBeGreaterThanOrEqual(7 * 18)
  })

  it('give a wide screen’s spare width to the content', () => {
    const narrow = columnWidths(1600, 15)
    const wide = columnWidths(1900, 15)
    expect(widthOf(wide, 'description')! - widthOf(narrow, 'description')!).toBe(300)
    expect(widthOf(wide, 'category')).toBe(widthOf(narrow, 'category'))
  })

  it('make rows tall enough for two lines of the text size', () => {
    expect(rowHeightFor(15)).toBe(48)
    expect(rowHeightFor(18)).toBeGreaterThanOrEqual(2 * 18 * 1.3 + 8)
  })
})
