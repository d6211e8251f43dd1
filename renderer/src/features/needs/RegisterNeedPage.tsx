import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { useToday } from '../../app/clock'
import { paths } from '../../app/paths'
import { useCommandContext, useStation } from '../../app/session'
import { useLedger } from '../../app/useLedger'
import { categories, categoryOfItem, leadDepartmentFor, type Lang } from '../../domain/categories'
import { localDate } from '../../domain/deadline'
import { checkIdCard, maskIdCard } from '../../domain/idCard'
import { NEED_CHANNELS, URGENCIES, type FieldError, type NeedDoc, type NeedForm, type NeedFormInput } from '../../domain/need'
import { checkPhone } from '../../domain/phone'
import { matchesQuery, searchKeysFor } from '../../domain/pinyinMatch'
import { repeatVisits } from '../../domain/repeatVisits'
import { NeedReceipt, printReceipt } from './NeedReceipt'
import { DueBadge, StatusTag, useCategoryPath } from './needTags'

// 登记诉求: the desk's most frequent job, done by keyboard alone. Fields follow the paper form;
// Enter moves on (as on the paper form's next line), Enter in the last field or Ctrl+Enter submits.

/** The paper form's order: Tab order, and which bad field gets the focus first. */
const FIELD_ORDER: (keyof NeedForm)[] = [
  'residentName',
  'phone',
  'idCard',
  'village',
  'address',
  'categoryItem',
  'channel',
  'urgency',
  'description',
]

type FieldErrors = Partial<Record<keyof NeedForm, string[]>>

/** The form's fields: the domain's, plus the category, which only narrows the item list. Empty dropdowns hold
 * undefined (so they show their placeholder); the domain is given '' for them. */
type Values = { [K in keyof NeedFormInput | 'category']?: string }

interface SearchableOption {
  value: string
  label: string
  /** the label, its pinyin and initials: "xf" finds 幸福村 */
  keys: string
}

const searchable = (value: string, label: string): SearchableOption => ({ value, label, keys: searchKeysFor(label) })

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

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
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { station, services } = useStation()
  const ctx = useCommandContext()
  const today = useToday()
  const [form] = Form.useForm<Values>()
  const saving = useRef(false)
  const [busy, setBusy] = useState(false)
  // i18n keys, translated when shown, so switching the language re-words them.
  const [errors, setErrors] = useState<FieldErrors>({})
  const [showSummary, setShowSummary] = useState(false)
  const [failure, setFailure] = useState('')

  const initialValues: Values = {
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
  const categoryItem = Form.useWatch('categoryItem', form) ?? ''

  const villageOptions = useMemo(() => station.villages.map((v) => searchable(v, v)), [station.villages])
  const channelOptions = useMemo(() => NEED_CHANNELS.map((c) => searchable(c, t(`channel.${c}`))), [t])
  const categoryOptions = useMemo(() => categories.map((c) => searchable(c.code, c.label[lang])), [lang])
  // With a category chosen, its items; without, every item under its category's heading, so typing
  // an item's name finds it at once (typing the category's name lists the whole category).
  // Narrowed only by the clerk choosing a category: the category filled in from a chosen item must not
  // swap the list under the open dropdown (the next Tab's focus gets lost).
  const [narrowTo, setNarrowTo] = useState('')
  const itemOptions = useMemo(
    () =>
      categories
        .filter((c) => !narrowTo || c.code === narrowTo)
        .map((c) => ({
          label: c.label[lang],
          title: c.label[lang],
          keys: searchKeysFor(c.label[lang]),
          options: c.items.map((item) => searchable(item.code, item.label[lang])),
        })),
    [lang, narrowTo],
  )

  const checkedId = idCard.trim() ? checkIdCard(idCard, today) : null
  const leadDepartment = categoryItem ? leadDepartmentFor(categoryItem, lang) : ''

  const showErrors = (found: FieldError[]) => {
    const byField: FieldErrors = {}
    for (const { field, message } of found) {
      const messages = (byField[field] ??= [])
      if (!messages.includes(message)) messages.push(message)
    }
    setErrors(byField)
    setShowSummary(true)
    const first = FIELD_ORDER.find((name) => byField[name])
    if (first) form.focusField(first)
  }

  /** Form.Item props that show a field's messages under it. */
  const errorOf = (name: keyof NeedForm) => {
    const messages = errors[name]
    return messages?.length ? { validateStatus: 'error' as const, help: messages.map((key) => t(key)).join(' ') } : {}
  }

  const submit = async () => {
    if (saving.current) return
    saving.current = true
    setBusy(true)
    setFailure('')
    try {
      const values = form.getFieldsValue(true) as Values
      const input = Object.fromEntries(FIELD_ORDER.map((name) => [name, values[name] ?? ''])) as NeedFormInput
      const result = await services.needs.register(input, ctx())
      if (result.ok) onRegistered(result.value)
      else if ('errors' in result) showErrors(result.errors)
      else setFailure(t(result.error))
    } catch (error) {
      setFailure(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      saving.current = false
      setBusy(false)
    }
  }

  // A field being corrected is no longer marked.
  const onValuesChange = (changed: Partial<Values>) => {
    // Choosing an item settles its category; another category drops an item that is not in it.
    if (changed.categoryItem) form.setFieldValue('category', categoryOfItem(changed.categoryItem)?.code)
    if ('category' in changed) {
      setNarrowTo(changed.category ?? '')
      const item = form.getFieldValue('categoryItem') as string | undefined
      if (item && categoryOfItem(item)?.code !== changed.category) form.setFieldValue('categoryItem', undefined)
    }
    const names = Object.keys(changed) as (keyof NeedForm)[]
    if (names.some((name) => errors[name])) {
      setErrors((now) => Object.fromEntries(Object.entries(now).filter(([name]) => !names.includes(name as keyof NeedForm))))
    }
  }

  // Say at once that a number is wrong, rather than only when the form is sent.
  const checkOnBlur = (name: 'phone' | 'idCard') => {
    const value = (form.getFieldValue(name) as string) ?? ''
    if (!value.trim()) return
    const check = name === 'phone' ? checkPhone(value) : checkIdCard(value, today)
    if (!check.ok) setErrors((now) => ({ ...now, [name]: [check.error] }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement
    // Tab in an open dropdown: the dropdown takes the highlighted option and keeps the focus
    // (it cancels the Tab); move on as the clerk meant, so "xf Tab" picks 幸福村 and goes to the next field.
    if (event.key === 'Tab' && event.defaultPrevented && target.closest('.ant-select')) {
      focusStep(event.currentTarget, target, event.shiftKey ? -1 : 1)
      return
    }
    // Enter that confirms a Chinese input method's candidate is not ours.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      void submit()
      return
    }
    if (target.tagName === 'TEXTAREA') {
      if (!event.shiftKey) {
        event.preventDefault()
        void submit()
      }
      return
    }
    // Inside a dropdown Enter picks the highlighted option.
    if (target.closest('.ant-select')) return
    if (target.tagName === 'INPUT') {
      event.preventDefault()
      focusStep(event.currentTarget, target, 1)
    }
  }

  const openNeeds = useRepeatVisits(phone, idCard, today)
  const errorCount = Object.keys(errors).length

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('register.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('register.hint')}</Typography.Paragraph>
          {showSummary && errorCount > 0 && (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('app.fixFields', { count: errorCount })} />
          )}
          {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
          <Form
            form={form}
            name="register"
            layout="vertical"
            size="large"
            initialValues={initialValues}
            onValuesChange={onValuesChange}
            onKeyDown={onKeyDown}
            aria-label={t('register.title')}
          >
            <Row gutter={16}>
              <Col xs={24} md={7}>
                <Form.Item name="residentName" label={t('register.field.residentName')} required {...errorOf('residentName')}>
                  <Input autoFocus autoComplete="off" maxLength={50} placeholder={t('register.placeholder.residentName')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="phone" label={t('register.field.phone')} required {...errorOf('phone')}>
                  <Input
                    type="tel"
                    inputMode="tel"
                    autoComplete="off"
                    placeholder={t('register.placeholder.phone')}
                    onBlur={() => checkOnBlur('phone')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item
                  name="idCard"
                  label={t('register.field.idCard')}
                  {...errorOf('idCard')}
                  extra={checkedId?.ok ? t('register.idCardMaskedAs', { masked: maskIdCard(checkedId.value) }) : undefined}
                >
                  <Input autoComplete="off" placeholder={t('register.placeholder.idCard')} onBlur={() => checkOnBlur('idCard')} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="village" label={t('register.field.village')} required {...errorOf('village')}>
                  <Select
                    showSearch={{ filterOption: optionMatches }}
                    options={villageOptions}
                    placeholder={t('register.placeholder.village')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="address" label={t('register.field.address')} {...errorOf('address')}>
                  <Input autoComplete="off" maxLength={200} placeholder={t('register.placeholder.address')} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={9}>
                <Form.Item name="category" label={t('register.field.category')}>
                  <Select
                    showSearch={{ filterOption: optionMatches }}
                    options={categoryOptions}
                    placeholder={t('register.placeholder.category')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={15}>
                <Form.Item
                  name="categoryItem"
                  label={t('register.field.categoryItem')}
                  required
                  {...errorOf('categoryItem')}
                  extra={
                    leadDepartment ? (
                      <span data-testid="lead-department">{t('register.leadDepartment', { department: leadDepartment })}</span>
                    ) : undefined
                  }
                >
                  <Select showSearch={{ filterOption: optionMatches }} options={itemOptions} placeholder={t('register.placeholder.categoryItem')} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="channel" label={t('register.field.channel')} required {...errorOf('channel')}>
                  <Select showSearch={{ filterOption: optionMatches }} options={channelOptions} />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item name="urgency" label={t('register.field.urgency')} required {...errorOf('urgency')}>
                  <Radio.Group
                    optionType="button"
                    aria-label={t('register.field.urgency')}
                    options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="description"
              label={t('register.field.description')}
              required
              {...errorOf('description')}
              extra={t('register.descriptionKeys')}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('register.placeholder.description')} />
            </Form.Item>
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
              {t('register.submit')} ({t('register.submitHint')})
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <RepeatVisits rows={openNeeds.rows} looking={openNeeds.looking} today={today} />
      </Col>
    </Row>
  )
}

/** Focuses the next (1) or previous (-1) place Tab would go in the form: radios count once, at the checked one. */
function focusStep(container: HTMLElement, from: HTMLElement, step: 1 | -1) {
  const stops = Array.from(container.querySelectorAll<HTMLElement>('input, textarea, button, [tabindex]')).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLInputElement).disabled &&
      (el as HTMLInputElement).type !== 'hidden' &&
      !((el as HTMLInputElement).type === 'radio' && !(el as HTMLInputElement).checked) &&
      el.getClientRects().length > 0,
  )
  const at = stops.indexOf(from)
  if (at >= 0) stops[at + step]?.focus()
}

function useRepeatVisits(phone: string, idCard: string, today: string) {
  const { ledger, version } = useLedger()
  const rows = useMemo(
    () => repeatVisits(ledger.all(), phone, idCard, today),
    // version: the store's rows changed (a need registered or closed, here or by sync)
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
