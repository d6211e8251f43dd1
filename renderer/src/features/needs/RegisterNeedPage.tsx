import { Alert, Button, Card, Col, Form, Row, Space, Tag, Typography, type FormInstance } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { useNow, useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { localDate } from '../../domain/calendar'
import {
  CLOCK_STOPPED,
  type EarlierVisit,
  type LedgerRow,
  type NeedDoc,
  repeatVisitQuery,
  samePhoneHints,
} from '../../domain/needs'
import type { EarlierVisits } from '../../data/needRepository'
import { onShiftAt, type OnShift } from '../duty/dutyDeskView'
import { useDuty } from '../duty/useDuty'
import { NeedFormFields, type NeedFormValues } from './NeedFormFields'
import { NeedReceipt, printReceipt } from './NeedReceipt'
import { DueBadge, StatusTag, useCategoryPath } from './needTags'

// 登记诉求: the desk's most frequent job, done by keyboard alone (the form: NeedFormFields). Beside it, what
// the resident brought before (重复来访), looked up as the numbers are typed: by the ID number every earlier
// visit, open or closed, with its outcome (found by the number's keyed hash, not its masked form); by the
// phone the open needs registered with it, as "same phone" hints. While a secretary is on duty (书记轮值)
// the channel starts as 书记轮值 and such a need goes to them.

export function RegisterNeedPage() {
  const [registered, setRegistered] = useState<NeedDoc | null>(null)
  // A new key gives a fresh, empty form with the focus back on the name.
  const [formKey, setFormKey] = useState(0)
  const again = () => {
    setRegistered(null)
    setFormKey((key) => key + 1)
  }
  return registered ? (
    <RegisteredPanel need={registered} onAgain={again} />
  ) : (
    <RegisterForm key={formKey} onRegistered={setRegistered} />
  )
}

function RegisterForm({ onRegistered }: { onRegistered: (need: NeedDoc) => void }) {
  const { t } = useTranslation()
  const { station, services } = useStation()
  const ctx = useCommandContext()
  const today = useToday()
  const [form] = Form.useForm<NeedFormValues>()

  const initialValues: NeedFormValues = {
    residentName: '',
    phone: '',
    idCard: '',
    // A station serving one village needs no choice.
    village: station.villages.length === 1 ? station.villages[0] : undefined,
    address: '',
    category: undefined,
    categoryItem: undefined,
    channel: 'window',
    urgency: 'normal',
    description: '',
  }

  const phone = Form.useWatch('phone', form) ?? ''
  const idCard = Form.useWatch('idCard', form) ?? ''
  const repeat = useRepeatVisits(phone, idCard, today)
  const onShift = useDutyChannel(form)
  const channel = Form.useWatch('channel', form)

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('register.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('register.hint')}</Typography.Paragraph>
          <NeedFormFields
            form={form}
            name="register"
            title={t('register.title')}
            initialValues={initialValues}
            villages={station.villages}
            submitLabel={t('register.submit')}
            channelExtra={channel === 'dutySecretary' ? <DutyAssignHint onShift={onShift} /> : undefined}
            onSubmit={(input) => {
              const command = ctx()
              // Who is on duty when the need is sent (the form may have stayed open past a change of shift).
              const duty = input.channel === 'dutySecretary' ? onShift.at(command.at) : null
              return services.needs.register(
                input,
                command,
                duty ? { shiftKey: duty.shiftKey, secretaryName: duty.secretaryName } : undefined,
              )
            }}
            onSaved={onRegistered}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <RepeatVisits {...repeat} today={today} />
      </Col>
    </Row>
  )
}

/**
 * The secretary on duty now (a shift under way with a secretary on it, checked in or not), and the
 * channel kept at 书记轮值 while there is one — unless the clerk has chosen a channel themselves.
 */
function useDutyChannel(form: FormInstance<NeedFormValues>): { now: OnShift | null; at(instant: string): OnShift | null } {
  const { data } = useDuty()
  const now = useNow()
  const onShift = data ? onShiftAt(data, now) : null
  const on = !!onShift
  useEffect(() => {
    if (!data || form.isFieldTouched('channel')) return
    form.setFieldValue('channel', on ? 'dutySecretary' : 'window')
  }, [form, data, on])
  return { now: onShift, at: (instant) => (data ? onShiftAt(data, instant) : null) }
}

function DutyAssignHint({ onShift }: { onShift: { now: OnShift | null } }) {
  const { t } = useTranslation()
  const duty = onShift.now
  return (
    <span data-testid="duty-assign-hint">
      {duty
        ? t('dutyDesk.register.assignTo', { name: duty.secretaryName }) + (duty.checkedIn ? '' : t('dutyDesk.register.notCheckedIn'))
        : t('dutyDesk.register.noneOnDuty')}
    </span>
  )
}

interface RepeatVisitsFound {
  looking: { phone: boolean; idCard: boolean }
  /** by the ID number; null while the lookup runs */
  visits: EarlierVisits | null
  /** open needs with the same phone, not among `visits` */
  hints: LedgerRow[]
}

function useRepeatVisits(phone: string, idCard: string, today: string): RepeatVisitsFound {
  const { services } = useStation()
  const ctx = useCommandContext()
  const { ledger, version } = useLedger()
  const query = useMemo(() => repeatVisitQuery(phone, idCard, today), [phone, idCard, today])
  const [found, setFound] = useState<{ idCard: string; visits: EarlierVisits } | null>(null)
  useEffect(() => {
    const id = query.idCard
    if (!id) return
    let live = true
    services.needs.earlierVisits(id, ctx()).then(
      (visits) => {
        if (live) setFound({ idCard: id, visits })
      },
      (error: unknown) => console.error('earlier visits', error),
    )
    return () => {
      live = false
    }
    // version is not read here, but it is how the ledger says a need was registered, closed or hashed, here or by sync
  }, [services, ctx, query.idCard, version])
  const visits = query.idCard && found?.idCard === query.idCard ? found.visits : null
  const hints = useMemo(
    () => samePhoneHints(ledger.all(), phone, new Set(visits?.visits.map((visit) => visit.id))),
    // version: as above, the ledger's rows changed in place
    [ledger, version, phone, visits],
  )
  return { looking: { phone: !!query.phone, idCard: !!query.idCard }, visits, hints }
}

function RepeatVisits({ looking, visits, hints, today }: RepeatVisitsFound & { today: string }) {
  const { t } = useTranslation()
  const count = visits?.visits.length ?? 0
  const title = count > 0 ? t('register.repeat.title', { count }) : t('register.repeat.heading')
  const secondary = (text: string) => (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      {text}
    </Typography.Paragraph>
  )
  return (
    <Card title={title} className="no-print" role="region" aria-label={t('register.repeat.heading')} data-testid="repeat-visits">
      {!looking.phone && !looking.idCard && secondary(t('register.repeat.none'))}
      {looking.idCard && !visits && secondary(t('register.repeat.searching'))}
      {visits && count === 0 && secondary(visits.complete ? t('register.repeat.empty') : t('register.repeat.indexing'))}
      {count > 0 && (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="earlier-visits">
          {visits!.visits.map((visit) => (
            <EarlierVisitItem key={visit.id} visit={visit} today={today} />
          ))}
        </ul>
      )}
      {visits && !visits.complete && count > 0 && secondary(t('register.repeat.indexing'))}
      {looking.phone && hints.length > 0 && (
        <div data-testid="same-phone" style={{ marginTop: count > 0 ? 16 : 0 }}>
          <Typography.Text strong>{t('register.repeat.samePhoneHeading')}</Typography.Text>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {hints.map((row) => (
              <SamePhoneItem key={row.id} row={row} today={today} />
            ))}
          </ul>
        </div>
      )}
      {looking.phone && !looking.idCard && hints.length === 0 && secondary(t('register.repeat.noSamePhone'))}
    </Card>
  )
}

const itemStyle = { padding: '10px 0', borderBottom: '1px solid #f0f0f0' }

/** One earlier visit: when, what, and how it ended (who handled it, the outcome, the resident's verdict). */
function EarlierVisitItem({ visit, today }: { visit: EarlierVisit; today: string }) {
  const { t } = useTranslation()
  const categoryPath = useCategoryPath()
  return (
    <li style={itemStyle} data-need-id={visit.id}>
      <Space wrap size={[8, 4]}>
        <Link to={paths.need(visit.id)} style={{ fontWeight: 600 }}>
          {visit.number}
        </Link>
        <span>{t('register.repeat.registeredOn', { date: localDate(visit.registeredAt) })}</span>
        <StatusTag status={visit.status} />
      </Space>
      <div style={{ marginTop: 4 }}>
        {visit.residentName} · {categoryPath(visit.categoryItem)}
      </div>
      {!CLOCK_STOPPED.includes(visit.status) && (
        <div>
          {t('register.repeat.due')}
          <DueBadge dueDate={visit.dueDate} status={visit.status} today={today} />
        </div>
      )}
      {visit.handler && <div>{t('register.repeat.handler', { name: visit.handler.name })}</div>}
      {visit.referredTo && <div>{t('register.repeat.referredTo', { to: visit.referredTo })}</div>}
      {visit.resolution && <div>{t('register.repeat.resolution', { text: visit.resolution })}</div>}
      {visit.satisfaction && (
        <div data-satisfaction={visit.satisfaction}>
          {t('register.repeat.satisfaction', { satisfaction: t(`satisfaction.${visit.satisfaction}`) })}
          {visit.followUpNote && <Typography.Text type="secondary">{` · ${visit.followUpNote}`}</Typography.Text>}
        </div>
      )}
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {visit.description}
      </Typography.Paragraph>
    </li>
  )
}

/** An open need with the same phone: perhaps the same resident, perhaps their family. */
function SamePhoneItem({ row, today }: { row: LedgerRow; today: string }) {
  const { t } = useTranslation()
  const categoryPath = useCategoryPath()
  return (
    <li style={itemStyle} data-need-id={row.id}>
      <Space wrap size={[8, 4]}>
        <Tag>{t('register.repeat.samePhone')}</Tag>
        <Link to={paths.need(row.id)} style={{ fontWeight: 600 }}>
          {row.number}
        </Link>
        <span>{t('register.repeat.registeredOn', { date: localDate(row.registeredAt) })}</span>
        <StatusTag status={row.status} />
      </Space>
      <div style={{ marginTop: 4 }}>
        {row.residentName} · {categoryPath(row.categoryItem)}
      </div>
      <div>
        {t('register.repeat.due')}
        <DueBadge dueDate={row.dueDate} status={row.status} today={today} />
      </div>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {row.description}
      </Typography.Paragraph>
    </li>
  )
}

function RegisteredPanel({ need, onAgain }: { need: NeedDoc; onAgain: () => void }) {
  const { t } = useTranslation()
  const { station } = useStation()
  const navigate = useNavigate()

  // F2 (register) from the receipt starts the next one, as the menu promises.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'F2') onAgain()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onAgain])

  return (
    <div style={{ maxWidth: 760 }}>
      <Alert className="no-print" type="success" showIcon style={{ marginBottom: 16 }} title={t('register.receipt.done')} />
      <Card>
        <NeedReceipt need={need} station={station} />
      </Card>
      <Space className="no-print" size="middle" style={{ marginTop: 16 }}>
        <Button type="primary" size="large" autoFocus onClick={() => void printReceipt()}>
          {t('app.print')}
        </Button>
        <Button size="large" onClick={onAgain}>
          {t('register.receipt.again')} (F2)
        </Button>
        <Button size="large" onClick={() => navigate(paths.need(need._id))}>
          {t('register.receipt.details')}
        </Button>
      </Space>
    </div>
  )
}
