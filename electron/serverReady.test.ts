import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { waitForServer } from './serverReady.mjs'

// `npm start` prints the browser version's address only once it answers (electron/start.mjs).

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A free port on 127.0.0.1, closed again: nothing listens there until a test starts a server on it. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

function serve(port: number): Promise<void> {
  const server = createServer((_req, res) => res.end('<!doctype html>'))
  servers.push(server)
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
}

describe('waitForServer', () => {
  it('answers only once the server does: not while the port still refuses', async () => {
    const port = await freePort()
    const started = Date.now()
    setTimeout(() => void serve(port), 600)
    const ready = await waitForServer(`http://127.0.0.1:${port}/`, { timeoutMs: 10_000, intervalMs: 50 })
    expect(ready).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)
  })

  it('gives up after its timeout when nothing ever answers', async () => {
    const port = await freePort()
    const started = Date.now()
    const ready = await waitForServer(`http://127.0.0.1:${port}/`, { timeoutMs: 400, intervalMs: 50 })
    expect(ready).toBe(false)
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('counts any answer, even an error status, as the server being up', async () => {
    const port = await freePort()
    const server = createServer((_req, res) => {
      res.statusCode = 404
      res.end()
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    expect(await waitForServer(`http://127.0.0.1:${port}/`, { timeoutMs: 2_000 })).toBe(true)
  })
})
