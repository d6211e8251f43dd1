import { normalizeServerUrl, type SyncSettings, type ConnectionVerdict } from '../domain/sync'
import { basicAuth, stationDbName } from '../contract'

// 测试连接: two plain CouchDB 3 requests, each with the credentials (no session cookie: one from a
// server on another origin would not be sent back by the browser).

const TIMEOUT_MS = 10_000

/** `Basic …` for a user name and password in UTF-8 (a password may hold Chinese characters), as central's command sends it. */
export const basicAuthorization = basicAuth

/**
 * Whether this station can sync with these settings:
 * GET /_session with the credentials → 401 (or no user) means the password (or user) is wrong;
 * GET /station-<code> → 401/403 means the user is not this station's, 404 that the central server
 * has not been set up for the station. No answer, or an answer that is not CouchDB's, is unreachable.
 */
export async function testConnection(
  settings: Pick<SyncSettings, 'url' | 'stationCode' | 'username'>,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConnectionVerdict> {
  let base: string
  try {
    base = normalizeServerUrl(settings.url)
  } catch {
    return 'unreachable'
  }
  const get = async (path: string): Promise<{ status: number; body: unknown } | null> => {
    try {
      const response = await fetchImpl(new URL(path, base).toString(), {
        headers: { Accept: 'application/json', Authorization: basicAuthorization(settings.username, password) },
        credentials: 'omit',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      const body: unknown = await response.json().catch(() => undefined)
      return { status: response.status, body }
    } catch {
      return null
    }
  }

  const session = await get('_session')
  if (!session) return 'unreachable'
  if (session.status === 401) return 'wrongPassword'
  const userCtx = (session.body as { userCtx?: { name?: unknown } } | undefined)?.userCtx
  // Something answered, but not CouchDB: a wrong address is as good as no server.
  if (session.status !== 200 || !userCtx) return 'unreachable'
  if (typeof userCtx.name !== 'string' || userCtx.name === '') return 'wrongPassword'

  const db = await get(encodeURIComponent(stationDbName(settings.stationCode)))
  if (!db) return 'unreachable'
  if (db.status === 200) return 'ok'
  if (db.status === 401 || db.status === 403) return 'wrongStation'
  if (db.status === 404) return 'notSetUp'
  return 'unreachable'
}
