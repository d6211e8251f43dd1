import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty, theme } from 'antd'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { LedgerRow, LedgerSort, LedgerSortField, NeedStatus } from '../../domain/needs'
import { localDateTime } from '../../domain/calendar'
import { maskPhone } from '../../domain/personal'
import { DueBadge, StatusTag, useCategoryPath } from './needTags'
import './LedgerTable.css'

// The ledger's list: a virtual list (only the rows on screen exist), built on @tanstack/react-virtual
// rather than antd's virtual Table. At 100,000 rows antd's table re-rendered and re-measured every
// visible row on each scroll step; here rows have one fixed height and each row is memoised, so a
// scroll step only draws the rows that come into view.

export interface LedgerTableHandle {
  focusRow(index: number): void
}

/** A row's height for text of the theme's size: 48 px at 15 px, taller for large text (two lines fit). */
export const rowHeightFor = (fontSize: number) => Math.round(fontSize * 3.2)
/** The text size the widths below are for; large text widens every column as much as its text grows. */
const BASE_FONT_SIZE = 15

type ColumnKey =
  | 'number'
  | 'registeredAt'
  | 'residentName'
  | 'phone'
  | 'village'
  | 'category'
  | 'description'
  | 'handler'
  | 'dueDate'
  | 'status'

interface Column {
  key: ColumnKey
  /** width in px (at 15 px text) on a wide screen; the description also takes whatever is left over */
  width: number
  /** narrowest it may be squeezed to on a small screen (its header and usual content still whole) */
  min: number
  /** long text: two lines, then cut with an ellipsis (the whole text on hover) */
  wrap?: boolean
  sort?: LedgerSortField
  /** the order a first click on the header gives */
  firstOrder?: LedgerSort['order']
  cell(row: LedgerRow, ctx: CellContext): ReactNode
  /** the whole text, shown on hover, where the cell is not plain text */
  title?(row: LedgerRow, ctx: CellContext): string
}

interface CellContext {
  today: string
  categoryPath(code: string): string
  statusLabel(status: NeedStatus): string
}

const COLUMNS: readonly Column[] = [
  { key: 'number', width: 124, min: 112, sort: 'number', firstOrder: 'asc', cell: (row) => row.number },
  {
    key: 'registeredAt',
    width: 150,
    min: 138,
    sort: 'registeredAt',
    firstOrder: 'desc',
    cell: (row) => localDateTime(row.registeredAt),
  },
  {
    key: 'residentName',
    width: 105,
    min: 90,
    sort: 'residentName',
    firstOrder: 'asc',
    cell: (row) => row.residentName,
  },
  { key: 'phone', width: 125, min: 108, cell: (row) => maskPhone(row.phone) },
  { key: 'village', width: 105, min: 88, cell: (row) => row.village },
  { key: 'category', width: 200, min: 120, wrap: true, cell: (row, ctx) => ctx.categoryPath(row.categoryItem) },
  { key: 'description', width: 260, min: 140, wrap: true, cell: (row) => row.description },
  { key: 'handler', width: 90, min: 72, cell: (row) => row.handlerName || <span className="ledger-none">—</span> },
  {
    key: 'dueDate',
    width: 180,
    min: 158,
    sort: 'dueDate',
    firstOrder: 'asc',
    cell: (row, ctx) => <DueBadge dueDate={row.dueDate} status={row.status} today={ctx.today} />,
  },
  {
    key: 'status',
    width: 120,
    min: 80,
    sort: 'status',
    firstOrder: 'asc',
    cell: (row) => <StatusTag status={row.status} />,
    title: (row, ctx) => ctx.statusLabel(row.status),
  },
]

/** Columns left out, in this order, when even their narrowest do not fit: the need's page shows them all. */
const DROP_ORDER: readonly ColumnKey[] = ['phone', 'handler', 'village']

/**
 * The columns shown and their widths for a list `available` px wide with text of `fontSize` px: wide screens
 * give the spare width to the description; narrow ones (a 1366 px kiosk) squeeze every column towards its
 * minimum, so the deadline and the status stay in sight without scrolling sideways. Where even the minimums
 * do not fit (large text), the least needed columns are left out rather than every one cut to a few letters.
 */
export function columnWidths(available: number, fontSize = BASE_FONT_SIZE): { column: Column; width: number }[] {
  const scale = fontSize / BASE_FONT_SIZE
  let shown = COLUMNS.map((column) => ({ column, width: column.width * scale, min: column.min * scale }))
  const total = (what: 'width' | 'min') => shown.reduce((sum, column) => sum + column[what], 0)
  for (const key of DROP_ORDER) {
    if (total('min') <= available) break
    shown = shown.filter(({ column }) => column.key !== key)
  }
  const preferred = total('width')
  if (available >= preferred) {
    const spare = available - preferred
    return shown.map(({ column, width }) => ({ column, width: Math.floor(width + (column.key === 'description' ? spare : 0)) }))
  }
  const squeeze = Math.min(1, (preferred - available) / (preferred - total('min')))
  return shown.map(({ column, width, min }) => ({ column, width: Math.floor(width - (width - min) * squeeze) }))
}

export const LedgerTable = memo(function LedgerTable({
  handle,
  rows,
  listKey,
  sort,
  today,
  empty,
  onSort,
  onOpen,
}: {
  /** lets the search box move focus into the list */
  handle: RefObject<LedgerTableHandle | null>
  rows: LedgerRow[]
  /** changes with the search, filters and order, not with the ledger's own updates */
  listKey: string
  sort: LedgerSort
  today: string
  /** no needs at all, rather than none matching */
  empty: boolean
  onSort(sort: LedgerSort): void
  onOpen(row: LedgerRow): void
}) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const categoryPath = useCategoryPath()
  const scrollRef = useRef<HTMLDivElement>(null)
  const size = useRemainingSize(scrollRef)
  const rowHeight = rowHeightFor(token.fontSize)
  /** the one row reachable with Tab (roving tab index); arrows move it */
  const [active, setActive] = useState(0)
  // Where the arrows move from: the row just asked for, even if a quick second key arrives before
  // the next frame has focused it.
  const activeRef = useRef(0)
  const markActive = useCallback((index: number) => {
    activeRef.current = index
    setActive(index)
  }, [])

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]!.id,
    overscan: 8,
    scrollMargin: rowHeight, // the header row
    scrollPaddingStart: rowHeight,
    useFlushSync: false,
  })
  // Large text switched on or off: the rows' height changed under the virtualizer's own measurements.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight])

  // Back at the top for a new search, filter or order; a need arriving by sync leaves the place alone.
  useEffect(() => {
    markActive(0)
    scrollRef.current?.scrollTo({ top: 0 })
  }, [listKey, markActive])

  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= rows.length) return
      markActive(index)
      virtualizer.scrollToIndex(index, { align: 'auto' })
      // The row may only exist after the scroll has rendered it.
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus({ preventScroll: true }),
      )
    },
    [rows.length, virtualizer, markActive],
  )
  useEffect(() => {
    handle.current = { focusRow }
  }, [handle, focusRow])

  // 2: the list's own border
  const layout = useMemo(() => columnWidths(size.width - 2, token.fontSize), [size.width, token.fontSize])
  const columns = useMemo(() => layout.map(({ column }) => column), [layout])
  const totalWidth = layout.reduce((sum, { width }) => sum + width, 0)
  const gridTemplateColumns = layout.map(({ width }) => `${width}px`).join(' ')
  const ctx = useMemo<CellContext>(
    () => ({ today, categoryPath, statusLabel: (status) => t(`status.${status}`) }),
    [today, categoryPath, t],
  )

  const onRowKey = useCallback(
    (event: KeyboardEvent<HTMLElement>, focused: number) => {
      const index = event.key === 'Enter' ? focused : activeRef.current
      const page = Math.max(1, Math.floor((size.height - rowHeight) / rowHeight) - 1)
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: Math.min(rows.length - 1, index + page),
        PageUp: Math.max(0, index - page),
        Home: 0,
        End: rows.length - 1,
      }
      if (event.key === 'Enter') {
        event.preventDefault()
        onOpen(rows[index]!)
      } else if (event.key in moves) {
        event.preventDefault()
        focusRow(moves[event.key]!)
      }
    },
    [rows, size.height, rowHeight, onOpen, focusRow],
  )

  const style = {
    '--ledger-bg': token.colorBgContainer,
    '--ledger-border': token.colorBorderSecondary,
    '--ledger-header-bg': token.colorFillAlter,
    '--ledger-hover-bg': token.controlItemBgHover,
    '--ledger-focus': token.colorPrimary,
    '--ledger-muted': token.colorTextTertiary,
    '--ledger-radius': `${token.borderRadiusLG}px`,
    height: size.height,
  } as CSSProperties

  const items = virtualizer.getVirtualItems()
  return (
    <div
      ref={scrollRef}
      className="ledger-table"
      style={style}
      role="table"
      aria-label={t('ledger.title')}
      aria-rowcount={rows.length + 1}
      data-testid="ledger-table"
    >
      <div role="rowgroup" className="ledger-head" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="ledger-row" style={{ gridTemplateColumns, height: rowHeight }}>
          {columns.map((column) => (
            <HeaderCell
              key={column.key}
              column={column}
              sort={sort}
              onSort={onSort}
              label={t(`ledger.column.${column.key}`)}
            />
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <div className="ledger-empty" style={{ width: Math.min(totalWidth, size.width) }}>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={empty ? t('ledger.empty.none') : t('ledger.empty.noMatch')}
          />
        </div>
      ) : (
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {items.map((item) => (
            <Row
              key={item.key as string}
              row={rows[item.index]!}
              index={item.index}
              top={item.start - rowHeight}
              height={rowHeight}
              columns={columns}
              tabbable={item.index === Math.min(active, rows.length - 1)}
              gridTemplateColumns={gridTemplateColumns}
              ctx={ctx}
              label={t('ledger.rowLabel', { number: rows[item.index]!.number, name: rows[item.index]!.residentName })}
              onOpen={onOpen}
              onKey={onRowKey}
              onFocusRow={markActive}
            />
          ))}
        </div>
      )}
    </div>
  )
})

function HeaderCell({
  column,
  sort,
  label,
  onSort,
}: {
  column: Column
  sort: LedgerSort
  label: string
  onSort(sort: LedgerSort): void
}) {
  if (!column.sort) {
    return (
      <div role="columnheader" className="ledger-cell ledger-th">
        {label}
      </div>
    )
  }
  const field = column.sort
  const current = sort.field === field ? sort.order : null
  const next: LedgerSort['order'] = current ? (current === 'asc' ? 'desc' : 'asc') : (column.firstOrder ?? 'asc')
  return (
    <div
      role="columnheader"
      className="ledger-cell ledger-th"
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="ledger-sort" onClick={() => onSort({ field, order: next })}>
        <span>{label}</span>
        <span className="ledger-sort-icons" aria-hidden>
          <CaretUpOutlined className={current === 'asc' ? 'on' : undefined} />
          <CaretDownOutlined className={current === 'desc' ? 'on' : undefined} />
        </span>
      </button>
    </div>
  )
}

/** One need. Memoised on its own props, so scrolling never redraws the rows already on screen. */
const Row = memo(function Row({
  row,
  index,
  top,
  height,
  columns,
  tabbable,
  gridTemplateColumns,
  ctx,
  label,
  onOpen,
  onKey,
  onFocusRow,
}: {
  row: LedgerRow
  index: number
  top: number
  height: number
  columns: readonly Column[]
  tabbable: boolean
  gridTemplateColumns: string
  ctx: CellContext
  label: string
  onOpen(row: LedgerRow): void
  onKey(event: KeyboardEvent<HTMLElement>, index: number): void
  onFocusRow(index: number): void
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={label}
      tabIndex={tabbable ? 0 : -1}
      className="ledger-row ledger-body-row"
      data-row-key={row.id}
      data-need-id={row.id}
      data-row-index={index}
      data-status={row.status}
      style={{ gridTemplateColumns, height, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row)}
      onKeyDown={(event) => onKey(event, index)}
      onFocus={() => onFocusRow(index)}
    >
      {columns.map((column) => {
        const content = column.cell(row, ctx)
        return (
          <div
            key={column.key}
            role="cell"
            className="ledger-cell"
            title={column.title ? column.title(row, ctx) : typeof content === 'string' ? content : undefined}
          >
            {column.wrap ? <span className="ledger-wrap">{content}</span> : content}
          </div>
        )
      })}
    </div>
  )
})

/**
 * The box's width, and the height left below its top down to the window's bottom (less the page padding), with
 * the page at its top. Measured from the page's top, not the window's: measured from a page scrolled down, the
 * list grew by the scroll and so kept the page scrolled, its header out of sight.
 */
function useRemainingSize(ref: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1200, height: 520 })
  useLayoutEffect(() => {
    const measure = () => {
      const box = ref.current?.getBoundingClientRect()
      if (!box) return
      const height = Math.max(300, Math.floor(window.innerHeight - (box.top + window.scrollY) - 24))
      const next = { width: Math.floor(box.width), height }
      setSize((old) => (old.width === next.width && old.height === next.height ? old : next))
    }
    measure()
    window.addEventListener('resize', measure)
    // The filter bar wrapping onto another line moves the list down.
    const observer = new ResizeObserver(measure)
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement)
    return () => {
      window.removeEventListener('resize', measure)
      observer.disconnect()
    }
  }, [ref])
  return size
}
