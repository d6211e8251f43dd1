import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Form, Radio, TimePicker, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import type { DutyDays, DutyPattern } from '../../domain/duty'

// 班次设置: the shifts of a duty day (e.g. 08:30–12:00 and 14:00–17:30) and whether duty is on working
// days only or every day. A change applies to rotas planned from now on; saved rotas keep their times.

interface PatternValues {
  slots: { start?: Dayjs | null; end?: Dayjs | null }[]
  days: DutyDays
}

const time = (hhmm: string): Dayjs => {
  const [h, m] = hhmm.split(':').map(Number)
  return dayjs().hour(h!).minute(m!).second(0).millisecond(0)
}

const toValues = (pattern: DutyPattern): PatternValues => ({
  slots: pattern.slots.map((slot) => ({ start: time(slot.start), end: time(slot.end) })),
  days: pattern.days,
})

const toPattern = (values: PatternValues): DutyPattern => ({
  slots: (values.slots ?? []).map((slot) => ({ start: slot.start?.format('HH:mm') ?? '', end: slot.end?.format('HH:mm') ?? '' })),
  days: values.days,
})

export function DutyRosterPattern({ pattern }: { pattern: DutyPattern }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const commandContext = useCommandContext()
  const [form] = Form.useForm<PatternValues>()
  // `error` holds an i18n key; an unexpected error is a toast.
  const { busy, failure: error, setFailure: setError, submit } = useSubmit((text) => void message.error(text))

  const save = () =>
    submit(async () => {
      const result = await services.duty.savePattern(toPattern(form.getFieldsValue(true) as PatternValues), commandContext())
      if (result.ok) {
        form.setFieldsValue(toValues(result.value))
        void message.success(t('duty.pattern.saved'))
      } else setError('error' in result ? result.error : 'duty.error.shiftTime')
    })

  return (
    <Card title={t('duty.pattern.title')} data-testid="duty-pattern">
      <Typography.Paragraph type="secondary">{t('duty.pattern.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t(error)} />}
      <Form<PatternValues> form={form} layout="vertical" initialValues={toValues(pattern)} onValuesChange={() => setError('')} aria-label={t('duty.pattern.title')}>
        <Form.Item label={t('duty.pattern.slots')}>
          <Form.List name="slots">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="center" wrap>
                    <Typography.Text style={{ minWidth: '4em' }}>{t('duty.pattern.slotN', { n: index + 1 })}</Typography.Text>
                    <Form.Item name={[field.name, 'start']} noStyle>
                      <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} aria-label={t('duty.pattern.startLabel', { n: index + 1 })} />
                    </Form.Item>
                    <span aria-hidden>–</span>
                    <Form.Item name={[field.name, 'end']} noStyle>
                      <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} aria-label={t('duty.pattern.endLabel', { n: index + 1 })} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('duty.pattern.removeSlot', { n: index + 1 })}
                      onClick={() => {
                        remove(field.name)
                        setError('')
                      }}
                    />
                  </Flex>
                ))}
                <div>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ start: null, end: null })}>
                    {t('duty.pattern.addSlot')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="days" label={t('duty.pattern.days')}>
          <Radio.Group
            options={[
              { value: 'working', label: t('duty.pattern.daysWorking') },
              { value: 'everyDay', label: t('duty.pattern.daysEveryDay') },
            ]}
          />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('duty.pattern.save')}
        </Button>
      </Form>
    </Card>
  )
}
