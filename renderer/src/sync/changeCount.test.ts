import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it } from 'vitest'
import { countLocalChanges, countRemoteChanges } from './changeCount'

// How 立即同步 counts what there is to do (the runs themselves: test/integration/batchSync.test.ts).

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
const DB = 'https://zhongxin.example.gov.cn:6984/station-xinghe-01'

/** A server answering `_changes` from a list of rows, as CouchDB 3 does (with `pending`) or not. */
function changesServer(rows: number, { pending }: { pending: boolean }) {
  const requests: URL[] = []
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input))
    requests.push(url)
    expect(url.pathname).toBe('/station-xinghe-01/_changes')
    expect(new Headers(init?.headers).get('Authorization')).toMatch(/^Basic /)
    const since = Number(url.searchParams.get('since'))
    const limit = Number(url.searchParams.get('limit'))
    const after = Math.max(0, rows - since)
    const count = Math.min(limit, after)
    const results = Array.from({ length: count }, (_, i) => ({ seq: since + i + 1, id: `doc-${since + i + 1}`, changes: [{ rev: '1-a' }] }))
    const body = { results, last_seq: since + count, ...(pending ? { pending: after - count } : {}) }
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
  return { fetchImpl, requests }
}

describe('counting central’s changes', () => {
  it('reads CouchDB 3’s pending count with one small request', async () => {
    const server = changesServer(123_456, { pending: true })
    expect(await countRemoteChanges(DB, 0, 'station-xinghe-01', '口令', { fetch: server.fetchImpl })).toBe(123_456)
    expect(await countRemoteChanges(DB, 123_000, 'station-xinghe-01', '口令', { fetch: server.fetchImpl })).toBe(456)
    expect(await countRemoteChanges(DB, 123_456, 'station-xinghe-01', '口令', { fetch: server.fetchImpl })).toBe(0)
    expect(server.requests.map((url) => url.searchParams.get('limit'))).toEqual(['1', '1', '1'])
  })

  it('reads the feed through, in pages, from a server without pending', async () => {
    const server = changesServer(2_345, { pending: false })
    expect(await countRemoteChanges(DB, 0, 'u', 'p', { fetch: server.fetchImpl })).toBe(2_345)
    expect(server.requests.length).toBe(4) // 1, then 1000, 1000 and 344
    expect(await countRemoteChanges(DB, 2_345, 'u', 'p', { fetch: server.fetchImpl })).toBe(0)
  })

  it('leaves out this station’s own uploads (for 继续) by reading the rows, even from CouchDB 3', async () => {
    const server = changesServer(2_500, { pending: true })
    const ours = new Set(Array.from({ length: 1_200 }, (_, i) => `doc-${i + 1}\n1-a`))
    expect(await countRemoteChanges(DB, 0, 'u', 'p', { fetch: server.fetchImpl, except: ours })).toBe(1_300)
    expect(server.requests.length).toBe(4)
    expect(server.requests.every((url) => url.searchParams.get('style') === 'all_docs')).toBe(true)
  })

  it('passes an opaque CouchDB sequence on as it is', async () => {
    const seen: string[] = []
    const fetchImpl = (async (input: string | URL | Request) => {
      seen.push(new URL(String(input)).searchParams.get('since')!)
      return new Response(JSON.stringify({ results: [], last_seq: 'x', pending: 0 }), { status: 200 })
    }) as typeof fetch
    await countRemoteChanges(DB, '42-g1AAAAB/+=x', 'u', 'p', { fetch: fetchImpl })
    expect(seen).toEqual(['42-g1AAAAB/+=x'])
  })

  it('fails with the server’s status, as PouchDB’s errors carry it', async () => {
    const refuse = (async () =>
      new Response(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }), { status: 401 })) as typeof fetch
    await expect(countRemoteChanges(DB, 0, 'u', 'p', { fetch: refuse })).rejects.toMatchObject({ status: 401, name: 'unauthorized' })
    const notCouch = (async () => new Response('<html>portal</html>', { status: 200 })) as typeof fetch
    await expect(countRemoteChanges(DB, 0, 'u', 'p', { fetch: notCouch })).rejects.toMatchObject({ status: 502 })
  })
})

describe('counting local changes', () => {
  it('counts each document once, at its latest change, after a sequence, across pages', async () => {
    const db = new MemoryPouch(`count-${process.pid}-${Math.random().toString(36).slice(2)}`)
    try {
      const written = await db.bulkDocs(Array.from({ length: 2_500 }, (_, i) => ({ _id: `doc-${String(i).padStart(5, '0')}` })))
      expect(await countLocalChanges(db, 0)).toBe(2_500)
      // Edited again: still one change per document.
      await db.put({ _id: 'doc-00000', _rev: written[0]!.rev!, edited: true })
      expect(await countLocalChanges(db, 0)).toBe(2_500)
      expect(await countLocalChanges(db, 2_500)).toBe(1)
      expect(await countLocalChanges(db, 2_501)).toBe(0)
      // Rows the download wrote (echoes) are left out; a cancel stops the count.
      const echoes = new Set([`doc-00001\n${written[1]!.rev}`, `doc-00002\n${written[2]!.rev}`])
      expect(await countLocalChanges(db, 0, { except: echoes })).toBe(2_498)
      await expect(countLocalChanges(db, 0, { stop: () => true })).rejects.toThrow()
    } finally {
      await db.destroy()
    }
  })
})
