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
import { DueBadge, StatusTag, useCategoryPath } from './needTags'
import './LedgerTable.css'

// The ledger's list: a virtual list (only the rows on screen exist), built on @tanstack/react-virtual
// rather than antd's virtual Table. At 100,000 rows antd's table re-rendered and re-measured every
// visible row on each scroll step; here rows have one fixed height and each row is memoised, so a
// scroll step only draws the rows that come into view.

export interface LedgerTableHandle {
  focusRow(index: number): void
}

const ROW_HEIGHT = 48
const HEADER_HEIGHT = 48

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
  /** width in px on a wide screen; the description also takes whatever is left over */
  width: number
  /** narrowest it may be squeezed to on a small screen before the list scrolls sideways */
  min: number
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
  { key: 'number', width: 120, min: 112, sort: 'number', firstOrder: 'asc', cell: (row) => row.number },
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
    min: 76,
    sort: 'residentName',
    firstOrder: 'asc',
    cell: (row) => row.residentName,
  },
  { key: 'phone', width: 125, min: 112, cell: (row) => row.phone },
  { key: 'village', width: 105, min: 80, cell: (row) => row.village },
  { key: 'category', width: 165, min: 96, cell: (row, ctx) => ctx.categoryPath(row.categoryItem) },
  { key: 'description', width: 200, min: 100, cell: (row) => row.description },
  { key: 'handler', width: 90, min: 70, cell: (row) => row.handlerName || <span className="ledger-none">—</span> },
  {
    key: 'dueDate',
    width: 180,
    min: 166,
    sort: 'dueDate',
    firstOrder: 'asc',
    cell: (row, ctx) => <DueBadge dueDate={row.dueDate} status={row.status} today={ctx.today} />,
  },
  {
    key: 'status',
    width: 140,
    min: 104,
    sort: 'status',
    firstOrder: 'asc',
    cell: (row) => <StatusTag status={row.status} />,
    title: (row, ctx) => ctx.statusLabel(row.status),
  },
]

/**
 * Column widths for a list `available` px wide: wide screens give the spare width to the description;
 * narrow ones (a 1366 px kiosk) squeeze the wordy columns towards their minimum first, so the deadline
 * and the status stay in sight without scrolling sideways.
 */
export function columnWidths(available: number): number[] {
  const preferred = COLUMNS.reduce((sum, column) => sum + column.width, 0)
  if (available >= preferred) {
    return COLUMNS.map((column) => column.width + (column.key === 'description' ? available - preferred : 0))
  }
  const slack = COLUMNS.reduce((sum, column) => sum + column.width - column.min, 0)
  const squeeze = Math.min(1, (preferred - available) / slack)
  return COLUMNS.map((column) => Math.floor(column.width - (column.width - column.min) * squeeze))
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
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  })

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
  const widths = useMemo(() => columnWidths(size.width - 2), [size.width])
  const totalWidth = widths.reduce((sum, width) => sum + width, 0)
  const gridTemplateColumns = widths.map((width) => `${width}px`).join(' ')
  const ctx = useMemo<CellContext>(
    () => ({ today, categoryPath, statusLabel: (status) => t(`status.${status}`) }),
    [today, categoryPath, t],
  )

  const onRowKey = useCallback(
    (event: KeyboardEvent<HTMLElement>, focused: number) => {
      const index = event.key === 'Enter' ? focused : activeRef.current
      const page = Math.max(1, Math.floor((size.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
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
    [rows, size.height, onOpen, focusRow],
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
        <div role="row" aria-rowindex={1} className="ledger-row" style={{ gridTemplateColumns, height: HEADER_HEIGHT }}>
          {COLUMNS.map((column) => (
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
              top={item.start - HEADER_HEIGHT}
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
      style={{ gridTemplateColumns, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row)}
      onKeyDown={(event) => onKey(event, index)}
      onFocus={() => onFocusRow(index)}
    >
      {COLUMNS.map((column) => {
        const content = column.cell(row, ctx)
        return (
          <div
            key={column.key}
            role="cell"
            className="ledger-cell"
            title={column.title ? column.title(row, ctx) : typeof content === 'string' ? content : undefined}
          >
            {content}
          </div>
        )
      })}
    </div>
  )
})

/** The box's width, and the height left below its top down to the window's bottom (less the page padding). */
function useRemainingSize(ref: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1200, height: 520 })
  useLayoutEffect(() => {
    const measure = () => {
      const box = ref.current?.getBoundingClientRect()
      if (!box) return
      const height = Math.max(300, Math.floor(window.innerHeight - box.top - 24))
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
