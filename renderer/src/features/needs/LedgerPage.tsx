import { ClearOutlined, DownloadOutlined, LoadingOutlined, SearchOutlined } from '@ant-design/icons'
import { App, Button, Flex, Input, Typography } from 'antd'
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { refusalKeys } from '../../data/command'
import { useLedger } from '../../ui/useLedger'
import type { LedgerStore } from '../../data/ledgerStore'
import type { Lang } from '../../domain/categories'
import type { LedgerRow, LedgerSort } from '../../domain/needs'
import { shell } from '../../shell/browserShell'
import { addressOf, DEFAULT_SORT, filterKeyOf, filtersOf, sortOf, type Update } from './ledgerAddress'
import { buildLedgerFile, LEDGER_MIME_TYPE } from './ledgerFile'
import { Field, FilterBar } from './LedgerFilterBar'
import { LedgerTable, type LedgerTableHandle } from './LedgerTable'

// 诉求台账: every need at this station, filtered and searched in memory (fast at 100,000 rows) and
// drawn with a virtual table. The filters live in the address, so coming back from a need keeps them.
// The search box, the filter bar and the list are separate memoised parts, and the search runs as a
// transition: a key press repaints the box at once, the list follows without blocking the next key.

/** The address follows the page's filters this long after the last change. */
const URL_DELAY_MS = 150
/** The address bar shows the ledger (hash routing: '#/needs' or '#/needs?…'). */
const stillOnLedger = () => new URL(window.location.hash.slice(1) || '/', 'http://x').pathname === paths.ledger

export function LedgerPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { station, services } = useStation()
  const ctx = useCommandContext()
  const { ledger, version } = useLedger()
  const today = useToday()
  const navigate = useNavigate()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [params, setParams] = useSearchParams()

  // The filters and the search text are this page's state, copied to the address (replacing the entry, so
  // Back leaves the ledger rather than undoing filters one by one) and taken back from it when the
  // address changes from outside (Back from a need, the menu). The address is not the state itself:
  // its updates arrive as transitions, and two quick changes would each start from the old address.
  const urlFilterKey = filterKeyOf(params)
  const urlText = params.get('q') ?? ''
  const [filterKey, setFilterKey] = useState(urlFilterKey)
  /** what the list is searched for; follows the box a frame later */
  const [text, setText] = useState(urlText)
  const [boxText, setBoxText] = useState(urlText)
  const written = useRef(addressOf(urlFilterKey, urlText))
  useEffect(() => {
    const address = addressOf(urlFilterKey, urlText)
    if (address === written.current) return
    written.current = address
    setFilterKey(urlFilterKey)
    setText(urlText)
    setBoxText(urlText)
  }, [urlFilterKey, urlText])
  useEffect(() => {
    const address = addressOf(filterKey, text)
    if (address === written.current) return
    const timer = setTimeout(() => {
      // The clerk may have just left for another page (a menu click is a transition, so this page is
      // still mounted): writing the filters now would pull them back to the ledger.
      if (!stillOnLedger()) return
      written.current = address
      setParams(new URLSearchParams(address), { replace: true })
    }, URL_DELAY_MS)
    return () => clearTimeout(timer)
  }, [filterKey, text, setParams])

  const update = useCallback<Update>(
    (changes) =>
      setFilterKey((previous) => {
        const next = new URLSearchParams(previous)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        next.sort()
        return next.toString()
      }),
    [],
  )

  // Each key shows in the box at once; the search (a few frames on a big ledger) starts once the box has
  // been painted, and only for the last key typed by then.
  const lastKey = useRef(0)
  useEffect(() => () => void lastKey.current++, [])
  const onSearch = useCallback((value: string) => {
    setBoxText(value)
    const key = ++lastKey.current
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (key === lastKey.current) startTransition(() => setText(value))
      }),
    )
  }, [])

  const filters = useMemo(() => filtersOf(new URLSearchParams(filterKey)), [filterKey])
  const sort = useMemo(() => sortOf(new URLSearchParams(filterKey)), [filterKey])
  const rows = useMemo(
    () => ledger.query({ ...filters, text }, sort, today),
    // version is not read here, but it is how the ledger (one store, changed in place) says its rows changed:
    // a need written here or arriving by sync re-runs the query
    [ledger, version, filters, text, sort, today],
  )
  const total = ledger.all().length

  // Choices for the village and handler filters: the station's villages, plus any an older record names.
  // A scan of every row, so it follows writes at low priority: a new need is painted first.
  const facetVersion = useDeferredValue(version)
  const { villages, handlers } = useMemo(() => {
    const villageSet = new Set(station.villages)
    const handlerSet = new Set<string>()
    for (const row of ledger.all()) {
      villageSet.add(row.village)
      if (row.handlerName) handlerSet.add(row.handlerName)
    }
    return { villages: [...villageSet], handlers: [...handlerSet].sort(new Intl.Collator('zh-CN').compare) }
    // facetVersion is not read here: it is the ledger's version, deferred, so the scan follows its changes late
  }, [ledger, facetVersion, station.villages])

  const filtering = Object.values(filters).some((v) => v !== undefined && v !== false)
  // The count describes the list on screen, which follows the box a moment later.
  const filtered = filtering || text.trim() !== ''
  const clearFilters = () => {
    lastKey.current++
    setFilterKey('')
    setBoxText('')
    setText('')
  }

  // ---- rows: open, and move between them with the keyboard ----
  const tableRef = useRef<LedgerTableHandle>(null)
  const wanted = useRef('')
  wanted.current = addressOf(filterKey, text)
  const open = useCallback(
    (row: LedgerRow) => {
      // Filters changed a moment ago are put in the address first, so Back returns to them.
      if (wanted.current !== written.current) {
        written.current = wanted.current
        setParams(new URLSearchParams(wanted.current), { replace: true })
      }
      navigate(paths.need(row.id))
    },
    [navigate, setParams],
  )
  const latest = useRef({ rows, filters, sort, today, boxText, text })
  latest.current = { rows, filters, sort, today, boxText, text }
  const onSearchKey = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      const now = latest.current
      if (event.key === 'Enter') {
        // Enter on a search that finds exactly one need (a number, a phone) opens it, even if the
        // list has not caught up with the last key yet.
        const found =
          now.boxText === now.text ? now.rows : ledger.query({ ...now.filters, text: now.boxText }, now.sort, now.today)
        if (found.length === 1) open(found[0]!)
      } else if (event.key === 'ArrowDown' && now.rows.length > 0) {
        // ↓ goes from the box into the list.
        event.preventDefault()
        tableRef.current?.focusRow(0)
      }
    },
    [ledger, open],
  )
  const onSort = useCallback(
    (next: LedgerSort) =>
      update(
        next.field === DEFAULT_SORT.field && next.order === DEFAULT_SORT.order
          ? { sort: undefined, order: undefined }
          : { sort: next.field, order: next.order },
      ),
    [update],
  )

  // ---- export ----
  const [exporting, setExporting] = useState(false)
  const exportLedger = async () => {
    if (rows.length === 0) {
      void message.info(t('ledger.export.nothing'))
      return
    }
    // Personal data leaves the station in this file: only roles allowed to, and recorded (data/privacyRepository).
    const allowed = await services.privacy.allowExport('ledger', rows.length, ctx())
    if (!allowed.ok) {
      void message.error(refusalKeys(allowed).map((key) => t(key)).join('；'))
      return
    }
    setExporting(true)
    const busy = 'ledger-export'
    void message.loading({ key: busy, content: t('ledger.export.busy', { count: rows.length }), duration: 0 })
    try {
      const data = await buildLedgerFile(rows, { t: i18n.t.bind(i18n), lang, today, stationName: station.name })
      message.destroy(busy)
      const saved = await shell.saveFile({
        suggestedName: t('ledger.export.fileName', { date: today.replaceAll('-', '') }),
        data,
        mimeType: LEDGER_MIME_TYPE,
      })
      if (saved) void message.success(t('ledger.export.done', { count: rows.length }))
      else void message.info(t('ledger.export.cancelled'))
    } catch (error) {
      message.destroy(busy)
      void message.error(t('ledger.export.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setExporting(false)
    }
  }

  return (
    <Flex vertical gap={12}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex align="baseline" gap={16}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('ledger.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="ledger-count" aria-live="polite">
            {filtered ? t('ledger.countFiltered', { count: rows.length, total }) : t('ledger.count', { count: total })}
          </Typography.Text>
          <LoadingNote ledger={ledger} />
        </Flex>
        <Flex gap={8}>
          <Button icon={<ClearOutlined />} onClick={clearFilters} disabled={!filtering && boxText === ''}>
            {t('ledger.filter.clear')}
          </Button>
          <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLedger()}>
            {t('ledger.export.button')}
          </Button>
        </Flex>
      </Flex>

      <Flex wrap gap={12} align="flex-end" role="search">
        <SearchBox value={boxText} onChange={onSearch} onKeyDown={onSearchKey} />
        <FilterBar filters={filters} villages={villages} handlers={handlers} lang={lang} update={update} />
      </Flex>

      <LedgerTable
        handle={tableRef}
        rows={rows}
        listKey={`${filterKey}|${text}`}
        sort={sort}
        today={today}
        empty={total === 0}
        onSort={onSort}
        onOpen={open}
      />
    </Flex>
  )
}

/** While the ledger store reads the rest of a big ledger in the background (the newest rows are shown). */
function LoadingNote({ ledger }: { ledger: LedgerStore }) {
  const { t } = useTranslation()
  const { read, total } = useSyncExternalStore(ledger.subscribeProgress, ledger.getProgress)
  if (!ledger.loading) return null
  const percent = total > 0 ? Math.min(99, Math.floor((read / total) * 100)) : 0
  return (
    <Typography.Text type="secondary" data-testid="ledger-loading" role="status">
      <LoadingOutlined aria-hidden /> {t('ledger.loading', { percent })}
    </Typography.Text>
  )
}

const SearchBox = memo(function SearchBox({
  value,
  onChange,
  onKeyDown,
}: {
  value: string
  onChange(value: string): void
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void
}) {
  const { t } = useTranslation()
  return (
    <Field label={t('ledger.filter.search')} width={300}>
      <Input
        autoFocus
        allowClear
        aria-label={t('ledger.filter.search')}
        placeholder={t('ledger.filter.searchPlaceholder')}
        // The icon is decoration: unnamed, so "Search" names the box alone.
        prefix={<SearchOutlined aria-hidden aria-label="" />}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </Field>
  )
})
