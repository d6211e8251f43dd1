import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import { shiftInstant, canServe, type DutySecretaryDoc, type DutyChange, type RotaShift } from '../../domain/duty'
import { matchesQuery, searchKeysFor } from '../../domain/personal'
import { nameOf, shiftText } from './dutyRotaText'

// 代班 (someone else takes this shift) and 换班 (this shift and another change hands), each with its
// reason. The repository checks the change against the rota as stored now and refuses a shift that has
// begun meanwhile; its message is shown here and nothing is written.

export interface ChangeTarget {
  kind: DutyChange['kind']
  shift: RotaShift
}

interface ChangeValues {
  secretaryId?: string
  otherKey?: string
  reason?: string
}

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

export function DutyRotaChangeModal({
  target,
  rota,
  secretaries,
  now,
  onClose,
}: {
  target: ChangeTarget
  rota: readonly RotaShift[]
  secretaries: readonly DutySecretaryDoc[]
  /** ISO instant: shifts begun by then are not offered */
  now: string
  onClose(changed: boolean): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const commandContext = useCommandContext()
  const [form] = Form.useForm<ChangeValues>()
  // `error` is an i18n key; an unexpected error is a toast.
  const { busy, failure: error, setFailure: setError, submit: once } = useSubmit((text) => void message.error(text))
  const { kind, shift } = target

  // 代班: any secretary on the roster who can serve that day, other than the one holding it.
  const secretaryOptions = useMemo(
    () =>
      secretaries
        .filter((s) => s.active && s._id !== shift.secretaryId)
        .map((s) => {
          const able = canServe(s, shift.date)
          const label = t(able ? 'duty.change.secretaryOption' : 'duty.change.cannotServeOption', { name: s.name, village: s.village })
          return { value: s._id, label, disabled: !able, keys: searchKeysFor(s.name) }
        }),
    [secretaries, shift, t],
  )

  // 换班: a shift not yet begun, held by someone else, where each can serve the other's day.
  const shiftOptions = useMemo(() => {
    if (kind !== 'swap') return []
    const byId = (id: string | null) => secretaries.find((s) => s._id === id)
    const mine = byId(shift.secretaryId)
    return rota
      .filter((other) => other.key !== shift.key && other.secretaryId && other.secretaryId !== shift.secretaryId && shiftInstant(other.date, other.start) > now)
      .map((other) => {
        const theirs = byId(other.secretaryId)
        const able = !!mine && !!theirs && canServe(mine, other.date) && canServe(theirs, shift.date)
        const name = nameOf(t, secretaries, other.secretaryId)
        const label = `${shiftText(t, other)} · ${name}`
        return {
          value: other.key,
          label: able ? label : t('duty.change.cannotSwapOption', { label }),
          disabled: !able,
          keys: `${label}\u0001${searchKeysFor(name)}`,
        }
      })
  }, [kind, rota, shift, secretaries, now, t])

  const submit = () =>
    once(async () => {
      const values = form.getFieldsValue(true) as ChangeValues
      const reason = values.reason ?? ''
      let change: DutyChange
      if (kind === 'override') {
        if (!values.secretaryId) return setError('duty.change.chooseSecretary')
        change = { kind, shiftKey: shift.key, secretaryId: values.secretaryId, reason }
      } else {
        if (!values.otherKey) return setError('duty.change.chooseShift')
        change = { kind, shiftKeys: [shift.key, values.otherKey], reason }
      }
      const result = await services.duty.change(change, commandContext())
      if (result.ok) {
        void message.success(t(`duty.change.done.${kind}`))
        onClose(true)
      } else setError('error' in result ? result.error : 'duty.error.shiftUnknown')
    })

  const title = t(`duty.change.title.${kind}`)
  return (
    <Modal
      open
      title={title}
      width={640}
      onCancel={() => onClose(false)}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => onClose(false)}>{t('app.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="change-submit">
            {t(`duty.change.submit.${kind}`)}
          </Button>
        </Flex>
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'shift', label: t('duty.change.shift'), children: shiftText(t, shift) },
          { key: 'holder', label: t('duty.change.holder'), children: nameOf(t, secretaries, shift.secretaryId) },
        ]}
      />
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t(error)} data-testid="change-error" />}
      <Form<ChangeValues> form={form} name="dutyChange" layout="vertical" onValuesChange={() => setError('')} aria-label={title}>
        {kind === 'override' ? (
          <Form.Item name="secretaryId" label={t('duty.change.taker')} required>
            <Select showSearch={{ filterOption: optionMatches }} options={secretaryOptions} placeholder={t('duty.change.takerPlaceholder')} virtual={false} />
          </Form.Item>
        ) : (
          <Form.Item name="otherKey" label={t('duty.change.other')} required extra={shiftOptions.length === 0 ? t('duty.change.noOther') : undefined}>
            <Select showSearch={{ filterOption: optionMatches }} options={shiftOptions} placeholder={t('duty.change.otherPlaceholder')} virtual={false} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('duty.change.reason')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} placeholder={t('duty.change.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
