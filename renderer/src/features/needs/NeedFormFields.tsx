import { Alert, Button, Checkbox, Col, Form, Input, Radio, Row, Select, Space, type FormInstance } from 'antd'
import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import { useEnterToNextField } from '../../ui/useEnterToNextField'
import { FormErrorsSummary, useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import type { CommandResult } from '../../data/command'
import { categories, categoryOfItem, leadDepartmentFor, type Lang } from '../../domain/categories'
import { checkIdCard, maskIdCard, checkPhone, matchesQuery, searchKeysFor } from '../../domain/personal'
import { NEED_CHANNELS, URGENCIES, type FieldError, type NeedDoc, type NeedForm, type NeedFormInput } from '../../domain/needs'

// The registration details of a need, as a form: used to register one (登记诉求) and to correct one
// (更正登记信息), so both have the same fields, keyboard flow and messages. Done by keyboard alone: fields
// follow the paper form; Enter moves on (as on the paper form's next line), Enter in the last field or
// Ctrl+Enter submits. The command's answer is shown here: refused fields are marked with their messages.

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

/**
 * The form's fields: the domain's, plus the category, which only narrows the item list. Empty dropdowns hold
 * undefined (so they show their placeholder); the domain is given '' for them. `clearIdCard` is a
 * correction's "remove the ID number on file".
 */
export type NeedFormValues = { [K in keyof NeedFormInput | 'category']?: string } & { clearIdCard?: boolean }

interface SearchableOption {
  value: string
  label: string
  /** the label, its pinyin and initials: "xf" finds 幸福村 */
  keys: string
}

const searchable = (value: string, label: string): SearchableOption => ({ value, label, keys: searchKeysFor(label) })

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

/** The values a form starts from for a need already stored: its details, the ID number left out (see idCardOnFile). */
export function needFormValues(form: NeedForm): NeedFormValues {
  return { ...form, idCard: '', category: categoryOfItem(form.categoryItem)?.code, clearIdCard: false }
}

export interface NeedFormFieldsProps {
  form: FormInstance<NeedFormValues>
  /** the form's name, and its accessible name */
  name: string
  title: string
  initialValues: NeedFormValues
  /** the villages to choose from */
  villages: readonly string[]
  /**
   * A correction of a need that has an ID number on file: that number, masked. The ID field then starts
   * blank, and blank means "keep it" (the full number is never put in a field on screen).
   */
  idCardOnFile?: string
  submitLabel: string
  /** shown under the channel (e.g. to whom a need by 书记轮值 will go) */
  channelExtra?: ReactNode
  /** shown after the submit button (e.g. 取消) */
  actions?: ReactNode
  /** Runs the command. `keepIdCard`: the ID field was left blank and the number on file is to stay. */
  onSubmit(input: NeedFormInput, options: { keepIdCard: boolean }): Promise<CommandResult<NeedDoc, FieldError>>
  onSaved(need: NeedDoc): void
}

export function NeedFormFields({
  form,
  name,
  title,
  initialValues,
  villages,
  idCardOnFile,
  submitLabel,
  channelExtra,
  actions,
  onSubmit,
  onSaved,
}: NeedFormFieldsProps) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const today = useToday()
  const { busy, failure, setFailure, submit: once } = useSubmit()
  const errors = useFormErrors<keyof NeedForm>(form, { order: FIELD_ORDER })

  const idCard = Form.useWatch('idCard', form) ?? ''
  const clearIdCard = Form.useWatch('clearIdCard', form) ?? false
  const categoryItem = Form.useWatch('categoryItem', form) ?? ''

  const villageOptions = useMemo(() => villages.map((v) => searchable(v, v)), [villages])
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

  const submit = () =>
    once(async () => {
      const values = form.getFieldsValue(true) as NeedFormValues
      const input = Object.fromEntries(FIELD_ORDER.map((field) => [field, values[field] ?? ''])) as NeedFormInput
      const keepIdCard = !!idCardOnFile && !values.clearIdCard && !(values.idCard ?? '').trim()
      const result = await onSubmit(input, { keepIdCard })
      if (result.ok) onSaved(result.value)
      else if ('errors' in result) errors.show(result.errors)
      else setFailure(t(result.error))
    })

  // A field being corrected is no longer marked.
  const onValuesChange = (changed: Partial<NeedFormValues>) => {
    // Choosing an item settles its category; another category drops an item that is not in it.
    if (changed.categoryItem) form.setFieldValue('category', categoryOfItem(changed.categoryItem)?.code)
    if ('category' in changed) {
      setNarrowTo(changed.category ?? '')
      const item = form.getFieldValue('categoryItem') as string | undefined
      if (item && categoryOfItem(item)?.code !== changed.category) form.setFieldValue('categoryItem', undefined)
    }
    // Removing the number on file leaves nothing to type.
    if (changed.clearIdCard) form.setFieldValue('idCard', '')
    errors.clear(...Object.keys(changed).map((field) => (field === 'clearIdCard' ? 'idCard' : field)))
  }

  // Say at once that a number is wrong, rather than only when the form is sent.
  const checkOnBlur = (field: 'phone' | 'idCard') => {
    const value = (form.getFieldValue(field) as string) ?? ''
    if (!value.trim()) return
    const check = field === 'phone' ? checkPhone(value) : checkIdCard(value, today)
    if (!check.ok) errors.mark(field, check.error)
  }

  const onKeyDown = useEnterToNextField(() => void submit(), { submitOnLastField: true })

  /** What the ID field's hint says: how a typed number will show, or (correcting) what is on file. */
  const idCardHint = () => {
    if (checkedId?.ok) return t('register.idCardMaskedAs', { masked: maskIdCard(checkedId.value) })
    if (idCardOnFile && !clearIdCard) return t('detail.correct.idCardOnFile', { masked: idCardOnFile })
    return undefined
  }

  return (
    <>
      <FormErrorsSummary count={errors.count} />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form
        form={form}
        name={name}
        layout="vertical"
        size="large"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onKeyDown={onKeyDown}
        aria-label={title}
      >
        <Row gutter={16}>
          <Col xs={24} md={7}>
            <Form.Item name="residentName" label={t('register.field.residentName')} required {...errors.itemProps('residentName')}>
              <Input autoFocus autoComplete="off" maxLength={50} placeholder={t('register.placeholder.residentName')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="phone" label={t('register.field.phone')} required {...errors.itemProps('phone')}>
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
              {...errors.itemProps('idCard')}
              extra={idCardHint()}
              style={idCardOnFile ? { marginBottom: 4 } : undefined}
            >
              <Input
                autoComplete="off"
                disabled={clearIdCard}
                placeholder={t(idCardOnFile ? 'detail.correct.idCardPlaceholder' : 'register.placeholder.idCard')}
                onBlur={() => checkOnBlur('idCard')}
              />
            </Form.Item>
            {idCardOnFile && (
              <Form.Item name="clearIdCard" valuePropName="checked">
                <Checkbox>{t('detail.correct.clearIdCard')}</Checkbox>
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="village" label={t('register.field.village')} required {...errors.itemProps('village')}>
              <Select showSearch={{ filterOption: optionMatches }} options={villageOptions} placeholder={t('register.placeholder.village')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('register.field.address')} {...errors.itemProps('address')}>
              <Input autoComplete="off" maxLength={200} placeholder={t('register.placeholder.address')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <Form.Item name="category" label={t('register.field.category')}>
              <Select showSearch={{ filterOption: optionMatches }} options={categoryOptions} placeholder={t('register.placeholder.category')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={15}>
            <Form.Item
              name="categoryItem"
              label={t('register.field.categoryItem')}
              required
              {...errors.itemProps('categoryItem')}
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
            <Form.Item name="channel" label={t('register.field.channel')} required extra={channelExtra} {...errors.itemProps('channel')}>
              <Select showSearch={{ filterOption: optionMatches }} options={channelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="urgency" label={t('register.field.urgency')} required {...errors.itemProps('urgency')}>
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
          {...errors.itemProps('description')}
          extra={t('register.descriptionKeys')}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('register.placeholder.description')} />
        </Form.Item>
        <Space wrap size="middle">
          <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
            {submitLabel} ({t('register.submitHint')})
          </Button>
          {actions}
        </Space>
      </Form>
    </>
  )
}
