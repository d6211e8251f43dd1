// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { shell } from '../../shell/browserShell'
import { clock } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { AuditPage } from './AuditPage'

// 操作留痕 with the real services: each record named in words (actions, roles, people), exported to Excel
// as shown, and the export itself recorded.

const screens = screenTests()

describe('the audit trail page', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('lists what was done in words, exports it to Excel as shown, and records the export', async () => {
    const { services, station, person } = await screens.openStation()
    const clerk = await services.people.add({ name: '李明', roles: ['clerk'] }, '730294', { station, by: '王芳', at: clock.now(), person })
    if (!clerk.ok) throw new Error('clerk refused')
    const saved: Uint8Array[] = []
    vi.spyOn(shell, 'saveFile').mockImplementation(async ({ data, suggestedName }) => {
      saved.push(data)
      return suggestedName
    })
    renderScreen(services, { [paths.audit]: <AuditPage /> }, paths.audit)

    // The first administrator, her roles widened, and the clerk added: newest first, 本机 as the computer.
    await waitFor(() => expect(screen.getByTestId('audit-count').textContent).toBe('共 3 条'))
    const rows = () => [...document.querySelectorAll('.ant-table-tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(rows()[0]!.slice(1)).toEqual(['王芳', '添加工作人员', '李明', '窗口工作人员', '本机'])
    expect(rows()[1]!.slice(1, 5)).toEqual(['王芳', '修改角色', '王芳', '驿站管理员、窗口工作人员、值班书记、调解员、技术员'])

    fireEvent.click(screen.getByRole('button', { name: /导出 Excel/ }))
    expect(await screen.findByText('已导出 3 条记录')).toBeTruthy()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(saved[0]!.buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(2).values).toEqual([undefined, '时间', '人员', '操作', '对象', '说明', '电脑'])
    expect((sheet.getRow(3).values as unknown[]).slice(2)).toEqual(['王芳', '添加工作人员', '李明', '窗口工作人员', '本机'])
    const [exported] = await services.audit.list({ actions: ['export'] })
    expect(exported).toMatchObject({ personName: '王芳', target: 'audit', detail: '3' })
  })
})
