import { EyeOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { useNow } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import { localDate } from '../../domain/calendar'
import {
  shiftInstant,
  type DutyPlanResult,
  type PlannedShift,
  type DutySecretaryDoc,
  type RotaShift,
} from '../../domain/duty'
import { DutyFigures } from './DutyFigures'
import { DutyRotaChangeModal, type ChangeTarget } from './DutyRotaChangeModal'
import { DutyRotaOutputs } from './DutyRotaOutputs'
import { parsePeriod, periodOf, periodParam, type DutyPeriod, type PeriodChoice } from './dutyRotaPeriod'
import { GapTag, RotaCell, DutyRotaTable } from './DutyRotaTable'
import { dayText, nameOf, periodText, shiftText, spreadText } from './dutyRotaText'
import { useDuty } from './useDuty'
import './dutyRota.css'

// 值班表: choose a period, preview the planner's rota (counts, fairness, gaps) and save it; the stored
// rota shows each shift's secretary, the planned one struck through where a change moved it, and 代班 /
// 换班 for shifts not yet begun. Below: printing, the files, and the period's figures per secretary.

const collator = new Intl.Collator('zh-CN')
/** Gaps listed by name in the preview's warning; more are counted. */
const GAPS_LISTED = 8

export function DutyRotaPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { data, failure, reload } = useDuty()
  const now = useNow()
  const today = localDate(now)
  const [params, setParams] = useSearchParams()
  const choice = parsePeriod(params.get('period'), today)
  const period = periodOf(choice, today)
  const [changing, setChanging] = useState<ChangeTarget | null>(null)

  const choose = (next: PeriodChoice) => setParams({ period: periodParam(next) }, { replace: true })

  const secretaries = useMemo(
    () => [...(data?.secretaries ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name)),
    [data?.secretaries],
  )
  const shifts = useMemo(() => (data?.rota ?? []).filter((s) => s.date >= period.from && s.date <= period.to), [data?.rota, period.from, period.to])
  const gaps = shifts.filter((s) => s.secretaryId === null && shiftInstant(s.date, s.start) > now)

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('duty.rota.pageTitle')}
        </Typography.Title>
        <Button icon={<TeamOutlined aria-hidden />} onClick={() => navigate(paths.dutyRoster)}>
          {t('duty.roster.title')}
        </Button>
      </Flex>

      <PeriodBar period={period} today={today} onChoose={choose} />
      {failure && <Alert type="error" showIcon title={t('duty.loadFailed', { message: failure })} />}

      <PlanPanel key={`${period.from}/${period.to}`} period={period} secretaries={secretaries} hasRota={shifts.length > 0} onSaved={reload} />

      <Card
        title={t('duty.rota.title') + ' · ' + periodText(t, period)}
        extra={data && <DutyRotaOutputs period={period} rota={data.rota} secretaries={secretaries} />}
      >
        {!data ? (
          !failure && <Spin />
        ) : shifts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(data.secretaries.length ? 'duty.rota.empty' : 'duty.rota.emptyRoster')} data-testid="duty-rota-empty" />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('duty.rota.legend')}</Typography.Text>
            {gaps.length > 0 && <Alert type="warning" showIcon title={t('duty.rota.gaps', { count: gaps.length })} data-testid="duty-rota-gaps" />}
            <DutyRotaTable<RotaShift>
              testId="duty-rota"
              shifts={shifts}
              renderCell={(shift) => (
                <RotaCell
                  shift={shift}
                  rota={data.rota}
                  secretaries={secretaries}
                  begun={shiftInstant(shift.date, shift.start) <= now}
                  onChange={(kind, target) => setChanging({ kind, shift: target })}
                />
              )}
            />
          </Flex>
        )}
      </Card>

      {data && (
        <Card title={t('duty.figures.title') + ' · ' + periodText(t, period)}>
          <DutyFigures rota={data.rota} checks={data.checks} secretaries={secretaries} from={period.from} to={period.to} />
        </Card>
      )}

      {changing && data && (
        <DutyRotaChangeModal
          target={changing}
          rota={data.rota}
          secretaries={secretaries}
          now={now}
          onClose={(changed) => {
            setChanging(null)
            if (changed) reload()
          }}
        />
      )}
    </Flex>
  )
}

function PeriodBar({ period, today, onChoose }: { period: DutyPeriod; today: string; onChoose(choice: PeriodChoice): void }) {
  const { t } = useTranslation()
  const kind = period.choice.kind
  return (
    <Flex align="center" gap={12} wrap className="no-print" data-testid="duty-period">
      <Typography.Text>{t('duty.period.label')}</Typography.Text>
      <Segmented<PeriodChoice['kind']>
        value={kind}
        onChange={(value) =>
          onChoose(value === 'month' ? { kind: 'month', month: period.choice.kind === 'month' ? period.month : today.slice(0, 7) } : { kind: value })
        }
        options={[
          { value: 'thisWeek', label: t('duty.period.thisWeek') },
          { value: 'nextWeek', label: t('duty.period.nextWeek') },
          { value: 'month', label: t('duty.period.month') },
        ]}
      />
      {kind === 'month' && (
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('duty.period.chooseMonth')}
          format={t('duty.period.monthFormat')}
          value={dayjs(`${period.month}-01`)}
          onChange={(value) => value && onChoose({ kind: 'month', month: value.format('YYYY-MM') })}
        />
      )}
      <Typography.Text type="secondary" data-testid="duty-period-range">
        {t('duty.period.range', { from: dayText(t, period.from), to: dayText(t, period.to) })}
      </Typography.Text>
    </Flex>
  )
}

/** 预览排班 → the planner's rota for the period, its counts and gaps → 保存排班. */
function PlanPanel({
  period,
  secretaries,
  hasRota,
  onSaved,
}: {
  period: DutyPeriod
  secretaries: readonly DutySecretaryDoc[]
  hasRota: boolean
  onSaved(): void
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { services, station } = useStation()
  const commandContext = useCommandContext()
  const [preview, setPreview] = useState<DutyPlanResult | null>(null)
  // `error` is an i18n key; an unexpected error is a toast.
  const { busy, failure: error, setFailure: setError, submit } = useSubmit((text) => void message.error(text))
  /** which button the running job belongs to (set only once the job is let through) */
  const [doing, setDoing] = useState<'preview' | 'save'>('preview')

  const run = (what: 'preview' | 'save', job: () => Promise<void>) =>
    submit(async () => {
      setDoing(what)
      await job()
    })

  const showPreview = () =>
    run('preview', async () => {
      const result = await services.duty.preview(period.from, period.to, station.code)
      if (result.ok) setPreview(result.value)
      else {
        setPreview(null)
        setError('error' in result ? result.error : 'duty.error.emptyRoster')
      }
    })

  const save = () =>
    run('save', async () => {
      const result = await services.duty.plan(period.from, period.to, commandContext())
      if (!result.ok) return setError('error' in result ? result.error : 'duty.error.emptyRoster')
      setPreview(null)
      void message.success(t('duty.preview.saved', { count: result.value.shifts.length, period: periodText(t, period) }))
      onSaved()
    })

  const confirmSave = () => {
    if (!hasRota) return void save()
    modal.confirm({
      title: t('duty.preview.replaceTitle'),
      content: t('duty.preview.replaceBody'),
      okText: t('duty.preview.save'),
      cancelText: t('app.cancel'),
      onOk: save,
    })
  }

  const counts = preview
    ? Object.entries(preview.counts)
        .map(([id, count]) => ({ id, name: nameOf(t, secretaries, id), count }))
        .sort((a, b) => collator.compare(a.name, b.name))
    : []

  return (
    <>
      <Flex gap={8} wrap align="center" className="no-print">
        <Button icon={<EyeOutlined aria-hidden />} loading={busy && doing === 'preview'} onClick={() => void showPreview()}>
          {t('duty.preview.button')}
        </Button>
        <Typography.Text type="secondary">{t('duty.preview.hint')}</Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={t(error)} data-testid="duty-plan-error" closable={{ onClose: () => setError('') }} />}
      {preview && (
        <Card
          data-testid="duty-preview"
          title={t('duty.preview.title', { period: periodText(t, period) })}
          extra={
            <Flex gap={8}>
              <Button onClick={() => setPreview(null)}>{t('app.cancel')}</Button>
              <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={busy && doing === 'save'} onClick={confirmSave}>
                {t('duty.preview.save')}
              </Button>
            </Flex>
          }
        >
          <Flex vertical gap={12}>
            <Typography.Text strong data-testid="duty-preview-spread">
              {t('duty.preview.summary', { shifts: preview.shifts.length, people: counts.length })} {spreadText(t, counts.map((c) => c.count))}
            </Typography.Text>
            <Flex wrap gap={6} data-testid="duty-preview-counts">
              {counts.map((c) => (
                <Tag key={c.id}>{t('duty.preview.count', { name: c.name, count: c.count })}</Tag>
              ))}
            </Flex>
            {preview.gaps.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="duty-preview-gaps"
                title={t('duty.preview.gaps', { count: preview.gaps.length })}
                description={
                  <>
                    <div>
                      {preview.gaps.slice(0, GAPS_LISTED).map((gap) => shiftText(t, gap)).join(t('duty.listSeparator'))}
                      {preview.gaps.length > GAPS_LISTED && t('duty.preview.gapsMore', { count: preview.gaps.length - GAPS_LISTED })}
                    </div>
                    <div>{t('duty.preview.gapsHint')}</div>
                  </>
                }
              />
            )}
            <DutyRotaTable<PlannedShift>
              testId="duty-preview-table"
              shifts={preview.shifts}
              renderCell={(shift) => (shift.secretaryId ? <span data-shift-key={shift.key}>{nameOf(t, secretaries, shift.secretaryId)}</span> : <GapTag />)}
            />
          </Flex>
        </Card>
      )}
    </>
  )
}
