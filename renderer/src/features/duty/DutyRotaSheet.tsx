import { Button, Flex, Modal } from 'antd'
import { useMemo } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { DutySecretaryDoc, RotaShift } from '../../domain/duty'
import type { StationDoc } from '../../domain/station'
import { shell } from '../../shell/browserShell'
import { dayText, monthText, rotaGrid, slotText, weekdayText } from './dutyRotaText'
import './dutyPrint.css'

// 书记轮值表 on paper: one month, A4 landscape, to post at the centre — a row per duty day, a column per
// shift, each with the secretary's name and phone, and the duty phone underneath. The print modal shows
// the sheet and keeps a copy of it directly under <body>; printDutyRota() puts only that copy on paper
// (dutyPrint.css): everything else is taken out of the layout, so no blank pages follow a long screen.

/** The page rule for the rota: added only while it prints, so receipts keep their own paper. */
const PAGE_RULE = '@page { size: A4 landscape; margin: 10mm; }'

/** Prints the rota sheet of the open print modal and nothing else, A4 landscape. */
export async function printDutyRota(): Promise<void> {
  const page = document.createElement('style')
  page.textContent = PAGE_RULE
  document.head.appendChild(page)
  document.body.classList.add('printing-duty-rota')
  try {
    await shell.print()
  } finally {
    document.body.classList.remove('printing-duty-rota')
    page.remove()
  }
}

type Secretaries = readonly Pick<DutySecretaryDoc, '_id' | 'name' | 'phone'>[]

export function DutyRotaSheet({
  shifts,
  secretaries,
  station,
  month,
  today,
  testId = 'duty-rota-sheet',
}: {
  /** the month's shifts in the final rota */
  shifts: readonly RotaShift[]
  secretaries: Secretaries
  station: Pick<StationDoc, 'name' | 'phone'>
  /** YYYY-MM */
  month: string
  /** YYYY-MM-DD: 制表日期 */
  today: string
  testId?: string
}) {
  const { t } = useTranslation()
  const grid = useMemo(() => rotaGrid(shifts), [shifts])
  const title = t('duty.print.title', { station: station.name, month: monthText(t, month) })
  return (
    <section className="duty-rota-sheet" aria-label={title} data-testid={testId}>
      <h1>{title}</h1>
      <table>
        <thead>
          <tr>
            <th style={{ width: '9em' }}>{t('duty.table.date')}</th>
            <th style={{ width: '5em' }}>{t('duty.table.weekday')}</th>
            {grid.slots.map((slot) => (
              <th key={slot.slot}>{slotText(slot)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.days.map((day) => (
            <tr key={day.date}>
              <td className="duty-sheet-date">{dayText(t, day.date)}</td>
              <td>{weekdayText(t, day.date)}</td>
              {grid.slots.map((slot) => {
                const shift = day.bySlot.get(slot.slot)
                if (!shift) return <td key={slot.slot} />
                const secretary = secretaries.find((s) => s._id === shift.secretaryId)
                return (
                  <td key={slot.slot}>
                    {shift.secretaryId === null ? (
                      <span className="duty-sheet-gap">{t('duty.gap')}</span>
                    ) : (
                      <>
                        <span className="duty-sheet-name">{secretary?.name ?? t('duty.unknownSecretary')}</span>
                        {secretary?.phone && <span className="duty-sheet-phone"> {secretary.phone}</span>}
                      </>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        <span>
          {t('duty.print.dutyPhone')}
          {station.phone ? <strong>{station.phone}</strong> : <span className="duty-sheet-blank" />}
        </span>
        <span>{t('duty.print.made', { date: today })}</span>
      </footer>
    </section>
  )
}

/** The sheet as it will print, with 打印 and 关闭. */
export function DutyRotaPrintModal(props: Parameters<typeof DutyRotaSheet>[0] & { onClose(): void }) {
  const { t } = useTranslation()
  const { onClose, ...sheet } = props
  return (
    <Modal
      open
      title={<span className="no-print">{t('duty.print.previewTitle')}</span>}
      onCancel={onClose}
      width={1100}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" className="no-print">
          <Button onClick={onClose}>{t('app.close')}</Button>
          <Button type="primary" autoFocus onClick={() => void printDutyRota()}>
            {t('app.print')}
          </Button>
        </Flex>
      }
    >
      <DutyRotaSheet {...sheet} />
      {createPortal(
        <div className="duty-print-root" aria-hidden>
          <DutyRotaSheet {...sheet} testId="duty-rota-sheet-print" />
        </div>,
        document.body,
      )}
    </Modal>
  )
}
