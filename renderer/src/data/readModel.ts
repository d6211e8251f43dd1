import Dexie, { type EntityTable, type Transaction } from 'dexie'
import type { LedgerRow } from '../domain/needs'
import type { StationDoc } from '../domain/station'

// The derived read model, fed from PouchDB's changes feed; deleting it loses nothing (see rebuild in
// projector.ts). It holds the ledger rows, what numbering needs and the hashes of ID numbers, nothing else:
// a need's timeline is read from PouchDB when the need changes, and no full ID number is kept here.
//
// The rows are kept in pages rather than one record each. IndexedDB spends its time per record, not per
// byte (in Chromium a put costs a few hundred microseconds whatever its size), so 100,000 rows written one
// record each take far longer than the same rows in a couple of thousand pages, and a rebuild or a full
// load is mostly that. A row's page follows from its need's id alone: the first five characters of the
// need's ULID, which is its registration time, so a page holds about nine hours of registrations (a few
// dozen rows at a busy station) and the newest pages hold the newest rows. A change rewrites one page.
//
// Beside them, which needs hold which resident's ID number: each need's keyed hash (domain/personal/idKey.ts),
// in pages like the rows' (one record per need would cost a rebuild as much as the rows did), whose `idKeys`
// are indexed (multiEntry), so a resident's earlier visits are one index read among 100,000 needs. The
// hashes are the read model's own: made with the station's secret as it is now (meta `idKeyId`), so a need
// stored without one, or with one under another key, is found too, and PouchDB's documents stay as they are.

export interface MetaEntry {
  /** idKeyId: the key every hash in idKeyPages was made with (null: the station has no secret yet) */
  key: 'checkpoint' | 'station' | 'idKeyId'
  value: unknown
}

/** The rows of one page, sorted by id (so the same rows always make the same page). */
export interface RowPage {
  key: string
  rows: LedgerRow[]
}

/** The hashes of the ID numbers of one page's needs (the page of pageKeyOf), as idKeyText. */
export interface IdKeyPage {
  key: string
  /** need id → its hash */
  needs: Record<string, string>
  /** the distinct hashes of the page, sorted: the index a lookup reads */
  idKeys: string[]
}

/** The need numbers given out with one prefix (one China day, YYYYMMDD-), by need id. */
export interface NumberDay {
  prefix: string
  numbers: Record<string, string>
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i

/** The page a need's row is kept in: the first five characters of its ULID (about nine hours). */
export function pageKeyOf(needId: string): string {
  const ulid = needId.slice(needId.lastIndexOf(':') + 1)
  // An id without a ULID (a malformed document from a faulty peer) goes with the oldest.
  return ULID.test(ulid) ? ulid.slice(0, 5).toUpperCase() : '!'
}

/** What highestNeedNumber() is asked with: the number up to and including its first '-'. */
export const numberPrefixOf = (number: string) => number.slice(0, number.indexOf('-') + 1)

const byId = (a: LedgerRow, b: LedgerRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const hasNumber = (row: LedgerRow | undefined): row is LedgerRow => typeof row?.number === 'string'

/** These rows as pages and number days, as the read model stores them (for a rebuild: every row at once). */
export function pagesOf(rows: readonly LedgerRow[]): { pages: RowPage[]; numberDays: NumberDay[] } {
  const pages = new Map<string, LedgerRow[]>()
  const days = new Map<string, Record<string, string>>()
  for (const row of rows) {
    const key = pageKeyOf(row.id)
    const page = pages.get(key)
    if (page) page.push(row)
    else pages.set(key, [row])
    if (!hasNumber(row)) continue
    const prefix = numberPrefixOf(row.number)
    const day = days.get(prefix)
    if (day) day[row.id] = row.number
    else days.set(prefix, { [row.id]: row.number })
  }
  return {
    pages: [...pages].map(([key, list]) => ({ key, rows: list.sort(byId) })),
    numberDays: [...days].map(([prefix, numbers]) => ({ prefix, numbers })),
  }
}

/** One page of hashes, the same whatever order its needs came in (a rebuild must equal the live model). */
function idKeyPage(key: string, needs: ReadonlyMap<string, string>): IdKeyPage {
  const ids = [...needs.keys()].sort()
  return { key, needs: Object.fromEntries(ids.map((id) => [id, needs.get(id)!])), idKeys: [...new Set(needs.values())].sort() }
}

/** These hashes (need id → idKeyText) as pages, as the read model stores them (for a rebuild or a rekey). */
export function idKeyPagesOf(texts: ReadonlyMap<string, string>): IdKeyPage[] {
  const pages = new Map<string, Map<string, string>>()
  for (const [needId, text] of texts) {
    const key = pageKeyOf(needId)
    const page = pages.get(key)
    if (page) page.set(needId, text)
    else pages.set(key, new Map([[needId, text]]))
  }
  return [...pages].map(([key, needs]) => idKeyPage(key, needs))
}

export class ReadModel extends Dexie {
  pages!: EntityTable<RowPage, 'key'>
  numberDays!: EntityTable<NumberDay, 'prefix'>
  idKeyPages!: EntityTable<IdKeyPage, 'key'>
  meta!: EntityTable<MetaEntry, 'key'>

  constructor(name = 'tongxin-read', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({
      needs: 'id, number, registeredAt, status, dueDate, phone, village',
      needEvents: '_id, needId',
      meta: 'key',
    })
    // Rows in pages; timelines left to PouchDB. The rows move over as they are, checkpoint and all.
    this.version(2)
      .stores({ needs: null, needEvents: null, pages: 'key', numberDays: 'prefix', meta: 'key' })
      .upgrade(async (tx: Transaction) => {
        const { pages, numberDays } = pagesOf(await tx.table<LedgerRow>('needs').toArray())
        await tx.table('pages').bulkPut(pages)
        await tx.table('numberDays').bulkPut(numberDays)
      })
    // The hashes of residents' ID numbers. Nothing to move over: they are made from PouchDB with the
    // station's secret, which the projector does on its next start (no idKeyId yet: see Projector.rekey).
    this.version(3).stores({ idKeyPages: 'key, *idKeys' })
  }

  async station(): Promise<StationDoc | null> {
    return ((await this.meta.get('station'))?.value as StationDoc | undefined) ?? null
  }

  /** Every row, page by page. */
  async rows(): Promise<LedgerRow[]> {
    return (await this.pages.toArray()).flatMap((page) => page.rows)
  }

  async row(id: string): Promise<LedgerRow | undefined> {
    return (await this.pages.get(pageKeyOf(id)))?.rows.find((row) => row.id === id)
  }

  /** The key the hashes were made with: undefined until the projector has made them all once. */
  async idKeyId(): Promise<string | null | undefined> {
    return (await this.meta.get('idKeyId'))?.value as string | null | undefined
  }

  /** The needs whose resident's ID number has this hash (idKeyText): one read of the index. */
  async needIdsWithIdKey(text: string): Promise<string[]> {
    const pages = await this.idKeyPages.where('idKeys').equals(text).toArray()
    return pages.flatMap((page) => Object.keys(page.needs).filter((id) => page.needs[id] === text))
  }

  /**
   * Sets these needs' hashes (need id → idKeyText) and removes the hashes of these others (a need gone,
   * or with no ID number now), in one transaction or the caller's. Pages that do not change are not written.
   */
  applyIdKeys(texts: ReadonlyMap<string, string>, removedIds: readonly string[]): Promise<void> {
    return this.transaction('rw', this.idKeyPages, async () => {
      const keys = [...new Set([...texts.keys(), ...removedIds].map(pageKeyOf))]
      if (keys.length === 0) return
      const stored = await this.idKeyPages.bulkGet(keys)
      const pages = new Map(keys.map((key, i) => [key, new Map(Object.entries(stored[i]?.needs ?? {}))]))
      const changed = new Set<string>()
      for (const id of removedIds) if (pages.get(pageKeyOf(id))!.delete(id)) changed.add(pageKeyOf(id))
      for (const [id, text] of texts) {
        const page = pages.get(pageKeyOf(id))!
        if (page.get(id) === text) continue
        page.set(id, text)
        changed.add(pageKeyOf(id))
      }
      const put = [...changed].filter((key) => pages.get(key)!.size > 0)
      const emptied = [...changed].filter((key) => pages.get(key)!.size === 0)
      if (put.length) await this.idKeyPages.bulkPut(put.map((key) => idKeyPage(key, pages.get(key)!)))
      if (emptied.length) await this.idKeyPages.bulkDelete(emptied)
    })
  }

  /** The highest need number given out with this prefix (numbers are compared as numbers, not text). */
  async highestNeedNumber(prefix: string): Promise<string | null> {
    const numbers = Object.values((await this.numberDays.get(prefix))?.numbers ?? {})
    let best: string | null = null
    for (const n of numbers) {
      if (!n.startsWith(prefix)) continue
      if (!best || Number(n.slice(prefix.length)) > Number(best.slice(prefix.length))) best = n
    }
    return best
  }

  /**
   * Writes these rows and removes these ids, in one transaction (or the caller's, if it spans pages and
   * numberDays): each page touched is read, changed and written back whole.
   */
  applyRows(rows: readonly LedgerRow[], removedIds: readonly string[]): Promise<void> {
    return this.transaction('rw', this.pages, this.numberDays, async () => {
      const changes = new Map<string, { set: LedgerRow[]; remove: string[] }>()
      const changesOf = (id: string) => {
        const key = pageKeyOf(id)
        let change = changes.get(key)
        if (!change) changes.set(key, (change = { set: [], remove: [] }))
        return change
      }
      for (const row of rows) changesOf(row.id).set.push(row)
      for (const id of removedIds) changesOf(id).remove.push(id)

      const keys = [...changes.keys()]
      const stored = await this.pages.bulkGet(keys)
      const put: RowPage[] = []
      const emptied: string[] = []
      /** need id → [number it had, number it has] where that changed */
      const renumbered: [string, string | null, string | null][] = []
      keys.forEach((key, i) => {
        const { set, remove } = changes.get(key)!
        const page = new Map((stored[i]?.rows ?? []).map((row) => [row.id, row]))
        for (const id of remove) {
          const old = page.get(id)
          if (hasNumber(old)) renumbered.push([id, old.number, null])
          page.delete(id)
        }
        for (const row of set) {
          const old = page.get(row.id)
          const before = hasNumber(old) ? old.number : null
          const after = hasNumber(row) ? row.number : null
          if (before !== after) renumbered.push([row.id, before, after])
          page.set(row.id, row)
        }
        if (page.size === 0) emptied.push(key)
        else put.push({ key, rows: [...page.values()].sort(byId) })
      })
      if (put.length) await this.pages.bulkPut(put)
      if (emptied.length) await this.pages.bulkDelete(emptied)
      if (renumbered.length === 0) return

      const prefixes = [
        ...new Set(renumbered.flatMap(([, before, after]) => [before, after].filter((n) => n !== null).map(numberPrefixOf))),
      ]
      const days = new Map(
        (await this.numberDays.bulkGet(prefixes)).map((day, i) => [prefixes[i]!, { ...(day?.numbers ?? {}) }]),
      )
      for (const [id, before, after] of renumbered) {
        if (before !== null) delete days.get(numberPrefixOf(before))![id]
        if (after !== null) days.get(numberPrefixOf(after))![id] = after
      }
      const kept = [...days].filter(([, numbers]) => Object.keys(numbers).length > 0)
      const gone = [...days].filter(([, numbers]) => Object.keys(numbers).length === 0).map(([prefix]) => prefix)
      if (kept.length) await this.numberDays.bulkPut(kept.map(([prefix, numbers]) => ({ prefix, numbers })))
      if (gone.length) await this.numberDays.bulkDelete(gone)
    })
  }
}
