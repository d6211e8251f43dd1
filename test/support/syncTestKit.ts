// What the sync tests share: the central server of a test file, waiting for a condition, a station's sync
// settings, the station's database on the central server as its admin sees it, and a port nothing answers on.
import { createServer } from 'node:net'
import PouchDB from 'pouchdb-browser'
import { afterAll, beforeAll } from 'vitest'
import type { SyncSettings } from '../../renderer/src/domain/sync'
import { setupStation } from '../../central/provision'
import { validateSources } from '../../renderer/src/contract'
import { startCentral, type Central } from './centralServer'

/**
 * The central server of a sync test file: started before its tests, with these stations (code → the
 * station user's password) provisioned as a technician does, and stopped after them, once whatever the
 * tests put in `cleanups` has run (newest first).
 */
export function centralForTests(passwords: Readonly<Record<string, string>>, startMs = 30_000) {
  let central: Central
  const cleanups: Array<() => Promise<unknown>> = []
  beforeAll(async () => {
    central = await startCentral()
    for (const [code, password] of Object.entries(passwords)) {
      await setupStation({ serverUrl: central.adminUrl, station: code, name: `${code} 驿站`, password, sources: validateSources() })
    }
  }, startMs)
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup', error))
    await central?.stop()
  })
  return {
    get server(): Central {
      return central
    },
    cleanups,
    settingsOf: (code: string, over: Partial<SyncSettings> = {}) => stationSettings(central.url, code, over),
    adminDb: (code: string) => adminStationDb(central, code),
  }
}

/** Polls until `check` holds; on timeout says what was awaited, with `diagnose`'s state if given. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
  diagnose?: () => Promise<unknown>,
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const state = diagnose ? `\n${JSON.stringify(await diagnose().catch((error: unknown) => `(diagnose failed: ${String(error)})`), null, 2)}` : ''
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`)
}

/** A station's sync settings against `url` (central itself, or a proxy in front of it). */
export const stationSettings = (url: string, code: string, over: Partial<SyncSettings> = {}): SyncSettings => ({
  url,
  stationCode: code,
  username: `station-${code}`,
  remember: false,
  ...over,
})

/** The station's database on central, as its admin sees it. */
export const adminStationDb = (central: Central, code: string) =>
  new PouchDB(`${central.url}station-${code}`, { skip_setup: true, auth: { username: central.admin.username, password: central.admin.password } })

/** A port on 127.0.0.1 that nothing listens on (taken, then let go): a server that is down. */
export async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}
