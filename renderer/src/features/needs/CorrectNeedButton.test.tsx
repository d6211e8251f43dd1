// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { paths } from '../../ui/paths'
import type { NeedFormInput } from '../../domain/needs'
import { NeedDetailPage } from './NeedDetailPage'
import { leakingRoof } from '../../../../test/support/sampleNeeds'

// 更正登记信息 on the need's page, with the real services: what is saved, what is refused, what shows.

const ID_CARD = '11010519491231002X'
const form: NeedFormInput = { ...leakingRoof, idCard: ID_CARD }

const screens = screenTests()

async function openCorrection() {
  const opened = await screens.openStation()
  const { services } = opened
  const registered = await opened.services.needs.register(form, { station: opened.station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
  if (!registered.ok) throw new Error('need refused')
  const need = registered.value
  renderScreen(opened.services, { '/needs/:id': <NeedDetailPage /> }, paths.need(need._id))
  fireEvent.click(await screen.findByText('更正登记信息', { selector: 'button *' }))
  const dialog = (await screen.findByText('保存更正 (Ctrl+Enter)')).closest('[role="dialog"]') as HTMLElement
  return { services: opened.services, need, dialog }
}

// (Queries by role read the whole page's accessibility tree, which takes seconds in jsdom: text is enough here.)
const saveButton = (dialog: HTMLElement) => within(dialog).getByText('保存更正 (Ctrl+Enter)').closest('button')!

describe('correcting a need’s registration details', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('opens with the stored details, the ID number only masked; a valid correction is saved and shown', async () => {
    const { services, need, dialog } = await openCorrection()
    const phone = within(dialog).getByLabelText('联系电话') as HTMLInputElement
    expect(phone.value).toBe('13800138000')
    expect((within(dialog).getByLabelText('群众姓名') as HTMLInputElement).value).toBe('张三')
    expect((within(dialog).getByLabelText('住址或网格') as HTMLInputElement).value).toBe('一组 3 号')
    // The ID field starts blank (blank keeps it); the number on file shows masked only.
    expect((within(dialog).getByLabelText('身份证号（选填）') as HTMLInputElement).value).toBe('')
    expect(dialog.textContent).toContain('110105********002X')
    expect(document.body.innerHTML).not.toContain(ID_CARD)

    fireEvent.change(phone, { target: { value: '139 0013 9000' } })
    fireEvent.click(saveButton(dialog))

    expect(await screen.findByText('登记信息已更正')).toBeTruthy()
    // The page shows the new phone, masked as every phone is until someone allowed reveals it.
    await waitFor(() => expect(screen.getByTestId('resident-phone').textContent).toBe('139****9000'))
    expect(screen.getByTestId('need-detail').textContent).not.toContain('13800138000')

    const stored = await services.needs.get(need._id)
    // The ID number's hash (what earlier visits are found by) stays as it was: the number did not change.
    expect(stored?.resident).toEqual({ name: '张三', phone: '13900139000', idCard: ID_CARD, idKey: need.resident.idKey })
    // Only the phone is recorded as edited, so it alone merges against a correction made elsewhere.
    expect(Object.keys(stored?.fieldStamps ?? {})).toEqual(['resident.phone'])
    expect(stored?.fieldStamps?.['resident.phone']).toMatchObject({ by: '王芳' })
  })

  it('refuses a wrong phone number: says what to fix, in Chinese, and writes nothing', async () => {
    const { services, need, dialog } = await openCorrection()
    fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: '12345' } })
    fireEvent.click(saveButton(dialog))

    expect(await within(dialog).findByText(/电话号码格式不对/)).toBeTruthy()
    expect(within(dialog).getByText('有 1 处需要修改，请看标红的地方')).toBeTruthy()
    expect(dialog.isConnected).toBe(true) // still open, with what was typed
    const stored = await services.needs.get(need._id)
    expect(stored?._rev).toBe(need._rev)
    expect(stored?.resident.phone).toBe('13800138000')
  })

  it('removes the ID number on file only when asked to', async () => {
    const { services, need, dialog } = await openCorrection()
    fireEvent.click(within(dialog).getByLabelText('删除已登记的身份证号'))
    fireEvent.click(saveButton(dialog))
    expect(await screen.findByText('登记信息已更正')).toBeTruthy()
    const stored = await services.needs.get(need._id)
    expect(stored?.resident).toEqual({ name: '张三', phone: '13800138000' })
    await waitFor(() => expect(screen.getByTestId('need-detail').textContent).not.toContain('110105********002X'))
  })
})
