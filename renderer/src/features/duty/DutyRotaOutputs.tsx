import { CalendarOutlined, DownloadOutlined, DownOutlined, PrinterOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Flex } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clock } from '../../ui/clock'
import { useStation } from '../../ui/session'
import { localDate } from '../../domain/calendar'
import { dutyCalendar, type DutySecretaryDoc, type RotaShift } from '../../domain/duty'
import { shell } from '../../shell/browserShell'
import type { DutyPeriod } from './dutyRotaPeriod'
import { DutyRotaPrintModal } from './DutyRotaSheet'
import { fileSafe, monthText, periodText } from './dutyRotaText'

// 打印本月值班表, 导出 Excel and 导出日历 (one .ics file per secretary) for the chosen period.

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const ICS_MIME_TYPE = 'text/calendar'

const inRange = (shift: RotaShift, from: string, to: string) => shift.date >= from && shift.date <= to

export function DutyRotaOutputs({
  period,
  rota,
  secretaries,
}: {
  period: DutyPeriod
  /** the whole final rota */
  rota: readonly RotaShift[]
  secretaries: readonly DutySecretaryDoc[]
}) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { station } = useStation()
  const [printing, setPrinting] = useState(false)
  const [exporting, setExporting] = useState(false)

  const shifts = useMemo(() => rota.filter((s) => inRange(s, period.from, period.to)), [rota, period.from, period.to])
  const monthShifts = useMemo(() => rota.filter((s) => s.date.startsWith(period.month)), [rota, period.month])
  const holders = useMemo(() => {
    const counts = new Map<string, number>()
    for (const shift of shifts) if (shift.secretaryId) counts.set(shift.secretaryId, (counts.get(shift.secretaryId) ?? 0) + 1)
    return secretaries.filter((s) => counts.has(s._id)).map((s) => ({ secretary: s, count: counts.get(s._id)! }))
  }, [shifts, secretaries])

  const failed = (error: unknown) => void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))

  const saved = (name: string | null) => {
    if (name) void message.success(t('duty.export.done', { name }))
    else void message.info(t('duty.export.cancelled'))
  }

  const exportXlsx = async () => {
    if (shifts.length === 0) return void message.info(t('duty.export.nothing'))
    setExporting(true)
    try {
      const { buildDutyRotaWorkbook, dutyRotaRows } = await import('./dutyExport')
      const data = await buildDutyRotaWorkbook(dutyRotaRows(shifts, rota, secretaries, i18n.t.bind(i18n)), {
        t: i18n.t.bind(i18n),
        lang: i18n.language === 'en' ? 'en' : 'zh-CN',
        title: t('duty.print.title', { station: station.name, month: periodText(t, period) }),
        footer: station.phone ? `${t('duty.print.dutyPhone')}${station.phone}` : '',
        stationName: station.name,
      })
      const suggestedName = t('duty.export.xlsxFileName', { station: fileSafe(station.name), period: period.fileLabel })
      saved(await shell.saveFile({ suggestedName, data, mimeType: XLSX_MIME_TYPE }))
    } catch (error) {
      failed(error)
    } finally {
      setExporting(false)
    }
  }

  const exportCalendar = async (secretaryId: string) => {
    const secretary = secretaries.find((s) => s._id === secretaryId)
    if (!secretary) return
    try {
      const text = dutyCalendar(
        shifts.filter((s) => s.secretaryId === secretaryId),
        {
          calendarName: t('duty.ics.calendarName', { name: secretary.name, station: station.name }),
          summary: t('duty.ics.summary', { station: station.name }),
          location: station.name,
          description: station.phone ? `${t('duty.print.dutyPhone')}${station.phone}` : t('duty.ics.description'),
        },
        station.code,
        clock.now(),
      )
      const suggestedName = t('duty.export.icsFileName', { name: fileSafe(secretary.name), period: period.fileLabel })
      saved(await shell.saveFile({ suggestedName, data: new TextEncoder().encode(text), mimeType: ICS_MIME_TYPE }))
    } catch (error) {
      failed(error)
    }
  }

  return (
    <Flex gap={8} wrap className="no-print">
      <Button
        icon={<PrinterOutlined aria-hidden />}
        onClick={() => (monthShifts.length ? setPrinting(true) : void message.info(t('duty.print.nothing', { month: monthText(t, period.month) })))}
      >
        {t('duty.print.button')}
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportXlsx()}>
        {t('duty.export.xlsx')}
      </Button>
      <Dropdown
        disabled={holders.length === 0}
        trigger={['click']}
        menu={{
          items: holders.map(({ secretary, count }) => ({ key: secretary._id, label: t('duty.export.icsFor', { name: secretary.name, count }) })),
          onClick: ({ key }) => void exportCalendar(key),
        }}
      >
        <Button icon={<CalendarOutlined aria-hidden />}>
          {t('duty.export.ics')} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {printing && (
        <DutyRotaPrintModal
          shifts={monthShifts}
          secretaries={secretaries}
          station={station}
          month={period.month}
          today={localDate(clock.now())}
          onClose={() => setPrinting(false)}
        />
      )}
    </Flex>
  )
}
