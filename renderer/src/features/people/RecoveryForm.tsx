import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../ui/session'
import { useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import type { RefusedField } from '../../data/command'
import type { PersonDoc } from '../../domain/people'
import { PinFields, pinMismatch, type PinValues } from './PinFields'
import { RecoveryCodeCard } from './RecoveryCodeCard'

// 忘记密码: the recovery code printed at setup sets a new PIN for an administrator; it is then used up, and
// the new code is shown once, to print, before the administrator is signed in.

type Field = 'admin' | 'code' | 'pin' | 'pinAgain'
const ORDER: Field[] = ['admin', 'code', 'pin', 'pinAgain']

interface Values extends PinValues {
  admin?: string
  code?: string
}

export function RecoveryForm({ admins, onBack }: { admins: readonly PersonDoc[]; onBack(): void }) {
  const { t } = useTranslation()
  const { station, recover, enterVerified } = useStation()
  const [form] = Form.useForm<Values>()
  const errors = useFormErrors<Field>(form, { order: ORDER })
  const { busy, failure, setFailure, submit } = useSubmit()
  const [newCode, setNewCode] = useState<string | null>(null)

  const save = (values: Values) =>
    submit(async () => {
      const problems: RefusedField<Field>[] = [
        ...(values.admin ? [] : [{ field: 'admin' as const, message: 'people.recovery.adminRequired' }]),
        ...(values.code?.trim() ? [] : [{ field: 'code' as const, message: 'people.recovery.codeRequired' }]),
        ...pinMismatch(values),
      ]
      if (problems.length) return void errors.show(problems)
      const result = await recover(values.code ?? '', values.admin ?? '', values.pin ?? '')
      if (result.ok) return setNewCode(result.value.recoveryCode)
      if ('errors' in result) errors.show(result.errors.map((e) => ({ ...e, field: e.field === 'pin' ? 'pin' : 'admin' })))
      else if (result.error === 'people.recovery.wrongCode') errors.show([{ field: 'code', message: result.error }])
      else setFailure(t(result.error))
    })

  if (newCode) return <RecoveryCodeCard code={newCode} stationName={station.name} onNoted={enterVerified} />

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('people.recovery.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('people.recovery.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ admin: admins.length === 1 ? admins[0]!._id : undefined }}
        onFinish={save}
        onValuesChange={errors.clearChanged}
      >
        <Form.Item name="admin" label={t('people.recovery.admin')} required {...errors.itemProps('admin')}>
          <Select
            style={{ maxWidth: 320 }}
            placeholder={t('people.recovery.adminPlaceholder')}
            options={admins.map((admin) => ({ value: admin._id, label: admin.name }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('people.recovery.code')} required {...errors.itemProps('code')}>
          <Input autoComplete="off" spellCheck={false} placeholder={t('people.recovery.codePlaceholder')} style={{ maxWidth: 420, fontFamily: 'monospace' }} />
        </Form.Item>
        <PinFields label={t('people.recovery.newPin')} againLabel={t('people.recovery.pinAgain')} hint={t('people.setup.pinHint')} itemProps={errors.itemProps} />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Flex gap={12} wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('people.recovery.submit')}
          </Button>
          <Button onClick={onBack}>{t('people.recovery.back')}</Button>
        </Flex>
      </Form>
    </>
  )
}
