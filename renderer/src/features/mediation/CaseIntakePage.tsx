import { Alert, App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useEnterToNextField } from '../../ui/useEnterToNextField'
import { FormErrorsSummary, useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import { CASE_SOURCES, DISPUTE_TYPES, shownCaseNumber, type CaseFormInput, type CaseSource, type DisputeType } from '../../domain/mediation'
import type { NeedDoc } from '../../domain/needs'
import { matchesQuery, searchKeysFor } from '../../domain/personal'
import { blankParty, CasePartiesFields, type PartyValues } from './CasePartiesFields'
import './mediation.css'

// 受理: takes in a dispute. Converted from a need (`?needId=…`), it starts from the need: source 转自诉求,
// the resident as the applicant, the need's description as the facts. The domain checks everything at
// once; refused fields are marked with its messages and nothing is written. Enter moves to the next
// field, Ctrl+Enter saves.

interface IntakeValues {
  source?: CaseSource
  disputeType?: DisputeType
  applicants: PartyValues[]
  respondents: PartyValues[]
  summary?: string
  amount?: number | null
  highRisk: boolean
}

/** Where the focus goes first when a save is refused: the form's order. */
const FIELD_ORDER = ['source', 'needId', 'disputeType', 'applicants', 'respondents', 'summary', 'amount']

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

type NeedLoad = { state: 'none' } | { state: 'loading' } | { state: 'missing' } | { state: 'found'; need: NeedDoc }

export function CaseIntakePage() {
  const { t } = useTranslation()
  const { services } = useStation()
  const [params] = useSearchParams()
  const needId = params.get('needId') ?? ''
  const [need, setNeed] = useState<NeedLoad>(needId ? { state: 'loading' } : { state: 'none' })

  useEffect(() => {
    if (!needId) {
      setNeed({ state: 'none' })
      return
    }
    let live = true
    setNeed({ state: 'loading' })
    services.needs.get(needId).then(
      (doc) => live && setNeed(doc && doc.type === 'need' ? { state: 'found', need: doc } : { state: 'missing' }),
      () => live && setNeed({ state: 'missing' }),
    )
    return () => {
      live = false
    }
  }, [services, needId])

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ marginBottom: 12 }}>
        <Link to={paths.mediation}>← {t('mediation.list.title')}</Link>
      </Space>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('mediation.intake.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('mediation.intake.hint')}</Typography.Paragraph>
        {need.state === 'loading' && <Spin />}
        {need.state === 'missing' && <Alert type="error" showIcon role="alert" title={t('mediation.error.needNotFound')} />}
        {need.state === 'none' && <IntakeForm need={null} />}
        {need.state === 'found' && <IntakeForm key={need.need._id} need={need.need} />}
      </Card>
    </div>
  )
}

/** What the form starts from: blank, or the need's resident and description. */
function startingValues(need: NeedDoc | null): IntakeValues {
  if (!need) return { source: 'walkIn', disputeType: undefined, applicants: [blankParty()], respondents: [blankParty()], summary: '', amount: null, highRisk: false }
  return {
    source: 'need',
    disputeType: undefined,
    applicants: [
      {
        name: need.resident.name,
        phone: need.resident.phone,
        idCard: '',
        ...(need.resident.idCard ? { idCardOnFile: need.resident.idCard } : {}),
        address: `${need.village}${need.address}`,
      },
    ],
    respondents: [blankParty()],
    summary: need.description,
    amount: null,
    highRisk: false,
  }
}

function toInput(values: IntakeValues, needId: string): CaseFormInput {
  const party = (p: PartyValues) => ({
    name: p.name ?? '',
    phone: p.phone ?? '',
    idCard: (p.idCard ?? '').trim() || p.idCardOnFile || '',
    address: p.address ?? '',
  })
  return {
    source: values.source as CaseSource,
    needId,
    disputeType: values.disputeType as DisputeType,
    applicants: (values.applicants ?? []).map(party),
    respondents: (values.respondents ?? []).map(party),
    summary: values.summary ?? '',
    amount: typeof values.amount === 'number' ? values.amount : null,
    highRisk: !!values.highRisk,
  }
}

function IntakeForm({ need }: { need: NeedDoc | null }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const ctx = useCommandContext()
  const navigate = useNavigate()
  const [form] = Form.useForm<IntakeValues>()
  const initialValues = useMemo(() => startingValues(need), [need])
  // A party's field is marked by its path (`applicants.0.phone`), a side's own message ("add one") by the side.
  // A field being corrected is no longer marked; editing a party unmarks its whole side (antd reports the list).
  const errors = useFormErrors(form, { order: FIELD_ORDER })
  const { busy, failure, setFailure, submit } = useSubmit()

  const sourceOptions = CASE_SOURCES.filter((source) => (need ? source === 'need' : source !== 'need')).map((source) => ({
    value: source,
    label: t(`mediation.source.${source}`),
    keys: searchKeysFor(t(`mediation.source.${source}`)),
  }))
  const typeOptions = DISPUTE_TYPES.map((type) => ({
    value: type,
    label: t(`mediation.disputeType.${type}`),
    keys: searchKeysFor(t(`mediation.disputeType.${type}`)),
  }))

  const save = () =>
    submit(async () => {
      const result = await services.mediation.intake(toInput(form.getFieldsValue(true) as IntakeValues, need?._id ?? ''), ctx())
      if (result.ok) {
        void message.success(t('mediation.intake.saved', { number: shownCaseNumber(result.value.number) }))
        navigate(paths.mediationCase(result.value._id))
      } else if ('errors' in result) errors.show(result.errors)
      else setFailure(t(result.error))
    })

  // Enter starts a new line in the facts (they run to paragraphs); Ctrl+Enter saves.
  const onKeyDown = useEnterToNextField(() => void save())

  return (
    <>
      <FormErrorsSummary count={errors.count} />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form
        form={form}
        name="mediation-intake"
        aria-label={t('mediation.intake.title')}
        layout="vertical"
        size="large"
        initialValues={initialValues}
        onValuesChange={errors.clearChanged}
        onKeyDown={onKeyDown}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="source" label={t('mediation.field.source')} required {...errors.itemProps('source')}>
              <Select
                aria-label={t('mediation.field.source')}
                disabled={!!need}
                showSearch={{ filterOption: optionMatches }}
                options={sourceOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="disputeType" label={t('mediation.field.disputeType')} required {...errors.itemProps('disputeType')}>
              <Select
                autoFocus
                aria-label={t('mediation.field.disputeType')}
                placeholder={t('mediation.intake.placeholder.disputeType')}
                showSearch={{ filterOption: optionMatches }}
                options={typeOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {need ? (
              <Form.Item label={t('mediation.field.need')} {...errors.itemProps('needId')}>
                <Link to={paths.need(need._id)} data-testid="intake-need-link">
                  {t('mediation.intake.fromNeed', { number: need.number })}
                </Link>
              </Form.Item>
            ) : null}
          </Col>
        </Row>
        <Divider style={{ margin: '4px 0 16px' }} />
        <CasePartiesFields side="applicants" errorOf={errors.itemProps} sideError={errors.messages('applicants')} />
        <Divider style={{ margin: '4px 0 16px' }} />
        <CasePartiesFields side="respondents" errorOf={errors.itemProps} sideError={errors.messages('respondents')} />
        <Divider style={{ margin: '4px 0 16px' }} />
        <Form.Item name="summary" label={t('mediation.field.summary')} required {...errors.itemProps('summary')} extra={t('mediation.intake.summaryKeys')}>
          <Input.TextArea
            aria-label={t('mediation.field.summary')}
            autoSize={{ minRows: 4, maxRows: 12 }}
            placeholder={t('mediation.intake.placeholder.summary')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="amount" label={t('mediation.field.amount')} {...errors.itemProps('amount')} extra={t('mediation.intake.amountHint')}>
              <InputNumber
                aria-label={t('mediation.field.amount')}
                min={0}
                max={1e10}
                precision={2}
                style={{ width: '100%' }}
                suffix={t('mediation.yuan')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="highRisk" label={t('mediation.field.highRisk')} valuePropName="checked" extra={t('mediation.intake.highRiskHint')}>
              <Switch aria-label={t('mediation.field.highRisk')} checkedChildren={t('mediation.highRisk')} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap size="middle">
          <Button type="primary" size="large" loading={busy} onClick={() => void save()} data-testid="intake-save">
            {t('mediation.intake.submit')} (Ctrl+Enter)
          </Button>
          <Button size="large" onClick={() => navigate(need ? paths.need(need._id) : paths.mediation)}>
            {t('app.cancel')}
          </Button>
        </Space>
      </Form>
    </>
  )
}
