import { Alert, AutoComplete, DatePicker, Form, Input, Radio } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import { LifecycleActions, type StepForm } from '../../ui/LifecycleActions'
import { useCommandContext, useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { leadDepartmentFor, type Lang } from '../../domain/categories'
import {
  type NeedDoc,
  allowedEvents,
  SATISFACTIONS,
  type Handler,
  type NeedEventInput,
  type NeedEventKind,
  type NeedState,
  type NeedStatus,
  departmentNames,
  usedHandlerNames,
} from '../../domain/needs'

// The steps a need may take next, and only those: each opens a small form and records one step.

/** The step a clerk most likely wants next, drawn as the main button. */
const NEXT_STEP: Partial<Record<NeedStatus, NeedEventKind>> = {
  pending: 'assign',
  inProgress: 'resolve',
  resolved: 'followUp',
}

export function NeedActions({ need, state, onChanged }: { need: NeedDoc; state: NeedState; onChanged(): void }) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { services } = useStation()
  const ctx = useCommandContext()
  const lead = leadDepartmentFor(need.categoryItem, lang)

  const label = (kind: NeedEventKind) => (kind === 'assign' && state.handler ? t('detail.actions.reassign') : t(`event.${kind}`))
  const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }]

  const form = (kind: NeedEventKind): StepForm<StepValues> => ({
    // Reassigning starts from the current handler; a first assignment from a cadre (三天内上门解决).
    initialValues:
      kind === 'assign' ? { handlerKind: state.handler?.kind ?? 'cadre', handlerName: state.handler?.name ?? '' } : {},
    onValuesChange: (changed, stepForm) => {
      // Switching to a department suggests the category's 牵头部门; switching back clears it.
      if (kind !== 'assign' || !changed.handlerKind) return
      const keep = state.handler?.kind === changed.handlerKind ? state.handler.name : ''
      stepForm.setFieldValue('handlerName', keep || (changed.handlerKind === 'department' ? lead : ''))
    },
    command: (values) => services.needs.transition(need._id, toEvent(kind, values), ctx()),
    savedText: t('detail.form.saved', { event: t(`event.${kind}`) }),
    fields: (
      <>
        {kind === 'assign' && <AssignFields lead={lead} lang={lang} />}
        {kind === 'resolve' && (
          <Form.Item name="note" label={t('detail.form.resolution')} rules={required('lifecycle.error.resolutionRequired')}>
            <Input.TextArea autoFocus rows={4} placeholder={t('detail.form.resolutionPlaceholder')} maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'followUp' && <FollowUpFields />}
        {kind === 'refer' && (
          <>
            <Form.Item name="to" label={t('detail.form.referTo')} rules={required('lifecycle.error.referToRequired')}>
              <Input autoFocus placeholder={t('detail.form.referToPlaceholder')} maxLength={100} />
            </Form.Item>
            <Form.Item name="reason" label={t('detail.form.reason')} rules={required('lifecycle.error.reasonRequired')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {kind === 'decline' && (
          <Form.Item name="reason" label={t('detail.form.declineReason')} rules={required('lifecycle.error.reasonRequired')}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </>
    ),
  })

  return (
    <LifecycleActions
      steps={allowedEvents(state.status)}
      label={label}
      next={NEXT_STEP[state.status]}
      danger={(kind) => kind === 'decline'}
      none={t('detail.actions.none')}
      saveLabel={t('detail.form.save')}
      width={560}
      form={form}
      onDone={onChanged}
    />
  )
}

interface StepValues {
  handlerKind?: Handler['kind']
  handlerName?: string
  dueDate?: Dayjs | null
  note?: string
  satisfaction?: (typeof SATISFACTIONS)[number]
  to?: string
  reason?: string
}

function toEvent(kind: NeedEventKind, v: StepValues): NeedEventInput {
  const text = (s: string | undefined) => (s ?? '').trim()
  switch (kind) {
    case 'assign':
      return {
        kind,
        handler: { kind: v.handlerKind ?? 'cadre', name: text(v.handlerName) },
        ...(v.dueDate ? { dueDate: v.dueDate.format('YYYY-MM-DD') } : {}),
        ...(text(v.note) ? { note: text(v.note) } : {}),
      }
    case 'resolve':
      return { kind, note: text(v.note) }
    case 'followUp':
      return { kind, satisfaction: v.satisfaction!, ...(text(v.note) ? { note: text(v.note) } : {}) }
    case 'refer':
      return { kind, to: text(v.to), reason: text(v.reason) }
    case 'decline':
      return { kind, reason: text(v.reason) }
  }
}

function AssignFields({ lead, lang }: { lead: string; lang: Lang }) {
  const { t } = useTranslation()
  const { ledger, version } = useLedger()
  const today = useToday()
  const handlerKind = Form.useWatch<Handler['kind'] | undefined>('handlerKind')

  const departments = useMemo(() => departmentNames(lang), [lang])
  // Names already used as handlers, departments left out (they have their own list).
  const cadres = useMemo(() => usedHandlerNames(ledger.all(), departments), [ledger, version, departments])
  const names = handlerKind === 'department' ? [...new Set([lead, ...departments].filter(Boolean))] : cadres

  return (
    <>
      <Form.Item name="handlerKind" label={t('detail.form.handlerKind')}>
        <Radio.Group
          options={(['cadre', 'department'] as const).map((kind) => ({ value: kind, label: t(`handlerKind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="handlerName"
        label={t('detail.form.handlerName')}
        rules={[{ required: true, whitespace: true, message: t('lifecycle.error.handlerRequired') }]}
        extra={handlerKind === 'department' && lead ? t('detail.form.leadDepartmentHint', { name: lead }) : undefined}
      >
        <AutoComplete
          autoFocus
          options={names.map((name) => ({ value: name }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
          placeholder={handlerKind === 'department' ? t('detail.form.handlerNameDepartment') : t('detail.form.handlerNameCadre')}
          maxLength={60}
        />
      </Form.Item>
      <Form.Item name="dueDate" label={t('detail.form.newDueDate')}>
        <DatePicker
          style={{ width: '100%' }}
          format="YYYY-MM-DD"
          // A new deadline can be today or later, never in the past.
          disabledDate={(day) => day.format('YYYY-MM-DD') < today}
          defaultPickerValue={dayjs(today)}
        />
      </Form.Item>
      <Form.Item name="note" label={t('detail.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  )
}

function FollowUpFields() {
  const { t } = useTranslation()
  const satisfaction = Form.useWatch<string | undefined>('satisfaction')
  return (
    <>
      <Form.Item
        name="satisfaction"
        label={t('detail.form.satisfaction')}
        rules={[{ required: true, message: t('lifecycle.error.satisfactionRequired') }]}
      >
        <Radio.Group>
          {SATISFACTIONS.map((value, i) => (
            <Radio key={value} value={value} autoFocus={i === 0}>
              {t(`satisfaction.${value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Alert
        type={satisfaction === 'dissatisfied' ? 'warning' : 'info'}
        showIcon
        title={t('detail.form.reopenHint')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item name="note" label={t('detail.form.followUpNote')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  )
}
