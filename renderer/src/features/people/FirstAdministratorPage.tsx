import { Button, Form, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../ui/session'
import { useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import { AdministratorFields, administratorFieldProblems, type AdministratorField, type AdministratorValues } from './AdministratorFields'
import { DeskFrame } from './DeskFrame'
import { RecoveryCodeCard } from './RecoveryCodeCard'

// A station set up before accounts existed has nobody to sign in: its administrator is set here first.

const ORDER: AdministratorField[] = ['adminName', 'pin', 'pinAgain']

export function FirstAdministratorPage() {
  const { t } = useTranslation()
  const { station, createAdministrator, enterVerified } = useStation()
  const [form] = Form.useForm<AdministratorValues>()
  const errors = useFormErrors<AdministratorField>(form, { order: ORDER })
  const { busy, failure, setFailure, submit } = useSubmit()
  const [code, setCode] = useState<string | null>(null)

  const save = (values: AdministratorValues) =>
    submit(async () => {
      const problems = administratorFieldProblems(values)
      if (problems.length) return void errors.show(problems)
      const made = await createAdministrator(values.adminName ?? '', values.pin ?? '', station)
      if (!made.ok) {
        if ('error' in made) setFailure(t(made.error))
        else errors.show(made.errors.map((e) => ({ ...e, field: e.field === 'pin' ? 'pin' : 'adminName' })))
        return
      }
      setCode(made.value.recoveryCode)
    })

  return (
    <DeskFrame stationName={station.name}>
      {code ? (
        <RecoveryCodeCard code={code} stationName={station.name} onNoted={enterVerified} />
      ) : (
        <>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('people.setup.firstAdminTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('people.setup.firstAdminIntro')}</Typography.Paragraph>
          <Form<AdministratorValues> form={form} layout="vertical" size="large" onFinish={save} onValuesChange={errors.clearChanged}>
            <AdministratorFields itemProps={errors.itemProps} />
            {failure && <Typography.Paragraph type="danger">{failure}</Typography.Paragraph>}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('people.setup.firstAdminSubmit')}
            </Button>
          </Form>
        </>
      )}
    </DeskFrame>
  )
}
