import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { ledgerRow, type LedgerRow, newNeedDoc } from '../domain/needs'
import { idKeyPagesOf, pageKeyOf, pagesOf, ReadModel } from './readModel'
import { residentForm, ulidAt } from '../../../test/support/sampleNeeds'

// The read model keeps ledger rows in pages (about nine hours of registrations each) and the need numbers
// by day; these are the bookkeeping rules the projector and the rebuild both rely on.


/** A page spans 2^25 ms: the instant `minutes` into the page that starts on or after 23 Nov 2026, plus `pages`. */
const PAGE_MS = 2 ** 25
const PAGE0 = Math.ceil(Date.parse('2026-11-23T00:00:00Z') / PAGE_MS) * PAGE_MS
const inPage = (pages: number, minutes: number) => new Date(PAGE0 + pages * PAGE_MS + minutes * 60_000).toISOString()

let made = 0
const names: string[] = []
const fresh = () => {
  const name = `read-${process.pid}-${++made}`
  names.push(name)
  return new ReadModel(name)
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name)
})

/** A row for a need registered at `at`, numbered `number`. */
function row(at: string, number: string, n: number, fields: Partial<LedgerRow> = {}): LedgerRow {
  const need = newNeedDoc(
    residentForm(n, { residentName: '张三', phone: '13800138000', description: '路灯坏了' }),
    { stationId: 'xinghe-01', ulid: ulidAt(Date.parse(at), n), number },
    '2026-11-30',
    { by: '王芳', at },
  )
  return { ...ledgerRow(need, []), ...fields }
}

describe('the read model’s pages', () => {
  it('puts a row in the page of its ULID’s first five characters, and an id without one with the oldest', () => {
    expect(pageKeyOf('need:xinghe-01:01JDJYFP0MGM64APCWZB5BFHVA')).toBe('01JDJ')
    expect(pageKeyOf('need:xinghe-01:01jdjyfp0mgm64apcwzb5bfhva')).toBe('01JDJ')
    expect(pageKeyOf('need:other-02:not-a-ulid')).toBe('!')
    // About nine hours: registrations an hour apart share a page, a day apart do not.
    const at = (iso: string) => pageKeyOf(`need:x:${ulidAt(Date.parse(iso), 0)}`)
    expect(PAGE_MS / 3600_000).toBeCloseTo(9.3, 1)
    expect(at(inPage(0, 0))).toBe(at(inPage(0, 9 * 60)))
    expect(at(inPage(0, 0))).not.toBe(at(inPage(1, 0)))
  })

  it('writes, rewrites and removes rows page by page, keeping the numbers of each day', async () => {
    const rm = fresh()
    const a = row(inPage(0, 10), '20261123-001', 1)
    const b = row(inPage(0, 40), '20261123-002', 2)
    const c = row(inPage(3, 0), '20261124-001', 3)
    await rm.applyRows([c, a, b], [])
    expect(await rm.pages.count()).toBe(2)
    expect((await rm.pages.get(pageKeyOf(a.id)))?.rows).toEqual([a, b])
    expect(await rm.row(c.id)).toEqual(c)
    expect(await rm.highestNeedNumber('20261123-')).toBe('20261123-002')
    expect(await rm.highestNeedNumber('20261124-')).toBe('20261124-001')
    expect(await rm.highestNeedNumber('20261125-')).toBeNull()

    // A row changed in place; one renumbered onto another day; one removed (its page goes with it).
    const b2 = { ...b, status: 'inProgress' as const }
    const a2 = { ...a, number: '20261124-1000' }
    await rm.applyRows([b2, a2], [c.id, 'need:xinghe-01:01JZZZZZZZZZZZZZZZZZZZZZZZ'])
    expect(await rm.rows()).toEqual([a2, b2])
    expect(await rm.pages.count()).toBe(1)
    expect(await rm.highestNeedNumber('20261123-')).toBe('20261123-002')
    // 1000 > 001 as numbers, not as text; c's number left with c.
    expect(await rm.highestNeedNumber('20261124-')).toBe('20261124-1000')
    await rm.applyRows([], [a.id, b.id])
    expect(await rm.pages.count()).toBe(0)
    expect(await rm.numberDays.count()).toBe(0)

    // What the rows come to, written one by one, is what pagesOf() makes of them in one go (a rebuild).
    await rm.applyRows([a], [])
    await rm.applyRows([c], [])
    await rm.applyRows([b], [])
    const { pages, numberDays } = pagesOf([b, c, a])
    expect(await rm.pages.toArray()).toEqual(pages.sort((x, y) => (x.key < y.key ? -1 : 1)))
    expect(await rm.numberDays.toArray()).toEqual(numberDays.sort((x, y) => (x.prefix < y.prefix ? -1 : 1)))
    rm.close()
  })

  it('moves the rows of a version 1 read model into pages, keeping its checkpoint', async () => {
    const name = `read-${process.pid}-${++made}-v1`
    names.push(name)
    const rows = [
      row(inPage(0, 10), '20261123-001', 1),
      row(inPage(0, 40), '20261123-002', 2),
      row(inPage(5, 0), '20261125-001', 3),
    ]
    const v1 = new Dexie(name)
    v1.version(1).stores({ needs: 'id, number, registeredAt, status, dueDate, phone, village', needEvents: '_id, needId', meta: 'key' })
    await v1.table('needs').bulkPut(rows)
    await v1.table('needEvents').put({ _id: 'needEvent:xinghe-01:x:y', needId: 'need:xinghe-01:x' })
    await v1.table('meta').bulkPut([
      { key: 'checkpoint', value: 42 },
      { key: 'station', value: { _id: 'station:xinghe-01' } },
    ])
    v1.close()

    const rm = new ReadModel(name)
    expect(await rm.rows()).toEqual(rows)
    expect(await rm.highestNeedNumber('20261123-')).toBe('20261123-002')
    expect((await rm.meta.get('checkpoint'))?.value).toBe(42)
    expect(rm.tables.map((t) => t.name).sort()).toEqual(['idKeyPages', 'meta', 'numberDays', 'pages'])
    const { pages } = pagesOf(rows)
    expect(await rm.pages.toArray()).toEqual(pages)
    // No hashes of ID numbers yet, and no key they were made with: the projector makes them on its start.
    expect(await rm.idKeyPages.count()).toBe(0)
    expect(await rm.idKeyId()).toBeUndefined()
    rm.close()
  })
})

describe('the read model’s index of hashed ID numbers', () => {
  const need = (pages: number, minutes: number, n: number) => `need:xinghe-01:${ulidAt(Date.parse(inPage(pages, minutes)), n)}`
  const A = 'station.xinghe-01.aaaaaaaaaaaa:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  const B = 'station.xinghe-01.aaaaaaaaaaaa:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'

  it('finds every need of one hash across pages, and no other, as hashes are set, changed and removed', async () => {
    const rm = fresh()
    const [a1, a2, b1, a3] = [need(0, 10, 1), need(0, 20, 2), need(0, 30, 3), need(4, 0, 4)]
    await rm.applyIdKeys(new Map([[a1, A], [a2, A], [b1, B], [a3, A]]), [])
    expect((await rm.needIdsWithIdKey(A)).sort()).toEqual([a1, a2, a3].sort())
    expect(await rm.needIdsWithIdKey(B)).toEqual([b1])
    expect(await rm.needIdsWithIdKey('station.xinghe-01.aaaaaaaaaaaa:CCCC')).toEqual([])

    // A corrected ID number changes one need's hash; a need gone, or left with no ID, loses its own.
    await rm.applyIdKeys(new Map([[a2, B]]), [a3, 'need:xinghe-01:01JZZZZZZZZZZZZZZZZZZZZZZZ'])
    expect(await rm.needIdsWithIdKey(A)).toEqual([a1])
    expect((await rm.needIdsWithIdKey(B)).sort()).toEqual([a2, b1].sort())
    expect(await rm.idKeyPages.count()).toBe(1)

    // Set one by one or made in one go (a rebuild, a rekey), the pages are the same.
    expect(await rm.idKeyPages.toArray()).toEqual(idKeyPagesOf(new Map([[b1, B], [a1, A], [a2, B]])))
    rm.close()
  })
})
