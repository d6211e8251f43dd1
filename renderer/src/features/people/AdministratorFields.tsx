import { Form, Input } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RefusedField } from '../../data/command'
import { administratorProblems } from '../../ui/personSession'
import type { ItemErrorProps } from '../../ui/useFormErrors'
import { PinFields, pinMismatch, type PinValues } from './PinFields'

// The station's first administrator: a name and a PIN typed twice. Part of the first-run form, and the
// whole form of a station that has no accounts yet (one set up before accounts existed).

export type AdministratorField = 'adminName' | 'pin' | 'pinAgain'

export interface AdministratorValues extends PinValues {
  adminName?: string
}

/** Everything wrong with the administrator's fields, checked before anything is written. */
export function administratorFieldProblems(values: AdministratorValues): RefusedField<AdministratorField>[] {
  const problems = administratorProblems(values.adminName ?? '', values.pin ?? '').map((problem) => ({
    field: problem.field === 'pin' ? ('pin' as const) : ('adminName' as const),
    message: problem.message,
  }))
  return [...problems, ...(problems.some((p) => p.field === 'pin') ? [] : pinMismatch(values))]
}

export function AdministratorFields({ itemProps }: { itemProps(field: AdministratorField, hint?: ReactNode): ItemErrorProps }) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item name="adminName" label={t('people.setup.adminName')} required {...itemProps('adminName')}>
        <Input maxLength={40} autoComplete="off" placeholder={t('people.setup.adminNamePlaceholder')} style={{ maxWidth: 320 }} />
      </Form.Item>
      <PinFields label={t('people.setup.pin')} againLabel={t('people.setup.pinAgain')} hint={t('people.setup.pinHint')} itemProps={itemProps} />
    </>
  )
}
