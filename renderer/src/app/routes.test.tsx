// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests, signInAs } from '../../../test/support/renderApp'
import { clock } from '../ui/clock'
import { paths } from '../ui/paths'
import { SyncProvider } from '../ui/syncContext'
import { gated, ROUTES } from './routes'

// The router's gate, with the app's own route table: a screen the signed-in person's roles do not open
// gives the 403 page when its address is typed; the roles that may, see it.

const screens = screenTests()

/** Every route as the app has it; the sync screens need the sync provider around them, the 403 page nothing. */
const allRoutes = (withSync: boolean) =>
  Object.fromEntries(ROUTES.map((route) => [route.path, withSync ? <SyncProvider>{gated(route)}</SyncProvider> : gated(route)]))

async function stationWithClerk() {
  const opened = await screens.openStation()
  const { services, station, person } = opened
  const clerk = await services.people.add({ name: '李明', roles: ['clerk'] }, '730294', { station, by: '王芳', at: clock.now(), person })
  if (!clerk.ok) throw new Error('clerk refused')
  return { ...opened, clerk: clerk.value }
}

describe('the route gate', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('gives a desk clerk who types the sync page’s address the 403 page, naming the roles that may', async () => {
    const { services, clerk } = await stationWithClerk()
    signInAs(clerk._id)
    renderScreen(services, allRoutes(false), paths.sync)
    expect(await screen.findByText('没有权限')).toBeTruthy()
    expect(screen.getByText('您的角色不能打开这个页面。可以打开它的角色：驿站管理员、技术员。')).toBeTruthy()
    expect(screen.queryByText('中心同步')).toBeNull()
  })

  it('gives the clerk the 403 page for the conflicts screen too', async () => {
    const { services, clerk } = await stationWithClerk()
    signInAs(clerk._id)
    renderScreen(services, allRoutes(false), paths.conflicts)
    expect(await screen.findByText('没有权限')).toBeTruthy()
  })

  it('shows the administrator the sync page', async () => {
    const { services } = await stationWithClerk()
    renderScreen(services, allRoutes(true), paths.sync)
    expect(await screen.findByRole('heading', { name: '中心同步' })).toBeTruthy()
    expect(screen.queryByText('没有权限')).toBeNull()
    // The page has read this computer's sync state (before the test closes the services under it).
    expect(await screen.findByText('还没有同步记录')).toBeTruthy()
  })
})
