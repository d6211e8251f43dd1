// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import type { FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from '../i18n'
import { useFormErrors, type FormErrorsOptions } from './useFormErrors'

// Refused fields as every form shows them, with a form that only records where the focus was sent.

const i18n = createI18n('zh-CN')
const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>

function setUp(options: FormErrorsOptions<string>) {
  const form = { focusField: vi.fn(), scrollToField: vi.fn() }
  const { result } = renderHook(() => useFormErrors(form as unknown as FormInstance, options), { wrapper })
  return { form, errors: () => result.current }
}

const PHONE = 'phone.invalid'
const NAME = 'need.error.nameRequired'

describe('useFormErrors', () => {
  it('marks each refused field once with its messages and focuses the first in the form’s order', () => {
    const { form, errors } = setUp({ order: ['name', 'phone'] })
    let count = 0
    act(() => {
      count = errors().show([
        { field: 'phone', message: PHONE },
        { field: 'phone', message: PHONE },
        { field: 'name', message: NAME },
      ])
    })
    expect(count).toBe(2)
    expect(errors().count).toBe(2)
    expect(errors().itemProps('phone')).toEqual({ validateStatus: 'error', help: i18n.t(PHONE) })
    expect(form.focusField).toHaveBeenCalledWith(['name'])
  })

  it('focuses a party’s field by its path, and unmarks a whole side when any of it changes', () => {
    const { form, errors } = setUp({ order: ['source', 'applicants', 'respondents'] })
    act(() => {
      errors().show([
        { field: 'respondents', message: 'mediation.error.respondentRequired' },
        { field: 'applicants.1.phone', message: PHONE },
      ])
    })
    expect(form.focusField).toHaveBeenCalledWith(['applicants', 1, 'phone'])
    expect(errors().messages('respondents')).toBe(i18n.t('mediation.error.respondentRequired'))
    act(() => errors().clearChanged({ applicants: [undefined, { phone: '138' }] }))
    expect(errors().itemProps('applicants.1.phone')).toEqual({})
    expect(errors().count).toBe(1)
  })

  it('shows a message in place of the field’s hint, and the hint again once it is corrected', () => {
    const { form, errors } = setUp({ order: ['url'], scroll: true })
    expect(errors().itemProps('url', 'hint')).toEqual({ extra: 'hint' })
    act(() => void errors().show([{ field: 'url', message: PHONE }]))
    expect(form.scrollToField).toHaveBeenCalledWith(['url'], { block: 'center', focus: true })
    expect(errors().itemProps('url', 'hint')).toEqual({ validateStatus: 'error', help: i18n.t(PHONE) })
    act(() => errors().reset())
    expect(errors().itemProps('url', 'hint')).toEqual({ extra: 'hint' })
  })

  it('counts a field marked on leaving it only once a save has been refused', () => {
    const { errors } = setUp({ order: ['name', 'phone'] })
    act(() => errors().mark('phone', PHONE))
    expect(errors().itemProps('phone').validateStatus).toBe('error')
    expect(errors().count).toBe(0)
    act(() => void errors().show([{ field: 'name', message: NAME }]))
    act(() => errors().mark('phone', PHONE))
    expect(errors().count).toBe(2)
  })
})
