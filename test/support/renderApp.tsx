// Component tests of whole screens: the real services (PouchDB in memory, the read model on fake IndexedDB)
// under the providers the app puts around its screens. For test files that run in jsdom
// (`// @vitest-environment jsdom` on their first line).
import { StyleProvider } from '@ant-design/cssinjs'
import { cleanup, configure, render } from '@testing-library/react'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter, Route, Routes } from 'react-router-dom'
import { SessionProvider } from '../../renderer/src/ui/session'
import { signedInStorage } from '../../renderer/src/ui/personSession'
import type { SignedInPerson } from '../../renderer/src/data/command'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { StationDoc, StationForm } from '../../renderer/src/domain/station'
import { createI18n } from '../../renderer/src/i18n'
import { afterEach, beforeAll, vi } from 'vitest'

// A screen in jsdom is slow to draw, the more so on a busy machine: wait for it a while.
configure({ asyncUtilTimeout: 15_000 })

/** For the tests' own time limit. */
export const SCREEN_TEST_TIMEOUT = 90_000

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

/** What jsdom lacks and antd asks for: media queries (its responsive grid) and ResizeObserver. */
export function installDomStubs(): void {
  const w = window as unknown as Record<string, unknown>
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })
  w.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  // antd measures scrollbars through getComputedStyle(el, '::-webkit-scrollbar'), which jsdom does not do.
  const computed = window.getComputedStyle.bind(window)
  window.getComputedStyle = (element: Element) => computed(element)
}

export const testStationForm: StationForm = {
  name: '星河党群服务驿站',
  code: 'xinghe-01',
  phone: '',
  villages: ['星河村', '东风村'],
  staff: ['王芳', '李明'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

let made = 0

/** Fresh services of a computer on its first run: no station, nobody signed in. */
export async function openServices(): Promise<Services> {
  const id = `screen-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`
  signOutOfScreens()
  // PINs hash with few iterations here: these tests are about screens, not hashing speed.
  return startServices({ db: id, readModel: `${id}-read`, device: `${id}-device`, pinIterations: 1000 }, openLocalDb(id, MemoryPouch))
}

/** The PIN of the station's administrator 王芳 in screen tests. */
export const ADMIN_PIN = '482915'

/**
 * Fresh services with the station set up and its administrator 王芳 signed in (the screens rendered next
 * start signed in as her). She also holds the desk's other roles, so every screen lets her do what it does.
 */
export async function openStation(): Promise<{ services: Services; station: StationDoc; person: SignedInPerson; recoveryCode: string }> {
  const services = await openServices()
  const saved = await services.stations.save(testStationForm, { by: '王芳', at: '2026-11-23T01:00:00.000Z' })
  if (!saved.ok) throw new Error('station refused')
  const station = saved.value
  const at = '2026-11-23T01:00:30.000Z'
  const admin = await services.people.createFirstAdministrator('王芳', ADMIN_PIN, { station, at })
  if (!admin.ok) throw new Error('administrator refused')
  const asAdmin = { id: admin.value.person._id, name: '王芳', roles: ['admin'] as const }
  const roles = ['admin', 'clerk', 'dutySecretary', 'mediator', 'technician'] as const
  const updated = await services.people.update(asAdmin.id, { name: '王芳', roles: [...roles] }, { station, by: '王芳', at, person: asAdmin })
  if (!updated.ok) throw new Error('roles refused')
  const person: SignedInPerson = { id: asAdmin.id, name: '王芳', roles }
  signInAs(person.id)
  return { services, station, person, recoveryCode: admin.value.recoveryCode }
}

/** The screens rendered next start signed in as this person (as after a reload in the same window). */
export function signInAs(personId: string): void {
  signedInStorage.write({ id: personId, locked: false })
}

/** The screens rendered next start with nobody signed in (as when the app starts). */
export function signOutOfScreens(): void {
  signedInStorage.clear()
}

/**
 * Renders the screen whose route (a path pattern → its element) matches `address`, as the app would, in Chinese.
 * antd's styles are not injected (StyleProvider mock="server"): jsdom's getComputedStyle, which antd calls to
 * place drop-downs and dialogs, takes some 200 ms a call with them, and the tests check behaviour, not looks.
 */
export function renderScreen(services: Services, routes: Record<string, ReactElement>, address: string) {
  return render(
    <StyleProvider mock="server">
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
          <AntApp>
            <SessionProvider services={services}>
              <MemoryRouter initialEntries={[address]}>
                <Routes>
                  {Object.entries(routes).map(([path, element]) => (
                    <Route key={path} path={path} element={element} />
                  ))}
                  <Route path="*" element={<p>elsewhere</p>} />
                </Routes>
              </MemoryRouter>
            </SessionProvider>
          </AntApp>
        </ConfigProvider>
      </I18nextProvider>
    </StyleProvider>,
  )
}

/** Unmounts what was rendered (so its changes feeds stop), then closes the services. */
export async function closeScreen(services: Services | undefined): Promise<void> {
  cleanup()
  await services?.close()
}

/**
 * The hooks every screen test file needs: jsdom's stubs installed once, and after each test the mocks
 * restored and the screen and the station it opened (through `openStation` here) closed.
 */
export function screenTests(): { openStation: typeof openStation; openServices: typeof openServices } {
  let open: Services | undefined
  beforeAll(installDomStubs)
  afterEach(async () => {
    vi.restoreAllMocks()
    await closeScreen(open)
    open = undefined
  })
  return {
    async openStation() {
      const opened = await openStation()
      open = opened.services
      return opened
    },
    async openServices() {
      open = await openServices()
      return open
    },
  }
}
