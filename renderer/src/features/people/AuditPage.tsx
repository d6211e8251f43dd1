import { DownloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, DatePicker, Flex, Select, Table, Typography, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clock, useToday } from '../../ui/clock'
import { useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import { shell } from '../../shell/browserShell'
import { localDate } from '../../domain/calendar'
import { AUDIT_ACTIONS, filterAudit, type AuditAction } from '../../domain/people'
import { auditLines, type AuditLine } from './auditText'

// 操作留痕: the station's audit trail, filtered by person, action and dates, newest first, and exported to
// Excel as shown (the export itself recorded). Read whole from PouchDB: a station keeps a few thousand a year.

// Not imported from auditExport.ts: that would pull ExcelJS into the page before anyone exports.
const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function AuditPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { services, station, person, can } = useStation()
  const today = useToday()
  const records = useLiveRead(() => services.audit.list(), ['audit:'])
  const people = useLiveRead(() => services.people.list(), ['person:'])
  const [thisDevice, setThisDevice] = useState('')
  useEffect(() => void services.device.deviceId().then(setThisDevice), [services])
  const [personId, setPersonId] = useState<string | undefined>()
  const [actions, setActions] = useState<AuditAction[]>([])
  const [range, setRange] = useState<{ from?: string; to?: string }>({})
  const [exporting, setExporting] = useState(false)

  const names = useMemo(() => new Map((people.value ?? []).map((p) => [p._id, p.name])), [people.value])
  const lines = useMemo(
    () => auditLines(filterAudit(records.value ?? [], { personId, actions, ...range }, localDate), t, names, thisDevice),
    [records.value, personId, actions, range, t, names, thisDevice],
  )

  const exportAudit = async () => {
    if (!person || !can('audit.view')) return
    if (lines.length === 0) return void message.info(t('people.audit.export.nothing'))
    setExporting(true)
    try {
      // Who took the trail away, and how much of it, is itself recorded.
      const who = { personId: person.id, personName: person.name }
      await services.audit.record(station.code, { action: 'export', target: 'audit', detail: String(lines.length) }, who, clock.now())
      const { buildAuditWorkbook } = await import('./auditExport')
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
      const data = await buildAuditWorkbook(lines, { t: i18n.t.bind(i18n), lang, today, stationName: station.name })
      const fileName = t('people.audit.export.fileName', { date: today.replaceAll('-', '') })
      const saved = await shell.saveFile({ suggestedName: fileName, data, mimeType: XLSX_MIME_TYPE })
      if (saved) void message.success(t('people.audit.export.done', { count: lines.length }))
      else void message.info(t('people.audit.export.cancelled'))
    } catch (error) {
      void message.error(t('people.audit.export.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setExporting(false)
    }
  }

  const columns: TableColumnsType<AuditLine> = (['time', 'person', 'action', 'target', 'detail', 'desk'] as const).map((key) => ({
    key,
    dataIndex: key,
    title: t(`people.audit.column.${key}`),
    ...(key === 'time' ? { width: 150 } : {}),
    ...(key === 'target' || key === 'desk' ? { ellipsis: true } : {}),
  }))

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex align="baseline" gap={16}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('people.audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="audit-count">
            {t('people.audit.count', { count: lines.length })}
          </Typography.Text>
        </Flex>
        <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportAudit()}>
          {t('people.audit.export.button')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('people.audit.intro')}</Typography.Text>
      <Flex wrap gap={12} role="search">
        <Select
          aria-label={t('people.audit.filter.person')}
          allowClear
          style={{ width: 180 }}
          placeholder={t('people.audit.filter.allPeople')}
          value={personId}
          onChange={setPersonId}
          options={(people.value ?? []).map((p) => ({ value: p._id, label: p.name }))}
        />
        <Select
          aria-label={t('people.audit.filter.action')}
          mode="multiple"
          allowClear
          style={{ minWidth: 240 }}
          placeholder={t('people.audit.filter.allActions')}
          value={actions}
          onChange={setActions}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`people.audit.action.${action}`) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('people.audit.filter.dates')}
          allowEmpty={[true, true]}
          value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
          onChange={(dates) => setRange({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {records.failure && <Alert type="error" showIcon title={records.failure} />}
      <Table<AuditLine>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={lines}
        loading={!records.value && !records.failure}
        pagination={{ pageSize: 50, showSizeChanger: false }}
      />
    </Flex>
  )
}
