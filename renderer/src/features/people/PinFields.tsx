import { Form, Input } from 'antd'
import type { ReactNode } from 'react'
import type { RefusedField } from '../../data/command'
import type { ItemErrorProps } from '../../ui/useFormErrors'

// A new PIN, typed twice (fields `pin` and `pinAgain`): masked, with the digit keyboard offered on a
// touch screen; letters are allowed too.

export interface PinValues {
  pin?: string
  pinAgain?: string
}

/** The second PIN must be the first again; the PIN's own rules are the repository's (domain pinProblem). */
export function pinMismatch(values: PinValues): RefusedField<'pinAgain'>[] {
  return (values.pin ?? '') === (values.pinAgain ?? '') ? [] : [{ field: 'pinAgain', message: 'people.error.pinMismatch' }]
}

export function PinFields({
  label,
  againLabel,
  hint,
  itemProps,
}: {
  label: string
  againLabel: string
  hint?: ReactNode
  itemProps(field: 'pin' | 'pinAgain', hint?: ReactNode): ItemErrorProps
}) {
  return (
    <>
      <Form.Item name="pin" label={label} required {...itemProps('pin', hint)}>
        <Input.Password inputMode="numeric" autoComplete="new-password" maxLength={64} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="pinAgain" label={againLabel} required {...itemProps('pinAgain')}>
        <Input.Password inputMode="numeric" autoComplete="new-password" maxLength={64} style={{ maxWidth: 320 }} />
      </Form.Item>
    </>
  )
}
