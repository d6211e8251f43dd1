// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Form, Input, Select } from 'antd'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { installDomStubs } from '../../../test/support/renderApp'
import { useEnterToNextField, type EnterToNextFieldOptions } from './useEnterToNextField'

// The keyboard flow of a form filled as on paper, in a small antd form: name, village (a drop-down), address, notes.

function PaperForm({ onSubmit, options }: { onSubmit(): void; options?: EnterToNextFieldOptions }) {
  const onKeyDown = useEnterToNextField(onSubmit, options)
  return (
    <Form name="paper" aria-label="paper" onKeyDown={onKeyDown}>
      <Form.Item name="name" label="name">
        <Input />
      </Form.Item>
      <Form.Item name="village" label="village">
        <Select showSearch options={[{ value: '幸福村' }, { value: '和平社区' }]} />
      </Form.Item>
      <Form.Item name="address" label="address">
        <Input />
      </Form.Item>
      <Form.Item name="notes" label="notes">
        <Input.TextArea />
      </Form.Item>
    </Form>
  )
}

function renderForm(options?: EnterToNextFieldOptions) {
  const onSubmit = vi.fn()
  render(<PaperForm onSubmit={onSubmit} options={options} />)
  const field = (label: string) => screen.getByLabelText(label)
  field('name').focus()
  return { onSubmit, field }
}

/** Presses Enter (with the given modifiers) in the focused element; false when the key's own action was prevented. */
const enter = (init: Partial<KeyboardEventInit> & { keyCode?: number } = {}) =>
  fireEvent.keyDown(document.activeElement!, { key: 'Enter', code: 'Enter', keyCode: 13, ...init })

beforeAll(installDomStubs)
// jsdom lays nothing out, so every element would count as hidden: here everything rendered is shown.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('Enter to the next field', () => {
  it('moves the focus to the next field on Enter', () => {
    const { field, onSubmit } = renderForm()
    expect(enter()).toBe(false)
    expect(document.activeElement).toBe(field('village'))
    field('address').focus()
    enter()
    expect(document.activeElement).toBe(field('notes'))
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('leaves an Enter that confirms a Chinese input method’s candidate to the input method', () => {
    const { field, onSubmit } = renderForm()
    expect(enter({ isComposing: true })).toBe(true)
    expect(enter({ keyCode: 229 })).toBe(true)
    expect(enter({ isComposing: true, ctrlKey: true })).toBe(true)
    expect(document.activeElement).toBe(field('name'))
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('leaves Enter in an open drop-down to pick its option, the focus staying there', async () => {
    const { field, onSubmit } = renderForm()
    const village = field('village')
    village.focus()
    fireEvent.mouseDown(village)
    fireEvent.change(village, { target: { value: '幸福' } })
    await waitFor(() => expect(document.querySelector('.ant-select-item-option-active')).toBeTruthy())
    enter()
    expect(document.activeElement).toBe(village)
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('saves on Ctrl+Enter from any field, the text area too', () => {
    const { field, onSubmit } = renderForm()
    expect(enter({ ctrlKey: true })).toBe(false)
    field('notes').focus()
    enter({ metaKey: true })
    expect(onSubmit).toHaveBeenCalledTimes(2)
  })

  it('makes a new line on Enter in a text area, unless told the last field saves', () => {
    const plain = renderForm()
    plain.field('notes').focus()
    expect(enter()).toBe(true)
    expect(plain.onSubmit).not.toHaveBeenCalled()
    cleanup()

    const last = renderForm({ submitOnLastField: true })
    last.field('notes').focus()
    expect(enter({ shiftKey: true })).toBe(true)
    expect(last.onSubmit).not.toHaveBeenCalled()
    expect(enter()).toBe(false)
    expect(last.onSubmit).toHaveBeenCalledTimes(1)
  })
})
