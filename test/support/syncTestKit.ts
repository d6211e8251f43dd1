// What the sync tests share: waiting for a condition, a station's sync settings, and the station's
// database on the central server as its admin sees it.
import PouchDB from 'pouchdb-browser'
import type { SyncSettings } from '../../renderer/src/domain/syncSettings'
import type { Central } from './centralServer'

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
