import { LockOutlined } from '@ant-design/icons'
import { App, Button, Col, Divider, Form, Input, InputNumber, Radio, Row, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../ui/session'
import { useFormErrors } from '../../ui/useFormErrors'
import type { RefusedField } from '../../data/command'
import type { DeadlineMode } from '../../domain/calendar'
import {
  checkStationForm,
  defaultStationForm,
  joinNames,
  splitNames,
  suggestStationCode,
  type StationDoc,
  type StationForm,
} from '../../domain/station'
import { AdministratorFields, administratorFieldProblems, type AdministratorValues } from '../people/AdministratorFields'

// The station form, shared by first-run setup and settings: same fields, same checks, same save. On first
// run it also takes the first administrator (name and PIN), saved with the station.

/** What the inputs hold: the lists are text, one name a line, so a column can be pasted in. */
interface FormValues extends AdministratorValues {
  name: string
  code: string
  phone: string
  villages: string
  staff: string
  deadlineDays: number | null
  deadlineMode: DeadlineMode
}

type Field = keyof FormValues

const toValues = (form: StationForm): FormValues => ({
  ...form,
  villages: joinNames(form.villages),
  staff: joinNames(form.staff),
})

const toForm = ({ adminName: _name, pin: _pin, pinAgain: _again, ...values }: FormValues): StationForm => ({
  ...values,
  villages: splitNames(values.villages ?? ''),
  staff: splitNames(values.staff ?? ''),
  deadlineDays: values.deadlineDays as number,
})

const FIELD_ORDER: Field[] = ['name', 'code', 'phone', 'villages', 'staff', 'deadlineDays', 'deadlineMode', 'adminName', 'pin', 'pinAgain']

export function StationFormFields({
  station,
  submitLabel,
  onSaved,
  onSetUp,
}: {
  /** The station being edited; without it this is first-run setup: the code can still be chosen, and the administrator is set. */
  station?: StationDoc
  submitLabel: string
  onSaved?(station: StationDoc): void
  /** First run: the station and its administrator are saved; the recovery code is to be shown once. */
  onSetUp?(recoveryCode: string, stationName: string): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { saveStation, setUp } = useSession()
  const [form] = Form.useForm<FormValues>()
  // A long form (on first run it is the whole page): the first bad field is brought to the middle of the screen.
  const errors = useFormErrors<Field>(form, { order: FIELD_ORDER, scroll: true })
  const [saving, setSaving] = useState(false)
  const codeLocked = Boolean(station)
  /** Whether the clerk typed a code; only then does it stop following the name. */
  const codeTyped = useRef(false)

  const villages = Form.useWatch('villages', form) ?? ''
  const staff = Form.useWatch('staff', form) ?? ''

  // The count in a toast: the form has no line of its own above it.
  const showErrors = (list: readonly RefusedField<Field>[]) => {
    void message.error(t('app.fixFields', { count: errors.show(list) }))
  }

  const submit = async (values: FormValues) => {
    const checked = checkStationForm(toForm({ ...values, code: station?.code ?? values.code ?? '' }))
    const admin = station ? [] : administratorFieldProblems(values)
    if (!checked.ok || admin.length) return showErrors([...(checked.ok ? [] : checked.errors), ...admin])
    setSaving(true)
    try {
      if (!station) {
        const made = await setUp(checked.value, { name: values.adminName ?? '', pin: values.pin ?? '' })
        if (!made.ok) return 'error' in made ? void message.error(t(made.error)) : showErrors(made.errors)
        return onSetUp?.(made.value.recoveryCode, checked.value.name)
      }
      const result = await saveStation(checked.value)
      if (!result.ok) return 'error' in result ? void message.error(t(result.error)) : showErrors(result.errors)
      errors.reset()
      form.setFieldsValue(toValues(result.value))
      onSaved?.(result.value)
    } catch (error) {
      void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setSaving(false)
    }
  }

  // Called for the clerk's own edits only (not for values set from code).
  const onValuesChange = (changed: Partial<FormValues>) => {
    const fields = Object.keys(changed) as Field[]
    if (fields.includes('code')) codeTyped.current = true
    // Until the clerk types a code, offer one made from the name: most clerks would not know what to invent.
    if (changed.name !== undefined && !codeLocked && !codeTyped.current) {
      form.setFieldValue('code', suggestStationCode(changed.name))
      fields.push('code')
    }
    // A field being corrected loses its message; the others keep theirs until the next save.
    errors.clear(...fields)
  }

  const countOf = (text: string) => t('settings.field.listCount', { count: splitNames(text).length })

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={toValues(station ?? defaultStationForm)}
      onFinish={submit}
      onValuesChange={onValuesChange}
    >
      <Form.Item name="name" label={t('settings.field.name')} required {...errors.itemProps('name')}>
        <Input autoFocus maxLength={100} placeholder={t('settings.field.namePlaceholder')} />
      </Form.Item>

      <Form.Item
        name="code"
        label={t('settings.field.code')}
        required={!codeLocked}
        normalize={(value: string) => value.normalize('NFKC').toLowerCase()}
        {...errors.itemProps('code', codeLocked ? t('settings.field.codeLocked') : t('settings.field.codeHint'))}
      >
        <Input
          disabled={codeLocked}
          prefix={codeLocked ? <LockOutlined aria-hidden /> : undefined}
          maxLength={32}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('settings.field.codePlaceholder')}
          style={{ fontFamily: 'monospace', maxWidth: 360 }}
          // Locked, but still to be read (and copied) by a technician: not the faint grey of a disabled input.
          styles={{ input: codeLocked ? { color: 'rgba(0, 0, 0, 0.88)', fontFamily: 'monospace' } : { fontFamily: 'monospace' } }}
        />
      </Form.Item>

      <Form.Item name="phone" label={t('settings.field.phone')} {...errors.itemProps('phone', t('settings.field.phoneHint'))}>
        <Input inputMode="tel" maxLength={40} placeholder={t('settings.field.phonePlaceholder')} style={{ maxWidth: 360 }} />
      </Form.Item>

      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="villages"
            label={t('settings.field.villages')}
            required
            {...errors.itemProps('villages', `${t('settings.field.listHint')} · ${countOf(villages)}`)}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('settings.field.villagesPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="staff"
            label={t('settings.field.staff')}
            required
            {...errors.itemProps('staff', `${t('settings.field.listHint')} · ${countOf(staff)}`)}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('settings.field.staffPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="deadlineDays"
            label={t('settings.field.deadlineDays')}
            required
            {...errors.itemProps('deadlineDays', t('settings.field.deadlineDaysHint'))}
          >
            <InputNumber min={1} max={30} precision={0} suffix={t('settings.field.days')} style={{ width: 160 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="deadlineMode" label={t('settings.field.deadlineMode')} required {...errors.itemProps('deadlineMode')}>
            <Radio.Group
              aria-label={t('settings.field.deadlineMode')}
              options={[
                { value: 'calendar', label: t('deadlineMode.calendar') },
                { value: 'working', label: t('deadlineMode.working') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>

      {!station && (
        <>
          <Divider />
          <Typography.Title level={4}>{t('people.setup.section')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('people.setup.intro')}</Typography.Paragraph>
          <AdministratorFields itemProps={errors.itemProps} />
        </>
      )}

      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving} autoInsertSpace={false} style={{ minWidth: 160 }}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  )
}
