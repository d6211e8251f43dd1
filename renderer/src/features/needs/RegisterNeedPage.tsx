import { Alert, Button, Card, Col, Form, Row, Space, Typography, type FormInstance } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { useNow, useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { localDate } from '../../domain/calendar'
import { checkIdCard, checkPhone } from '../../domain/personal'
import { type NeedDoc, repeatVisits } from '../../domain/needs'
import { onShiftAt, type OnShift } from '../duty/dutyDeskView'
import { useDuty } from '../duty/useDuty'
import { NeedFormFields, type NeedFormValues } from './NeedFormFields'
import { NeedReceipt, printReceipt } from './NeedReceipt'
import { DueBadge, StatusTag, useCategoryPath } from './needTags'

// 登记诉求: the desk's most frequent job, done by keyboard alone (the form: NeedFormFields). Beside it, the
// resident's needs still open (重复来访), found by the phone or ID number as they are typed. While a
// secretary is on duty (书记轮值) the channel starts as 书记轮值 and such a need goes to them.

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
  const openNeeds = useRepeatVisits(phone, idCard, today)
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
        <RepeatVisits rows={openNeeds.rows} looking={openNeeds.looking} today={today} />
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

function useRepeatVisits(phone: string, idCard: string, today: string) {
  const { ledger, version } = useLedger()
  const rows = useMemo(
    () => repeatVisits(ledger.all(), phone, idCard, today),
    // version is not read here, but it is how the ledger (one store, changed in place) says its rows changed:
    // a need registered or closed, here or by sync
    [ledger, version, phone, idCard, today],
  )
  return { rows, looking: !!(checkPhone(phone).ok || (idCard.trim() && checkIdCard(idCard, today).ok)) }
}

function RepeatVisits({ rows, looking, today }: { rows: ReturnType<typeof repeatVisits>; looking: boolean; today: string }) {
  const { t } = useTranslation()
  const categoryPath = useCategoryPath()
  const title = rows.length > 0 ? t('register.repeat.title', { count: rows.length }) : t('register.repeat.heading')
  return (
    <Card title={title} className="no-print" role="region" aria-label={t('register.repeat.heading')} data-testid="repeat-visits">
      {!looking && <Typography.Text type="secondary">{t('register.repeat.none')}</Typography.Text>}
      {looking && rows.length === 0 && <Typography.Text type="secondary">{t('register.repeat.empty')}</Typography.Text>}
      {rows.length > 0 && (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row) => (
            <li key={row.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space wrap size={[8, 4]}>
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
          ))}
        </ul>
      )}
    </Card>
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
