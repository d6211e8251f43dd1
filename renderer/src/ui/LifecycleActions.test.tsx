// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App as AntApp, Form, Input } from 'antd'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { installDomStubs } from '../../../test/support/renderApp'
import type { CommandResult } from '../data/command'
import { createI18n } from '../i18n'
import { LifecycleActions } from './LifecycleActions'

// A record's next steps as buttons, each step's form in a dialog: refused, it stays open saying why; recorded, it
// closes.

const i18n = createI18n('zh-CN')
const REFUSED = 'lifecycle.error.notAllowed.resolve'

type Command = (values: { note?: string }) => Promise<CommandResult<unknown>>

function renderSteps(command: Command, steps: ('assign' | 'resolve')[]) {
  const onDone = vi.fn()
  render(
    <I18nextProvider i18n={i18n}>
      <AntApp>
        <LifecycleActions<'assign' | 'resolve', { note?: string }>
          steps={steps}
          label={(step) => (step === 'assign' ? '分派' : '办结')}
          next="resolve"
          danger={(step) => step === 'assign'}
          none="没有可做的"
          saveLabel="保存"
          width={560}
          form={(step) => ({
            name: `need-${step}`,
            initialValues: { note: '' },
            fields: (
              <Form.Item name="note" label="说明">
                <Input />
              </Form.Item>
            ),
            command,
            savedText: `已记录：${step}`,
          })}
          onDone={onDone}
        />
      </AntApp>
    </I18nextProvider>,
  )
  return { onDone }
}

beforeAll(installDomStubs)
afterEach(cleanup)

describe('LifecycleActions', () => {
  it('draws the allowed steps in order, the likely next one as the main button', () => {
    renderSteps(() => Promise.resolve({ ok: true, value: null }), ['assign', 'resolve'])
    const buttons = document.querySelectorAll<HTMLElement>('[data-action]')
    expect([...buttons].map((b) => b.dataset.action)).toEqual(['assign', 'resolve'])
    expect(buttons[1]!.className).toContain('ant-btn-primary')
    expect(buttons[0]!.className).toContain('ant-btn-dangerous')
  })

  it('says so when no step is allowed', () => {
    renderSteps(() => Promise.resolve({ ok: true, value: null }), [])
    expect(screen.getByText('没有可做的')).toBeTruthy()
  })

  it('keeps the dialog open with the refusal and what was typed, and closes it once the step is recorded', async () => {
    const command = vi
      .fn<Command>()
      .mockResolvedValueOnce({ ok: false, error: REFUSED })
      .mockResolvedValueOnce({ ok: true, value: null })
    const { onDone } = renderSteps(command, ['assign', 'resolve'])
    fireEvent.click(document.querySelector('[data-action="resolve"]')!)
    const title = await screen.findByText('办结', { selector: '.ant-modal-title' })
    const dialog = title.closest('.ant-modal') as HTMLElement
    fireEvent.change(within(dialog).getByLabelText('说明'), { target: { value: '已修好' } })
    fireEvent.click(within(dialog).getByTestId('step-save'))

    expect((await within(dialog).findByTestId('step-error')).textContent).toBe(i18n.t(REFUSED))
    expect(command).toHaveBeenLastCalledWith({ note: '已修好' })
    expect((within(dialog).getByLabelText('说明') as HTMLInputElement).value).toBe('已修好')
    expect(onDone).not.toHaveBeenCalled()

    fireEvent.click(within(dialog).getByTestId('step-save'))
    expect(await screen.findByText('已记录：resolve')).toBeTruthy()
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(document.querySelector('.ant-modal-title')).toBeNull())
  })
})
