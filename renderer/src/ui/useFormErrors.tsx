// The fields a form's save was refused for: marked with their messages, the first one focused, unmarked as corrected.
import { Alert, type FormInstance } from 'antd'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RefusedField } from '../data/command'

export interface FormErrorsOptions<F extends string> {
  /**
   * The form's order (top-level names): the first refused field in it gets the focus. A path with no input
   * of its own (a list's own message, like "add a party") gets none: antd's focusField finds nothing there.
   */
  order: readonly F[]
  /** Centre the first refused field on the page before focusing it: for forms longer than the screen. */
  scroll?: boolean
}

/** Form.Item props for one field: its messages and red mark, if refused; else its hint, if it has one. */
export interface ItemErrorProps {
  validateStatus?: 'error'
  help?: string
  extra?: ReactNode
}

export interface FormErrors<F extends string> {
  /** Marks the refused fields (replacing the old marks) and focuses the first; returns how many fields. */
  show(refused: readonly RefusedField<F>[]): number
  /** Marks one field at once (a check on leaving it), keeping the other marks. */
  mark(field: F, message: string): void
  /** Unmarks fields and everything under them (`applicants` unmarks `applicants.0.name`). */
  clear(...fields: string[]): void
  /** For `onValuesChange`: a field being corrected is no longer marked; the others keep theirs until the next save. */
  clearChanged(changed: object): void
  /** Unmarks everything (a save went through). */
  reset(): void
  /**
   * Spread on a Form.Item. With `hint`, the message shows in place of the hint (the item gets no `extra` of its
   * own then); without it, an `extra` given to the item stays under the message.
   */
  itemProps(field: F | string, hint?: ReactNode): ItemErrorProps
  /** One field's (or path's) messages as one line, if it has any. */
  messages(field: F | string): string | undefined
  /** How many fields are marked once a save has been refused (0 before: a check on leaving a field is not counted). */
  count: number
}

/** `applicants.0.name` → ['applicants', 0, 'name'], as antd names a field in a list. */
const namePath = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))

const under = (path: string, top: string) => path === top || path.startsWith(`${top}.`)

export function useFormErrors<F extends string>(
  form: FormInstance,
  { order, scroll = false }: FormErrorsOptions<F>,
): FormErrors<F> {
  const { t } = useTranslation()
  // i18n keys by path, translated when shown, so a language switch re-words them.
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const [refused, setRefused] = useState(false)
  const latest = useRef({ form, order, scroll })
  latest.current = { form, order, scroll }

  const show = useCallback((found: readonly RefusedField<F>[]) => {
    const byPath: Record<string, string[]> = {}
    for (const { field, message } of found) {
      const list = (byPath[field] ??= [])
      if (!list.includes(message)) list.push(message)
    }
    setErrors(byPath)
    setRefused(true)
    const { form, order, scroll } = latest.current
    const paths = Object.keys(byPath)
    const first = order.map((top) => paths.find((path) => under(path, top))).find(Boolean)
    if (first) {
      if (scroll) form.scrollToField(namePath(first), { block: 'center', focus: true })
      else form.focusField(namePath(first))
    }
    return paths.length
  }, [])

  const mark = useCallback((field: F, message: string) => setErrors((now) => ({ ...now, [field]: [message] })), [])

  const clear = useCallback((...fields: string[]) => {
    // The same object back when nothing was marked there: no new render for every key typed.
    setErrors((now) => {
      const kept = Object.entries(now).filter(([path]) => !fields.some((top) => under(path, top)))
      return kept.length === Object.keys(now).length ? now : Object.fromEntries(kept)
    })
  }, [])

  const clearChanged = useCallback((changed: object) => clear(...Object.keys(changed)), [clear])
  const reset = useCallback(() => setErrors({}), [])

  const messages = (field: string) => errors[field]?.map((key) => t(key)).join(' ') || undefined

  const itemProps = (field: string, hint?: ReactNode): ItemErrorProps => {
    const help = messages(field)
    if (help) return { validateStatus: 'error', help }
    return hint === undefined ? {} : { extra: hint }
  }

  const count = refused ? Object.keys(errors).length : 0
  return { show, mark, clear, clearChanged, reset, itemProps, messages, count }
}

/** The line above a refused form: how many places to fix. Nothing while there are none. */
export function FormErrorsSummary({ count }: { count: number }) {
  const { t } = useTranslation()
  if (count === 0) return null
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('app.fixFields', { count })} />
}
