import { Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useLedger } from '../../ui/useLedger'
import {
  dutyFigures,
  type DutyCheckDoc,
  type DutyFigures as Figures,
  type DutyNeed,
  type DutySecretaryDoc,
  type RotaShift,
} from '../../domain/duty'
import { nameOf } from './dutyRotaText'

// 值班统计: per secretary and period — shifts planned, served (checked in), changes, punctuality, and the
// needs registered on their shifts (from the ledger) and how many of those are closed (已回访销号).

const FIGURE_COLUMNS = ['planned', 'served', 'changed', 'onTime', 'late', 'needsReceived', 'needsClosed'] as const

const empty = (secretaryId: string): Figures => ({
  secretaryId,
  planned: 0,
  served: 0,
  changed: 0,
  onTime: 0,
  late: 0,
  needsReceived: 0,
  needsClosed: 0,
})

export function DutyFigures({
  rota,
  checks,
  secretaries,
  from,
  to,
}: {
  rota: readonly RotaShift[]
  checks: readonly DutyCheckDoc[]
  secretaries: readonly DutySecretaryDoc[]
  from: string
  to: string
}) {
  const { t } = useTranslation()
  const { ledger, version } = useLedger()
  // Only needs registered on a duty shift count; a scan of the ledger, redone when it changes.
  const needs = useMemo<DutyNeed[]>(
    () => ledger.all().flatMap((row) => (row.dutyShiftKey ? [{ dutyShiftKey: row.dutyShiftKey, closed: row.status === 'closed' }] : [])),
    // version is not read here, but it is how the ledger (one store, changed in place) says its rows changed
    [ledger, version],
  )
  const rows = useMemo(() => {
    const figures = new Map(dutyFigures(rota, checks, needs, from, to).map((f) => [f.secretaryId, f]))
    // Every active secretary is listed, with noughts if the period gave them nothing.
    for (const s of secretaries) if (s.active && !figures.has(s._id)) figures.set(s._id, empty(s._id))
    const order = (id: string) => {
      const at = secretaries.findIndex((s) => s._id === id)
      return at < 0 ? secretaries.length : at
    }
    return [...figures.values()].sort((a, b) => order(a.secretaryId) - order(b.secretaryId))
  }, [rota, checks, needs, from, to, secretaries])

  const columns: TableColumnsType<Figures> = [
    { key: 'name', title: t('duty.figures.column.name'), render: (_, f) => nameOf(t, secretaries, f.secretaryId) },
    ...FIGURE_COLUMNS.map((key) => ({ key, title: t(`duty.figures.column.${key}`), dataIndex: key, align: 'right' as const, width: 110 })),
  ]

  return (
    <>
      <Typography.Paragraph type="secondary">{t('duty.figures.intro')}</Typography.Paragraph>
      <Table<Figures> data-testid="duty-figures" size="small" bordered pagination={false} rowKey="secretaryId" columns={columns} dataSource={rows} />
    </>
  )
}
