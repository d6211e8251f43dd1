// The steps a record may take next (a need, a mediation case), as buttons, each opening its small form in a dialog.
import { Alert, App, Button, Form, Modal, Space, Typography, type FormInstance } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { refusalKeys, type CommandResult } from '../data/command'
import { useSubmit } from './useSubmit'

/** One step's form: what the caller gives for the step chosen. */
export interface StepForm<V> {
  /** the form's fields (their rules, hints, autofocus) */
  fields: ReactNode
  initialValues?: V
  /** the antd form name, which prefixes the fields' ids */
  name?: string
  onValuesChange?(changed: Partial<V>, form: FormInstance<V>): void
  /** Records the step; a refusal is shown in the form, what was typed kept, and nothing written. */
  command(values: V): Promise<CommandResult<unknown>>
  /** the toast once it is recorded */
  savedText: string
}

export interface LifecycleActionsProps<K extends string, V> {
  /** the steps allowed now, in the order of their buttons */
  steps: readonly K[]
  /** a step's name: its button and its dialog's title */
  label(step: K): string
  /** the step a clerk most likely wants next, drawn as the main button */
  next?: K
  /** steps that end or turn away the record, drawn in red (their save button too) */
  danger?(step: K): boolean
  /** said when no step is allowed */
  none: string
  saveLabel: string
  width: number
  /** the chosen step's form */
  form(step: K): StepForm<V>
  /** after a step is recorded and its dialog closed */
  onDone?(): void
}

export function LifecycleActions<K extends string, V extends object>({
  steps,
  label,
  next,
  danger = () => false,
  none,
  saveLabel,
  width,
  form,
  onDone,
}: LifecycleActionsProps<K, V>) {
  const [open, setOpen] = useState<K | null>(null)
  const close = () => setOpen(null)

  return (
    <>
      {steps.length === 0 && <Typography.Text type="secondary">{none}</Typography.Text>}
      <Space wrap size="middle">
        {steps.map((step) => (
          <Button
            key={step}
            size="large"
            type={next === step ? 'primary' : 'default'}
            danger={danger(step)}
            onClick={() => setOpen(step)}
            data-action={step}
          >
            {label(step)}
          </Button>
        ))}
      </Space>
      {/* Stays open even if a synced step changes what is allowed meanwhile: saving then says why it cannot. */}
      <Modal
        open={open !== null}
        title={open && label(open)}
        footer={null}
        onCancel={close}
        destroyOnHidden
        width={width}
      >
        {open && (
          <StepDialogForm
            key={open}
            step={form(open)}
            danger={danger(open)}
            saveLabel={saveLabel}
            onCancel={close}
            onDone={() => {
              close()
              onDone?.()
            }}
          />
        )}
      </Modal>
    </>
  )
}

function StepDialogForm<V extends object>({
  step,
  danger,
  saveLabel,
  onCancel,
  onDone,
}: {
  step: StepForm<V>
  danger: boolean
  saveLabel: string
  onCancel(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<V>()
  const { busy, failure, setFailure, submit } = useSubmit()

  const save = (values: V) =>
    submit(async () => {
      const result = await step.command(values)
      if (result.ok) {
        void message.success(step.savedText)
        onDone()
      } else setFailure(refusalKeys(result).map((key) => t(key)).join('；'))
    })

  return (
    <Form<V>
      form={form}
      layout="vertical"
      size="large"
      name={step.name}
      initialValues={step.initialValues}
      onFinish={(values) => void save(values)}
      onValuesChange={step.onValuesChange && ((changed: Partial<V>) => step.onValuesChange?.(changed, form))}
    >
      {step.fields}
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} data-testid="step-error" />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} danger={danger} data-testid="step-save">
          {saveLabel}
        </Button>
      </Space>
    </Form>
  )
}
