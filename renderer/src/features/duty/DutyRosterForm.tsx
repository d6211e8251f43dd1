import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Checkbox, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import { FormErrorsSummary, useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import { WEEKDAYS, type DutySecretaryDoc, type SecretaryForm, type SecretaryFormInput, type Weekday } from '../../domain/duty'
import { matchesQuery, searchKeysFor } from '../../domain/personal'

// 添加书记 / 编辑书记: a secretary's details, the weekdays they never serve and their leave. The domain
// checks everything at once; refused fields are marked with its messages and nothing is written.

type Field = keyof SecretaryForm

/** What the inputs hold: leave as date ranges (from … to), either end possibly empty while typed. */
interface SecretaryValues {
  name: string
  village?: string
  phone: string
  active: boolean
  unavailableWeekdays: Weekday[]
  leaves: { range?: [Dayjs | null, Dayjs | null] | null; reason?: string }[]
}

const FIELD_ORDER: Field[] = ['name', 'village', 'phone', 'active', 'unavailableWeekdays', 'leaves']

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '')

function toInput(values: SecretaryValues): SecretaryFormInput {
  return {
    name: values.name ?? '',
    village: values.village ?? '',
    phone: values.phone ?? '',
    active: values.active ?? true,
    unavailableWeekdays: values.unavailableWeekdays ?? [],
    leaves: (values.leaves ?? []).map((leave) => ({ from: day(leave.range?.[0]), to: day(leave.range?.[1]), reason: leave.reason ?? '' })),
  }
}

function toValues(doc: DutySecretaryDoc | null): SecretaryValues {
  if (!doc) return { name: '', village: undefined, phone: '', active: true, unavailableWeekdays: [], leaves: [] }
  return {
    name: doc.name,
    village: doc.village,
    phone: doc.phone,
    active: doc.active,
    unavailableWeekdays: doc.unavailableWeekdays,
    leaves: doc.leaves.map((leave) => ({ range: [dayjs(leave.from), dayjs(leave.to)], reason: leave.reason })),
  }
}

export function DutyRosterForm({ secretary, onClose }: { /** null: a new secretary */ secretary: DutySecretaryDoc | null; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services, station } = useStation()
  const commandContext = useCommandContext()
  const [form] = Form.useForm<SecretaryValues>()
  // The leave list has no input of its own to focus: its message shows in place of its hint.
  const errors = useFormErrors<Field>(form, { order: FIELD_ORDER })
  // `failure` holds an i18n key; an unexpected error is a toast.
  const { busy, failure, setFailure, submit } = useSubmit((text) => void message.error(text))

  const villageOptions = useMemo(
    () => station.villages.map((village) => ({ value: village, label: village, keys: searchKeysFor(village) })),
    [station.villages],
  )
  const weekdayOptions = WEEKDAYS.map((weekday) => ({ value: weekday, label: t(`duty.weekday.${weekday}`) }))

  const save = () =>
    submit(async () => {
      const input = toInput(form.getFieldsValue(true) as SecretaryValues)
      const result = await services.duty.saveSecretary(input, commandContext(), secretary?._id)
      if (result.ok) {
        void message.success(t(secretary ? 'duty.roster.saved' : 'duty.roster.added', { name: result.value.name }))
        onClose()
      } else if ('errors' in result) errors.show(result.errors)
      else setFailure(result.error)
    })

  const title = secretary ? t('duty.roster.editTitle', { name: secretary.name }) : t('duty.roster.addTitle')

  return (
    <Modal
      open
      title={title}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="secretary-save">
            {t('duty.roster.save')}
          </Button>
        </Flex>
      }
    >
      <FormErrorsSummary count={errors.count} />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t(failure)} />}
      <Form<SecretaryValues>
        form={form}
        name="dutySecretary"
        layout="vertical"
        initialValues={toValues(secretary)}
        onValuesChange={errors.clearChanged}
        aria-label={title}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('duty.roster.field.name')} required {...errors.itemProps('name')}>
              <Input autoFocus autoComplete="off" maxLength={20} placeholder={t('duty.roster.placeholder.name')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="village" label={t('duty.roster.field.village')} required {...errors.itemProps('village')}>
              <Select
                showSearch={{ filterOption: (input, option) => !!option?.keys && matchesQuery(option.keys, input) }}
                options={villageOptions}
                placeholder={t('duty.roster.placeholder.village')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('duty.roster.field.phone')} required {...errors.itemProps('phone')}>
              <Input type="tel" inputMode="tel" autoComplete="off" placeholder={t('duty.roster.placeholder.phone')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="active"
          label={t('duty.roster.field.active')}
          valuePropName="checked"
          extra={t('duty.roster.activeHint')}
          {...errors.itemProps('active')}
        >
          <Switch checkedChildren={t('duty.roster.activeOn')} unCheckedChildren={t('duty.roster.activeOff')} />
        </Form.Item>
        <Form.Item
          name="unavailableWeekdays"
          label={t('duty.roster.field.unavailableWeekdays')}
          extra={t('duty.roster.unavailableHint')}
          {...errors.itemProps('unavailableWeekdays')}
        >
          <Checkbox.Group options={weekdayOptions} />
        </Form.Item>
        <Form.Item label={t('duty.roster.field.leaves')} {...errors.itemProps('leaves', t('duty.roster.leavesHint'))}>
          <Form.List name="leaves">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} data-testid="leave-list">
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="center" wrap>
                    <Form.Item name={[field.name, 'range']} noStyle>
                      <DatePicker.RangePicker
                        // Dates stay as typed: a leave that ends before it starts is pointed out, not silently turned round.
                        order={false}
                        format="YYYY-MM-DD"
                        placeholder={[t('duty.roster.leaveFrom'), t('duty.roster.leaveTo')]}
                        aria-label={t('duty.roster.leaveLabel', { n: index + 1 })}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'reason']} noStyle>
                      <Input
                        style={{ width: 220 }}
                        maxLength={100}
                        placeholder={t('duty.roster.leaveReason')}
                        aria-label={t('duty.roster.leaveReasonLabel', { n: index + 1 })}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('duty.roster.removeLeave', { n: index + 1 })}
                      onClick={() => {
                        remove(field.name)
                        errors.clear('leaves')
                      }}
                    />
                  </Flex>
                ))}
                <div>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ reason: '' })}>
                    {t('duty.roster.addLeave')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        {secretary && (
          <Typography.Text type="secondary">{t('duty.roster.editHint')}</Typography.Text>
        )}
      </Form>
    </Modal>
  )
}
