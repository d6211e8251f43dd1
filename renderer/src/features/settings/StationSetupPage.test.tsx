// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import { DisplayPrefsProvider } from '../../ui/displayPrefs'
import { useSession } from '../../ui/session'
import { StationSetupPage } from './StationSetupPage'

// First run with the real services: the station and its first administrator on one form; a PIN like a
// birthday is refused on its field with nothing written; then the recovery code is shown once, and when
// it is noted the station opens signed in as the administrator.

const screens = screenTests()

function FirstRun() {
  const { station, person } = useSession()
  return station ? <p data-testid="opened">{`${person?.name} · ${station.name}`}</p> : <StationSetupPage />
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('first run', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('sets up the station with its administrator, refuses a weak PIN on its field, and shows the recovery code once', async () => {
    const services = await screens.openServices()
    renderScreen(services, { '/': <DisplayPrefsProvider services={services}><FirstRun /></DisplayPrefsProvider> }, '/')
    await screen.findByLabelText('驿站名称')
    type('驿站名称', '星河党群服务驿站')
    type('驿站编码', 'xinghe-01')
    type('服务的村（社区）', '星河村')
    type('窗口工作人员', '王芳')
    type('管理员姓名', '王芳')
    type('管理员密码', '19850712')
    type('再输一次密码', '19850712')
    fireEvent.click(screen.getByRole('button', { name: '完成设置' }))
    expect(await screen.findByText('密码不能像生日（如 19850712）')).toBeTruthy()
    expect(await services.stations.current()).toBeNull()
    expect(await services.people.list()).toEqual([])

    type('管理员密码', '482915')
    type('再输一次密码', '482915')
    fireEvent.click(screen.getByRole('button', { name: '完成设置' }))
    const code = (await screen.findByTestId('recovery-code')).textContent ?? ''
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/)
    expect(screen.getByRole('button', { name: /打印恢复码/ })).toBeTruthy()
    // Saved, but the station opens only once the code is noted.
    const [admin] = await services.people.list()
    expect(admin).toMatchObject({ name: '王芳', roles: ['admin'] })
    expect(screen.queryByTestId('opened')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: /我已记下恢复码/ }))
    expect((await screen.findByTestId('opened')).textContent).toBe('王芳 · 星河党群服务驿站')
    // The code shown is the one that works.
    const station = (await services.stations.current())!
    expect((await services.people.recover(code, admin!._id, '593027', station, clock.now())).ok).toBe(true)
  })
})
