import { describe, expect, it } from 'vitest'
import { basicAuthorization, testConnection } from './connection'

const settings = { url: 'https://central.example.cn/couch', stationCode: 'xinghe-01', username: 'station-xinghe-01' }

/** A fake server: path → [status, body]; anything else a network failure. */
function server(routes: Record<string, [number, unknown] | 'html'>) {
  const seen: Array<{ url: string; init: RequestInit | undefined }> = []
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    seen.push({ url, init })
    const route = routes[new URL(url).pathname]
    if (!route) throw new TypeError('fetch failed')
    if (route === 'html') return new Response('<html>router login</html>', { status: 200, headers: { 'content-type': 'text/html' } })
    return Response.json(route[1], { status: route[0] })
  }) as typeof fetch
  return { fetchImpl, seen }
}

const ok = { ok: true, userCtx: { name: 'station-xinghe-01', roles: ['station:xinghe-01', 'station'] } }

describe('testConnection', () => {
  it('is ok when the user logs in and can open the station database; every request carries the credentials', async () => {
    const { fetchImpl, seen } = server({ '/couch/_session': [200, ok], '/couch/station-xinghe-01': [200, { db_name: 'station-xinghe-01' }] })
    expect(await testConnection(settings, '口令', fetchImpl)).toBe('ok')
    expect(seen.map((r) => r.url)).toEqual(['https://central.example.cn/couch/_session', 'https://central.example.cn/couch/station-xinghe-01'])
    for (const request of seen) {
      expect((request.init?.headers as Record<string, string>).Authorization).toBe(basicAuthorization('station-xinghe-01', '口令'))
      expect(request.init?.credentials).toBe('omit')
    }
  })

  it('tells a wrong password, a wrong station and a station not set up apart', async () => {
    expect(await testConnection(settings, 'x', server({ '/couch/_session': [401, { error: 'unauthorized' }] }).fetchImpl)).toBe('wrongPassword')
    // CouchDB ignores credentials it does not know in some set-ups and answers as nobody.
    const nobody = { ok: true, userCtx: { name: null, roles: [] } }
    expect(await testConnection(settings, 'x', server({ '/couch/_session': [200, nobody] }).fetchImpl)).toBe('wrongPassword')
    for (const status of [401, 403]) {
      const s = server({ '/couch/_session': [200, ok], '/couch/station-xinghe-01': [status, { error: 'forbidden' }] })
      expect(await testConnection(settings, 'x', s.fetchImpl)).toBe('wrongStation')
    }
    const missing = server({ '/couch/_session': [200, ok], '/couch/station-xinghe-01': [404, { error: 'not_found' }] })
    expect(await testConnection(settings, 'x', missing.fetchImpl)).toBe('notSetUp')
  })

  it('is unreachable when nothing answers, or something that is not CouchDB does', async () => {
    expect(await testConnection(settings, 'x', server({}).fetchImpl)).toBe('unreachable')
    expect(await testConnection(settings, 'x', server({ '/couch/_session': 'html' }).fetchImpl)).toBe('unreachable')
    expect(await testConnection(settings, 'x', server({ '/couch/_session': [500, {}] }).fetchImpl)).toBe('unreachable')
    expect(await testConnection({ ...settings, url: 'not a url' }, 'x', server({}).fetchImpl)).toBe('unreachable')
  })

  it('encodes the credentials as UTF-8', () => {
    expect(basicAuthorization('a', '口令')).toBe(`Basic ${Buffer.from('a:口令').toString('base64')}`)
  })
})
