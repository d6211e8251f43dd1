import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { describe, expect, it, vi } from 'vitest'
import { openLocalDb, quickRevsDiff } from './localDb'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
let made = 0

/** A database with a document of each kind revsDiff must tell apart. */
async function storedKinds() {
  const db = openLocalDb(`revs-diff-${++made}`, MemoryPouch)
  const one = await db.put({ _id: 'need:one', v: 1 })
  const edited1 = await db.put({ _id: 'need:edited', v: 1 })
  const edited2 = await db.put({ _id: 'need:edited', _rev: edited1.rev, v: 2 })
  // Two computers' versions of one document, both leaves.
  await db.bulkDocs(
    [
      { _id: 'need:split', _rev: '2-aaa', _revisions: { start: 2, ids: ['aaa', 'root'] }, v: 'a' },
      { _id: 'need:split', _rev: '2-bbb', _revisions: { start: 2, ids: ['bbb', 'root'] }, v: 'b' },
    ] as never,
    { new_edits: false },
  )
  const gone1 = await db.put({ _id: 'need:gone', v: 1 })
  const gone2 = await db.remove('need:gone', gone1.rev)
  return { db, revs: { one: one.rev, edited1: edited1.rev, edited2: edited2.rev, gone2: gone2.rev } }
}

describe('revsDiff on the station database', () => {
  it('answers exactly as PouchDB does for every kind of document and revision', async () => {
    const { db, revs } = await storedKinds()
    // The same stored data through PouchDB's own revsDiff (memory databases of one name share it).
    const own = new MemoryPouch(db.name, { auto_compaction: true })
    const asked = {
      'need:one': [revs.one],
      'need:one-more': ['1-new'],
      'need:edited': [revs.edited1],
      'need:edited-newer': [revs.edited2, '3-later'],
      'need:split': ['2-aaa'],
      'need:gone': [revs.gone2],
      'need:unknown': ['1-abc', '2-def'],
    }
    const quick = await db.revsDiff(asked)
    expect(quick).toEqual(await own.revsDiff(asked))
    expect(quick['need:one']).toBeUndefined()
    expect(quick['need:unknown']).toEqual({ missing: ['1-abc', '2-def'] })
  })

  it('reads revision trees only for documents it cannot answer from their current revision', async () => {
    const { db, revs } = await storedKinds()
    const treeByTree = vi.fn(async (asked: PouchDB.Core.RevisionDiffOptions) => Object.fromEntries(Object.keys(asked).map((id) => [id, { missing: [] }])))
    await quickRevsDiff(db, { 'need:one': [revs.one], 'need:unknown': ['1-abc'], 'need:split': ['2-aaa'], 'need:gone': [revs.gone2] }, treeByTree)
    expect(Object.keys(treeByTree.mock.calls[0]![0]).sort()).toEqual(['need:gone', 'need:split'])
  })
})
