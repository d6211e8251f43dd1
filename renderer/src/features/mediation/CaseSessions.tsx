import { AutoComplete, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import type { StepForm } from '../../ui/LifecycleActions'
import { useCommandContext, useStation } from '../../ui/session'
import type { CaseFile } from '../../data/mediationRepository'

// 记录调解: one mediation session (date, place, who attended, 笔录), its own document. The domain refuses a
// session dated before the case was taken in, or one missing its place, attendees or record.

export interface SessionValues {
  date?: Dayjs | null
  place?: string
  attendees?: string[]
  record?: string
}

/** The form of 记录调解 among the case's steps. */
export function useSessionStep(
  file: CaseFile,
  /** the names to offer as attendees: the mediators, and the parties when this viewer may see them */
  names: string[],
): StepForm<SessionValues> {
  const { t } = useTranslation()
  const { services } = useStation()
  const ctx = useCommandContext()
  const today = useToday()

  // Places used before in this case come first: sessions are usually held in the same room.
  const places = useMemo(() => [...new Set(file.sessions.map((s) => s.place))].map((value) => ({ value })), [file.sessions])
  const attendeeOptions = useMemo(() => [...new Set(names)].map((name) => ({ value: name, label: name })), [names])

  return {
    name: 'mediation-session',
    initialValues: { date: dayjs(today), place: places[0]?.value ?? '', attendees: [], record: '' },
    command: (values) =>
      services.mediation.session(
        file.caseDoc._id,
        {
          date: values.date ? values.date.format('YYYY-MM-DD') : '',
          place: values.place ?? '',
          attendees: values.attendees ?? [],
          record: values.record ?? '',
        },
        ctx(),
      ),
    savedText: t('mediation.form.saved', { step: t('mediation.step.session') }),
    fields: (
      <>
        <Form.Item name="date" label={t('mediation.form.sessionDate')} required>
          <DatePicker aria-label={t('mediation.form.sessionDate')} style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="place" label={t('mediation.form.place')} required>
          <AutoComplete aria-label={t('mediation.form.place')} options={places} placeholder={t('mediation.form.placePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="attendees" label={t('mediation.form.attendees')} required extra={t('mediation.form.attendeesHint')}>
          <Select
            mode="tags"
            aria-label={t('mediation.form.attendees')}
            options={attendeeOptions}
            tokenSeparators={['、', ',', '，']}
            placeholder={t('mediation.form.attendeesPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="record" label={t('mediation.form.record')} required>
          <Input.TextArea aria-label={t('mediation.form.record')} autoSize={{ minRows: 5, maxRows: 14 }} placeholder={t('mediation.form.recordPlaceholder')} />
        </Form.Item>
      </>
    ),
  }
}
