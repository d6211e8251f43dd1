import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConflictDoc } from '../domain/sync'
import type { EditStamp } from '../domain/records'
import type { NeedDoc } from '../domain/needs'
import { ConflictResolver } from './conflictResolver'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
let made = 0
const dbs: PouchDB.Database[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.destroy()
})
const openDb = () => {
  const db = new MemoryPouch(`conflicts-${++made}`)
  dbs.push(db)
  return db
}

const ID = 'need:XF:01J0000000000000000000000A'
const need = (rev: string, history: string[], phone: string, stamp?: EditStamp) =>
  ({
    _id: ID,
    _rev: rev,
    _revisions: { start: Number(rev.split('-')[0]), ids: history },
    type: 'need',
    schemaVersion: 1,
    stationId: 'XF',
    createdAt: '2026-11-20T01:00:00.000Z',
    createdBy: '王芳',
    updatedAt: stamp?.at ?? '2026-11-20T01:00:00.000Z',
    updatedBy: stamp?.by ?? '王芳',
    number: '20261120-001',
    registeredAt: '2026-11-20T01:00:00.000Z',
    resident: { name: '张三', phone },
    village: '幸福村',
    address: '',
    categoryItem: 'elderly.care',
    channel: 'window',
    urgency: 'normal',
    description: '屋顶漏雨',
    dueDate: '2026-11-23',
    ...(stamp ? { fieldStamps: { 'resident.phone': stamp } } : {}),
  }) as unknown as NeedDoc

/** What two computers' replication leaves behind: one need in two versions. */
async function conflicted(db: PouchDB.Database) {
  await db.bulkDocs(
    [
      need('1-aaa', ['aaa'], '13800000000'),
      need('2-bbb', ['bbb', 'aaa'], '13900000000', { at: '2026-11-21T01:00:00.000Z', by: '王芳', device: 'a', gen: 2 }),
      need('2-ccc', ['ccc', 'aaa'], '13700000000', { at: '2026-11-21T02:00:00.000Z', by: '李明', device: 'b', gen: 2 }),
    ],
    { new_edits: false },
  )
}

const records = async (db: PouchDB.Database) =>
  (await db.allDocs({ startkey: 'conflict:', endkey: 'conflict:\uffff', include_docs: true })).rows.map((r) => r.doc as ConflictDoc)

describe('the conflict resolver', () => {
  it('finds a conflict sync left behind, merges it and keeps the losing value', async () => {
    const db = openDb()
    await conflicted(db)
    expect(await new ConflictResolver(db).catchUp()).toBe(1)
    const merged = await db.get<NeedDoc>(ID, { conflicts: true })
    expect(merged._conflicts).toBeUndefined()
    expect(merged.resident.phone).toBe('13700000000')
    const [record] = await records(db)
    expect(record?.fields[0]?.others[0]?.value).toBe('13900000000')
  })

  it('does not scan again what it has scanned', async () => {
    const db = openDb()
    await conflicted(db)
    const resolver = new ConflictResolver(db)
    await resolver.catchUp()
    expect(await resolver.catchUp()).toBe(0)
  })

  it('stops before deleting anything when the record cannot be written, and finishes on the next scan', async () => {
    const db = openDb()
    await conflicted(db)
    const put = db.put.bind(db)
    let failNext = true
    db.put = ((doc: { _id: string }, ...rest: unknown[]) => {
      if (failNext && doc._id.startsWith('conflict:')) {
        failNext = false
        return Promise.reject(Object.assign(new Error('disk full'), { status: 500 }))
      }
      return (put as (...args: unknown[]) => Promise<unknown>)(doc, ...rest)
    }) as typeof db.put
    const resolver = new ConflictResolver(db, () => undefined)
    await expect(resolver.catchUp()).rejects.toThrow('disk full')
    // Both versions are still there: nothing typed is gone.
    expect((await db.get(ID, { conflicts: true }))._conflicts).toHaveLength(1)
    expect(await resolver.catchUp()).toBe(1)
    expect((await db.get(ID, { conflicts: true }))._conflicts).toBeUndefined()
    expect(await records(db)).toHaveLength(1)
  })

  it('merges a conflict that arrives while it runs', async () => {
    const db = openDb()
    const resolver = new ConflictResolver(db)
    resolver.start()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await conflicted(db)
    const end = Date.now() + 5000
    while ((await db.get(ID, { conflicts: true }))._conflicts && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await resolver.idle()
    resolver.stop()
    expect((await db.get(ID, { conflicts: true }))._conflicts).toBeUndefined()
    expect(await records(db)).toHaveLength(1)
  })

  it('leaves types it has no rule for alone', async () => {
    const db = openDb()
    const event = (rev: string, note: string) => ({
      _id: 'needEvent:XF:01J0000000000000000000000A:01J1',
      _rev: rev,
      type: 'needEvent',
      note,
    })
    await db.bulkDocs([event('1-aaa', 'x'), event('1-bbb', 'y')], { new_edits: false })
    expect(await new ConflictResolver(db).catchUp()).toBe(0)
    expect((await db.get('needEvent:XF:01J0000000000000000000000A:01J1', { conflicts: true }))._conflicts).toHaveLength(1)
  })
})
