import { Button, Popover, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { paths } from '../../ui/paths'
import type { PlannedShift, DutySecretaryDoc, RotaShift } from '../../domain/duty'
import { changeText, dayText, lastChangeKind, nameOf, rotaGrid, shiftText, slotText, weekdayText, type RotaGrid } from './dutyRotaText'

// The rota as a table: a row per duty day, a column per shift. Used for the planner's preview and for
// the stored rota (with its changes and the 代班 / 换班 actions).

type Day<S extends PlannedShift> = RotaGrid<S>['days'][number]

export function DutyRotaTable<S extends PlannedShift>({
  shifts,
  renderCell,
  testId,
}: {
  shifts: readonly S[]
  renderCell(shift: S): ReactNode
  testId: string
}) {
  const { t } = useTranslation()
  const grid = useMemo(() => rotaGrid(shifts), [shifts])
  const columns: TableColumnsType<Day<S>> = [
    {
      key: 'date',
      title: t('duty.table.date'),
      width: 130,
      render: (_, day) => (
        <span>
          <strong>{dayText(t, day.date)}</strong> <Typography.Text type="secondary">{weekdayText(t, day.date)}</Typography.Text>
        </span>
      ),
    },
    ...grid.slots.map((slot) => ({
      key: `slot-${slot.slot}`,
      title: slotText(slot),
      onCell: (day: Day<S>) => ({ className: day.bySlot.get(slot.slot)?.secretaryId === null ? 'duty-rota-gap-cell' : undefined }),
      render: (_: unknown, day: Day<S>) => {
        const shift = day.bySlot.get(slot.slot)
        return shift ? renderCell(shift) : null
      },
    })),
  ]
  return (
    <Table<Day<S>>
      data-testid={testId}
      className="duty-rota-table"
      size="small"
      bordered
      pagination={false}
      rowKey="date"
      columns={columns}
      dataSource={grid.days}
    />
  )
}

/** A gap: nobody could take the shift. */
export function GapTag() {
  const { t } = useTranslation()
  return (
    <Tag color="error" data-testid="duty-gap">
      {t('duty.gap')}
    </Tag>
  )
}

type Secretaries = readonly Pick<DutySecretaryDoc, '_id' | 'name'>[]

/** A stored shift: who holds it, who the plan had put there, its changes, and (not yet begun) what can be done. */
export function RotaCell({
  shift,
  rota,
  secretaries,
  begun,
  onChange,
}: {
  shift: RotaShift
  rota: readonly RotaShift[]
  secretaries: Secretaries
  begun: boolean
  onChange(kind: 'override' | 'swap', shift: RotaShift): void
}) {
  const { t } = useTranslation()
  const kind = lastChangeKind(shift)
  const moved = shift.plannedSecretaryId !== shift.secretaryId
  const when = shiftText(t, shift)
  return (
    <div className="duty-rota-cell" data-shift-key={shift.key} data-testid={`shift-${shift.key}`}>
      {shift.secretaryId ? <span className="duty-rota-name">{nameOf(t, secretaries, shift.secretaryId)}</span> : <GapTag />}
      {moved && (
        <del className="duty-rota-planned" title={t('duty.rota.plannedTitle')}>
          {nameOf(t, secretaries, shift.plannedSecretaryId)}
        </del>
      )}
      {kind && (
        <Popover
          title={t('duty.rota.changesTitle')}
          trigger={['hover', 'click']}
          content={
            <ul className="duty-rota-changes" data-testid={`changes-${shift.key}`}>
              {shift.changes.map((change) => (
                <li key={change._id}>{changeText(t, change, shift, rota, secretaries)}</li>
              ))}
            </ul>
          }
        >
          <Tag color={kind === 'swap' ? 'blue' : 'orange'} className="duty-change-tag" tabIndex={0} data-testid="duty-change-tag">
            {t(`duty.change.kind.${kind}`)}
          </Tag>
        </Popover>
      )}
      {begun ? (
        <Link className="duty-rota-actions" to={paths.dutyShift(shift.key)} aria-label={t('duty.rota.shiftLogFor', { shift: when })}>
          {t('duty.rota.shiftLog')}
        </Link>
      ) : (
        <span className="duty-rota-actions">
          <Button size="small" type="link" onClick={() => onChange('override', shift)} aria-label={t('duty.change.overrideFor', { shift: when })}>
            {t('duty.change.kind.override')}
          </Button>
          {shift.secretaryId && (
            <Button size="small" type="link" onClick={() => onChange('swap', shift)} aria-label={t('duty.change.swapFor', { shift: when })}>
              {t('duty.change.kind.swap')}
            </Button>
          )}
        </span>
      )}
    </div>
  )
}
