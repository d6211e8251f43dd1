// The tests' central server harness itself: a real CouchDB-protocol server in its own process.
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCentral, type Central } from '../../support/centralServer'

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('central server harness', () => {
  let central: Central
  let asAdmin: Record<string, string>

  beforeAll(async () => {
    central = await startCentral()
    asAdmin = { Authorization: basic(central.admin.username, central.admin.password), 'Content-Type': 'application/json' }
    await fetch(`${central.url}harness`, { method: 'PUT', headers: asAdmin })
    await fetch(`${central.url}harness/_security`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: ['station:xingfu'] } }),
    })
  })
  afterAll(async () => {
    await central?.stop()
    if (central) rmSync(central.dataDir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 and gives its address with and without the admin credentials', () => {
    expect(central.url).toBe(`http://127.0.0.1:${central.port}/`)
    expect(central.adminUrl).toBe(`http://admin:${central.admin.password}@127.0.0.1:${central.port}/`)
    expect(central.port).toBeGreaterThan(0)
  })

  it('has a server admin, so it is not in admin party', async () => {
    const anonymous = await (await fetch(`${central.url}_session`)).json()
    expect(anonymous.userCtx).toEqual({ name: null, roles: [] })
    const wrong = await fetch(`${central.url}_session`, { headers: { Authorization: basic('admin', 'wrong') } })
    expect(wrong.status).toBe(401)
    const right = await (await fetch(`${central.url}_session`, { headers: asAdmin })).json()
    expect(right.userCtx.roles).toContain('_admin')
    expect((await fetch(`${central.url}_config`)).status).toBe(401)
  })

  it('answers 401 to a request without credentials to a database with a security object', async () => {
    const read = await fetch(`${central.url}harness/_all_docs`)
    expect(read.status).toBe(401)
    const write = await fetch(`${central.url}harness/x`, { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(write.status).toBe(401)
  })

  it("answers a browser's CORS preflight, echoing its origin and allowing credentials", async () => {
    const preflight = await fetch(`${central.url}harness/_bulk_docs`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization')
    const read = await fetch(`${central.url}harness`, { headers: { ...asAdmin, Origin: 'app://station' } })
    expect(read.headers.get('access-control-allow-origin')).toBe('app://station')
  })

  it('keeps its data across a stop and a restart, on the same port', async () => {
    const put = await fetch(`${central.url}harness/kept`, { method: 'PUT', headers: asAdmin, body: '{"n":1}' })
    expect(put.status).toBe(201)
    const port = central.port

    await central.stop()
    await expect(fetch(central.url)).rejects.toThrow()
    await central.restart()

    expect(central.port).toBe(port)
    const kept = await (await fetch(`${central.url}harness/kept`, { headers: asAdmin })).json()
    expect(kept.n).toBe(1)
    // The security object survived too.
    expect((await fetch(`${central.url}harness/kept`)).status).toBe(401)
  })

  it('keeps its data when killed outright mid-write and started again', async () => {
    const docs = Array.from({ length: 500 }, (_, i) => ({ _id: `bulk-${String(i).padStart(4, '0')}`, i }))
    const put = await fetch(`${central.url}harness/_bulk_docs`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ docs }) })
    expect(put.status).toBe(201)
    // A write in flight when the process dies: it may or may not land, but must not break the rest.
    const inFlight = fetch(`${central.url}harness/_bulk_docs`, {
      method: 'POST',
      headers: asAdmin,
      body: JSON.stringify({ docs: docs.map((d) => ({ _id: `late-${d._id}` })) }),
    }).catch((error: unknown) => error)
    central.kill()
    await inFlight
    await central.restart()

    const all = await (await fetch(`${central.url}harness/_all_docs?startkey="bulk-"&endkey="bulk-~"`, { headers: asAdmin })).json()
    expect(all.rows).toHaveLength(500)
    expect((await fetch(`${central.url}harness/kept`, { headers: asAdmin })).status).toBe(200)
  })

  it('can be started on a data directory and a port of its choosing', async () => {
    const port = await freePort()
    const dataDir = `${central.dataDir}-chosen`
    const other = await startCentral({ dataDir, port })
    try {
      expect(other.dataDir).toBe(dataDir)
      expect(other.port).toBe(port)
      expect((await fetch(other.url)).status).toBe(200)
    } finally {
      await other.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
