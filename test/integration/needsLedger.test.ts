// Needs from the desk to the ledger: commands write PouchDB documents, the projector follows PouchDB's
// changes feed into the Dexie read model, the ledger store follows the projector. Runs on PouchDB's
// IndexedDB adapter (as in the app, over fake-indexeddb) and on its memory adapter.
import Dexie from 'dexie'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLocalDb, type LocalDb } from '../../renderer/src/data/localDb'
import { rebuildReadModel } from '../../renderer/src/data/projector'
import { ReadModel } from '../../renderer/src/data/readModel'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import {
  ledgerRow,
  newestFirst,
  DESCRIPTION_MAX,
  newNeedDoc,
  type NeedDoc,
  type NeedForm,
  type NeedFormInput,
  newNeedEventDoc,
  type NeedEventInput,
} from '../../renderer/src/domain/needs'
import type { StationDoc, StationForm } from '../../renderer/src/domain/station'
import { china } from '../support/chinaTime'
import { administrator } from '../support/people'

// defaults() returns a full PouchDB class; its typings only promise a constructor.
const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static
const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

const ADAPTERS = [
  ['IndexedDB', IdbPouch],
  ['memory', MemoryPouch],
] as const

/** An instant given as China wall-clock time, stored as the app stores instants (UTC, `Z`). */

const STATION_FORM: StationForm = {
  name: '星河党群服务驿站',
  code: 'xinghe-01',
  phone: '0531-88886666',
  villages: ['星河村', '光明社区'],
  staff: ['王芳', '刘洋'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

const form = (overrides: Partial<NeedFormInput> = {}): NeedFormInput => ({
  residentName: '张三',
  phone: '13800138000',
  idCard: '11010519491231002X',
  village: '星河村',
  address: '星河村三组 12 号',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: '独居老人需要每周上门助餐',
  ...overrides,
})

/** A need as another desk or station writes it, for documents that arrive by sync. */
function syncedNeed(ids: { stationId: string; ulid: string; number: string }, at: string, fields: Partial<NeedForm> = {}): NeedDoc {
  const values: NeedForm = {
    residentName: '李四',
    phone: '13900139000',
    idCard: '',
    village: '星河村',
    address: '',
    categoryItem: 'other.other',
    channel: 'phone',
    urgency: 'normal',
    description: '路灯坏了',
    ...fields,
  }
  return newNeedDoc(values, ids, '2026-11-26', { by: '刘洋', at })
}

let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`
const freshNames = () => ({ db: unique('tongxin'), readModel: unique('read'), device: unique('device') })
type Names = ReturnType<typeof freshNames>

const open: Services[] = []
const closed = new WeakSet<Services>()

async function start(Pouch: PouchDB.Static, names: Names = freshNames(), db: LocalDb = openLocalDb(names.db, Pouch)) {
  const services = await startServices(names, db)
  open.push(services)
  return services
}

async function stop(services: Services) {
  if (closed.has(services)) return
  closed.add(services)
  await services.close()
}

afterEach(async () => {
  for (const services of open.splice(0)) await stop(services)
})

async function setUpStation(services: Services, at = china('2026-11-20T08:00:00')): Promise<StationDoc> {
  const saved = await services.stations.save(STATION_FORM, { by: '王芳', at })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.value
}

async function register(services: Services, station: StationDoc, at: string, input: NeedFormInput = form()) {
  const result = await services.needs.register(input, { station, by: '王芳', at })
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`)
  return result.value
}

async function step(services: Services, station: StationDoc, needId: string, at: string, event: NeedEventInput) {
  const result = await services.needs.transition(needId, event, { station, by: '王芳', at })
  if (!result.ok) throw new Error(`step refused: ${JSON.stringify(result)}`)
  return result.value
}

const docCount = async (db: LocalDb) => (await db.info()).doc_count
const updateSeq = async (db: LocalDb) => (await db.info()).update_seq

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
/**
 * Everything the read model holds, in a comparable form: its tables as stored (timelines stay in PouchDB;
 * the rows carry their outcome), and the rows on their own.
 */
async function tables(readModel: ReadModel) {
  return {
    rows: byId(await readModel.rows()),
    pages: await readModel.pages.toArray(),
    numberDays: await readModel.numberDays.toArray(),
    idKeyPages: await readModel.idKeyPages.toArray(),
    idKeyId: await readModel.idKeyId(),
    station: await readModel.station(),
    checkpoint: (await readModel.meta.get('checkpoint'))?.value,
  }
}

/** ...and the ledger store, in its order, once it holds every row. */
async function snapshot(services: Services) {
  await services.ledger.ready()
  return { ...(await tables(services.readModel)), ledger: [...services.ledger.all()] }
}

const assignTo = (name: string, kind: 'cadre' | 'department' = 'cadre', dueDate?: string): NeedEventInput => ({
  kind: 'assign',
  handler: { kind, name },
  ...(dueDate ? { dueDate } : {}),
})
const RESOLVE: NeedEventInput = { kind: 'resolve', note: '已上门办理完毕' }

describe.each(ADAPTERS)('needs and the ledger on PouchDB’s %s adapter', (_adapter, Pouch) => {
  it('registering a need writes one document, and the ledger shows it as soon as the projector is idle', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    await services.projector.idle()
    const before = await docCount(services.db)

    const need = await register(services, station, china('2026-11-23T09:30:00'))
    // The need; and, the station's first ID number being given, the secret it is hashed with (made once).
    expect(await docCount(services.db)).toBe(before + 2)
    expect((await services.db.allDocs({ keys: ['stationSecret:xinghe-01'] })).rows[0]).toHaveProperty('value.rev')
    const stored = await services.db.get<NeedDoc>(need._id)
    expect(stored).toEqual(need)
    expect(stored).toMatchObject({
      type: 'need',
      stationId: 'xinghe-01',
      number: '20261123-001',
      registeredAt: '2026-11-23T01:30:00.000Z',
      dueDate: '2026-11-26',
      resident: { name: '张三', phone: '13800138000', idCard: '11010519491231002X' },
    })

    await services.projector.idle()
    const expected = ledgerRow(stored, [])
    expect(services.ledger.all()).toEqual([expected])
    expect(services.ledger.get(need._id)).toEqual(expected)
    expect(await services.readModel.row(need._id)).toEqual(expected)
    expect(expected).toMatchObject({ status: 'pending', idCardMasked: '110105********002X' })
  })

  it('numbers needs 001, 002, 003 through one China day and starts again at 001 the next', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    const numbers: string[] = []
    numbers.push((await register(services, station, china('2026-11-23T08:00:00'))).number)
    numbers.push((await register(services, station, china('2026-11-23T15:00:00'))).number)
    await services.projector.idle()
    // 23:59 China time is 15:59Z: still the 23rd.
    numbers.push((await register(services, station, china('2026-11-23T23:59:00'))).number)
    // 00:01 China time is 16:01Z on the 23rd: already the 24th.
    numbers.push((await register(services, station, china('2026-11-24T00:01:00'))).number)
    numbers.push((await register(services, station, china('2026-11-24T10:00:00'))).number)
    expect(numbers).toEqual(['20261123-001', '20261123-002', '20261123-003', '20261124-001', '20261124-002'])

    await services.projector.idle()
    expect(services.ledger.all().map((row) => row.number)).toEqual([...numbers].reverse())
  })

  it('numbers on after 999 as 1000, comparing numbers as numbers', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    // A busy day, as another desk's sync would bring it.
    const day = china('2026-11-23T09:00:00')
    const docs = [998, 999].map((n, i) =>
      syncedNeed({ stationId: 'xinghe-01', ulid: `01JC0000000000000000000${i}AA`, number: `20261123-${n}` }, day),
    )
    await services.db.bulkDocs(docs)
    await services.projector.idle()
    expect(await services.readModel.highestNeedNumber('20261123-')).toBe('20261123-999')

    const thousandth = await register(services, station, china('2026-11-23T10:00:00'))
    expect(thousandth.number).toBe('20261123-1000')
    await services.projector.idle()
    // As text '20261123-999' sorts after '20261123-1000'; as numbers it does not.
    expect(await services.readModel.highestNeedNumber('20261123-')).toBe('20261123-1000')
    expect((await register(services, station, china('2026-11-23T11:00:00'))).number).toBe('20261123-1001')
  })

  it('records each step of a need as a document of its own and updates the row’s status', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    const need = await register(services, station, china('2026-11-23T09:00:00'))
    await services.projector.idle()
    const count = await docCount(services.db)

    const assigned = await step(services, station, need._id, china('2026-11-23T10:00:00'), assignTo('李书记'))
    expect(await docCount(services.db)).toBe(count + 1)
    expect(assigned._id.startsWith('needEvent:xinghe-01:')).toBe(true)
    expect(await services.db.get(assigned._id)).toMatchObject({ type: 'needEvent', needId: need._id, kind: 'assign' })
    // The need itself is untouched: steps never conflict with it.
    expect((await services.db.get<NeedDoc>(need._id))._rev).toBe(need._rev)

    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ status: 'inProgress', handlerName: '李书记' })

    await step(services, station, need._id, china('2026-11-24T10:00:00'), RESOLVE)
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-24T02:00:00.000Z' })

    await step(services, station, need._id, china('2026-11-25T10:00:00'), { kind: 'followUp', satisfaction: 'dissatisfied' })
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ status: 'inProgress', resolvedAt: null, satisfaction: 'dissatisfied' })

    await step(services, station, need._id, china('2026-11-25T15:00:00'), RESOLVE)
    await step(services, station, need._id, china('2026-11-26T10:00:00'), { kind: 'followUp', satisfaction: 'satisfied' })
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ status: 'closed', closedAt: '2026-11-26T02:00:00.000Z' })
    expect(await docCount(services.db)).toBe(count + 5)
    expect((await services.needs.timeline(need._id)).map((e) => e.kind)).toEqual([
      'assign',
      'resolve',
      'followUp',
      'resolve',
      'followUp',
    ])
    expect(services.ledger.all()).toHaveLength(1)
  })

  it('refuses a step the need’s status does not allow, and writes nothing', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    const need = await register(services, station, china('2026-11-23T09:00:00'))
    await services.projector.idle()
    const count = await docCount(services.db)
    const seq = await updateSeq(services.db)
    const ctx = { station, by: '王芳', at: china('2026-11-23T10:00:00') }

    expect(await services.needs.transition(need._id, RESOLVE, ctx)).toEqual({
      ok: false,
      error: 'lifecycle.error.notAllowed.resolve',
    })
    expect(await services.needs.transition(need._id, { kind: 'followUp', satisfaction: 'satisfied' }, ctx)).toEqual({
      ok: false,
      error: 'lifecycle.error.notAllowed.followUp',
    })
    expect(await services.needs.transition(need._id, { kind: 'decline', reason: ' ' }, ctx)).toEqual({
      ok: false,
      error: 'lifecycle.error.reasonRequired',
    })
    expect(await services.needs.transition('need:xinghe-01:01JCNOSUCHNEED0000000000', assignTo('李书记'), ctx)).toEqual({
      ok: false,
      error: 'need.error.notFound',
    })
    expect(await docCount(services.db)).toBe(count)
    expect(await updateSeq(services.db)).toBe(seq)

    // Once declined, nothing more can happen to it.
    await step(services, station, need._id, ctx.at, { kind: 'decline', reason: '不属于受理范围' })
    const afterDecline = await docCount(services.db)
    expect(await services.needs.transition(need._id, assignTo('李书记'), ctx)).toEqual({
      ok: false,
      error: 'lifecycle.error.notAllowed.assign',
    })
    expect(await docCount(services.db)).toBe(afterDecline)
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ status: 'declined' })
  })

  it('refuses an invalid form with every error, and writes nothing', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    await services.projector.idle()
    const count = await docCount(services.db)
    const seq = await updateSeq(services.db)

    const result = await services.needs.register(
      form({ residentName: '', phone: '12345', idCard: '110105194912310021', village: '月亮村', description: '' }),
      { station, by: '王芳', at: china('2026-11-23T09:00:00') },
    )
    expect(result.ok).toBe(false)
    expect('errors' in result && result.errors.map((e) => `${e.field}:${e.message}`).sort()).toEqual([
      'description:need.error.descriptionRequired',
      'idCard:idCard.checksum',
      'phone:phone.invalid',
      'residentName:need.error.nameRequired',
      'village:need.error.villageUnknown',
    ])
    expect(await docCount(services.db)).toBe(count)
    expect(await updateSeq(services.db)).toBe(seq)
    await services.projector.idle()
    expect(services.ledger.all()).toEqual([])
    // A refused form uses up no number.
    expect((await register(services, station, china('2026-11-23T09:05:00'))).number).toBe('20261123-001')
  })

  it('stores a description full of markup, and one of the longest allowed, exactly as typed', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    const markup = '<script>alert("同心")</script><img src=x onerror="alert(1)"> &amp; \'; DROP TABLE needs; -- {{7*7}}\n第二行'
    const longest = `${'<b>水管漏水</b>'.repeat(DESCRIPTION_MAX)}`.slice(0, DESCRIPTION_MAX)
    expect(longest).toHaveLength(DESCRIPTION_MAX)

    const a = await register(services, station, china('2026-11-23T09:00:00'), form({ description: markup }))
    const b = await register(services, station, china('2026-11-23T09:10:00'), form({ description: longest }))
    expect((await services.db.get<NeedDoc>(a._id)).description).toBe(markup)
    expect((await services.db.get<NeedDoc>(b._id)).description).toBe(longest)
    await services.projector.idle()
    expect(services.ledger.get(a._id)?.description).toBe(markup)
    expect(services.ledger.get(b._id)?.description).toBe(longest)
    expect((await services.readModel.row(b._id))?.description).toBe(longest)

    // One character more is refused, and nothing is written.
    const count = await docCount(services.db)
    const tooLong = await services.needs.register(form({ description: `${longest}漏` }), {
      station,
      by: '王芳',
      at: china('2026-11-23T09:20:00'),
    })
    expect(tooLong).toEqual({ ok: false, errors: [{ field: 'description', message: 'need.error.descriptionTooLong' }] })
    expect(await docCount(services.db)).toBe(count)
  })

  it('shows documents that arrive by sync in the ledger without a reload, even a step before its need', async () => {
    const services = await start(Pouch)
    const station = await setUpStation(services)
    await register(services, station, china('2026-11-23T09:00:00'))
    await services.projector.idle()

    // Another desk of the same station registers and assigns a need in its own database.
    const otherDesk = new MemoryPouch(unique('other-desk'))
    const need = syncedNeed(
      { stationId: 'xinghe-01', ulid: '01JCOTHERDESK00000000000AA', number: '20261123-101' },
      china('2026-11-23T09:30:00'),
    )
    const assign = newNeedEventDoc(need, '01JCOTHERDESK00000000000AB', assignTo('民政办', 'department'), {
      by: '刘洋',
      at: china('2026-11-23T09:40:00'),
    })
    await otherDesk.bulkDocs([need, assign])
    const version = services.ledger.version

    // The step arrives first: there is no row for it yet, but it is kept (in PouchDB, where the
    // projector reads a need's timeline when the need arrives).
    await services.db.replicate.from(otherDesk, { doc_ids: [assign._id] })
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toBeUndefined()
    expect(await services.readModel.row(need._id)).toBeUndefined()
    expect((await services.needs.timeline(need._id)).map((e) => e._id)).toEqual([assign._id])

    // Then the need: its row shows with the step already applied.
    await services.db.replicate.from(otherDesk, { doc_ids: [need._id] })
    await services.projector.idle()
    expect(services.ledger.get(need._id)).toMatchObject({ residentName: '李四', status: 'inProgress', handlerName: '民政办' })
    expect(services.ledger.version).toBeGreaterThan(version)
    expect(services.ledger.all()).toHaveLength(2)

    // A document written with its revision, as replication writes it.
    const third = syncedNeed(
      { stationId: 'xinghe-02', ulid: '01JCOTHERSTATION000000000A', number: '20261123-001' },
      china('2026-11-23T11:00:00'),
      { residentName: '王五', phone: '13700137000' },
    )
    await services.db.bulkDocs([{ ...third, _rev: '1-0123456789abcdef0123456789abcdef' }], { new_edits: false })
    await services.projector.idle()
    expect(services.ledger.get(third._id)).toMatchObject({ residentName: '王五', status: 'pending' })
    expect(services.ledger.all().map((r) => r.residentName)).toEqual(['王五', '李四', '张三'])
    await otherDesk.destroy()
  })

  it('resumes from its stored checkpoint after a restart, without doubling any row', async () => {
    const names = freshNames()
    const first = await start(Pouch, names)
    const station = await setUpStation(first)
    const a = await register(first, station, china('2026-11-23T09:00:00'))
    await register(first, station, china('2026-11-23T09:10:00'))
    await step(first, station, a._id, china('2026-11-23T09:20:00'), assignTo('李书记'))
    await first.projector.idle()
    const checkpoint = (await first.readModel.meta.get('checkpoint'))?.value
    expect(checkpoint).toEqual(await updateSeq(first.db))
    const before = await snapshot(first)
    await stop(first)

    // While the app is closed, sync brings a step and a need from another desk.
    const offline = openLocalDb(names.db, Pouch)
    const synced = syncedNeed(
      { stationId: 'xinghe-01', ulid: '01JCWHILECLOSED0000000000A', number: '20261123-201' },
      china('2026-11-23T12:00:00'),
      { residentName: '赵六', phone: '13600136000' },
    )
    await offline.bulkDocs([
      synced,
      newNeedEventDoc(a, '01JCWHILECLOSED0000000000B', RESOLVE, { by: '刘洋', at: china('2026-11-23T12:30:00') }),
    ])
    await offline.close()

    const db = openLocalDb(names.db, Pouch)
    const changes = vi.spyOn(db, 'changes')
    const second = await start(Pouch, names, db)
    // Its first read of the feed starts where the last run stopped, not at the beginning.
    expect(changes.mock.calls[0]?.[0]).toMatchObject({ since: checkpoint })
    expect(checkpoint).not.toBe(0)

    await second.projector.idle()
    await second.ledger.ready()
    const ids = second.ledger.all().map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(3)
    expect(await second.readModel.rows()).toHaveLength(3)
    expect(second.ledger.get(a._id)).toMatchObject({ status: 'resolved' })
    expect(second.ledger.get(synced._id)).toMatchObject({ residentName: '赵六' })
    // What was there before the restart is unchanged, apart from the need that moved on.
    const after = await tables(second.readModel)
    expect(after.rows.filter((r) => r.id !== a._id && r.id !== synced._id)).toEqual(
      before.rows.filter((r) => r.id !== a._id),
    )

    // Numbering goes on from what the read model holds: the device's own memory of numbers is gone.
    expect((await register(second, station, china('2026-11-23T13:00:00'))).number).toBe('20261123-202')
    await second.projector.idle()
    expect(second.ledger.all()).toHaveLength(4)
  })

  it('rebuilds a read model that equals, row for row, the one the live feed built over 300 needs', { timeout: 120_000 }, async () => {
    const names = freshNames()
    const services = await start(Pouch, names)
    let station = await setUpStation(services)

    // mulberry32: the same mix of timelines on every run.
    let seed = 20261123
    const rand = () => {
      seed = (seed + 0x6d2b79f5) >>> 0
      let t = seed
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const surnames = [...'王李张刘陈杨赵黄周吴']
    const given = [...'伟芳娜秀英敏静丽强磊军洋三四']
    const items = ['elderly.daily-care', 'children.living-relief', 'hardship.medical-aid', 'public.environment', 'other.other']
    const minute = 60_000
    const start0 = Date.parse('2026-11-20T00:30:00.000Z')

    const needs: NeedDoc[] = []
    const paths: number[] = []
    for (let i = 0; i < 300; i++) {
      const t0 = start0 + i * 29 * minute
      const at = (k: number) => new Date(t0 + k * 3 * minute).toISOString()
      const need = await register(
        services,
        station,
        at(0),
        form({
          residentName: surnames[Math.floor(rand() * surnames.length)]! + given[Math.floor(rand() * given.length)]!,
          phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
          idCard: i % 4 === 0 ? '11010519491231002X' : '',
          village: i % 3 === 0 ? '光明社区' : '星河村',
          categoryItem: items[i % items.length]!,
          urgency: i % 7 === 0 ? 'urgent' : 'normal',
          description: `第 ${i} 件：${i % 5 === 0 ? '<script>x</script>' : '水管漏水'}`,
        }),
      )
      needs.push(need)
      const path = Math.floor(rand() * 8)
      paths.push(path)
      const go = (k: number, event: NeedEventInput) => step(services, station, need._id, at(k), event)
      switch (path) {
        case 0: // still pending
          break
        case 1:
          await go(1, assignTo('李书记'))
          break
        case 2:
          await go(1, assignTo('李书记'))
          await go(2, RESOLVE)
          break
        case 3:
          await go(1, assignTo('民政办', 'department'))
          await go(2, RESOLVE)
          await go(3, { kind: 'followUp', satisfaction: rand() < 0.5 ? 'satisfied' : 'basicallySatisfied' })
          break
        case 4:
          await go(1, assignTo('李书记'))
          await go(2, RESOLVE)
          await go(3, { kind: 'followUp', satisfaction: 'dissatisfied' })
          await go(4, RESOLVE)
          break
        case 5:
          await go(1, { kind: 'refer', to: '镇司法所', reason: '属法律援助事项' })
          break
        case 6:
          await go(1, assignTo('李书记'))
          await go(2, { kind: 'decline', reason: '重复诉求' })
          break
        case 7:
          await go(1, assignTo('李书记', 'cadre', '2026-12-31'))
          await go(2, assignTo('民政办', 'department'))
          break
      }
      if (i % 50 === 49) await services.projector.idle()
    }

    // What sync and later edits bring, written straight into PouchDB.
    const pendingNeed = needs[paths.indexOf(0)]!
    const at = (iso: string) => ({ by: '刘洋', at: iso })
    // A resolve that another device made before anyone assigned the need: it cannot apply and is skipped.
    const early = newNeedEventDoc(pendingNeed, '01JCZZEARLYRESOLVE0000000A', RESOLVE, at(new Date(Date.parse(pendingNeed.registeredAt) + 1000).toISOString()))
    await services.db.put(early)
    // A step whose need never arrived.
    const orphan = newNeedEventDoc(
      { _id: 'need:xinghe-01:01JCNEVERARRIVED000000000A', stationId: 'xinghe-01' },
      '01JCZZORPHAN00000000000000',
      assignTo('李书记'),
      at('2026-11-25T00:00:00.000Z'),
    )
    await services.db.put(orphan)
    // A need deleted, a step deleted, a need edited, the station's settings edited.
    const deleted = needs[10]!
    await services.db.remove(await services.db.get(deleted._id))
    const closedNeed = needs[paths.indexOf(3)]!
    const followUp = (await services.needs.timeline(closedNeed._id)).find((e) => e.kind === 'followUp')!
    await services.db.remove(followUp._id, followUp._rev!)
    const edited = needs[20]!
    const current = await services.db.get<NeedDoc>(edited._id)
    await services.db.put({ ...current, address: '光明社区 8 栋 301', updatedAt: '2026-11-26T00:00:00.000Z' })
    const saved = await services.stations.save(
      { ...STATION_FORM, villages: [...STATION_FORM.villages, '新河村'] },
      { ...at('2026-11-26T01:00:00.000Z'), person: administrator },
    )
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    station = saved.value
    // A burst from another station, in one write.
    const burst = Array.from({ length: 25 }, (_, i) =>
      syncedNeed(
        { stationId: 'xinghe-02', ulid: `01JCBURST${String(i).padStart(17, '0')}`, number: `20261126-${String(i + 1).padStart(3, '0')}` },
        new Date(Date.parse('2026-11-26T02:00:00.000Z') + i * minute).toISOString(),
        { residentName: `钱${given[i % given.length]}` },
      ),
    )
    await services.db.bulkDocs(burst)

    await services.projector.idle()
    const live = await snapshot(services)

    // The live model really holds what happened.
    expect(live.rows).toHaveLength(300 - 1 + 25)
    // Every fourth need gave the same ID number: 75 needs under one hash, made with the station's key.
    expect(live.idKeyPages.flatMap((page) => Object.keys(page.needs))).toHaveLength(75)
    expect(new Set(live.idKeyPages.flatMap((page) => page.idKeys)).size).toBe(1)
    expect(live.idKeyId).toMatch(/^station\.xinghe-01\./)
    expect(live.checkpoint).toEqual(await updateSeq(services.db))
    expect(live.station?.villages).toContain('新河村')
    expect(live.rows.find((r) => r.id === deleted._id)).toBeUndefined()
    expect(live.rows.find((r) => r.id === closedNeed._id)?.status).toBe('resolved')
    expect(live.rows.find((r) => r.id === edited._id)?.address).toBe('光明社区 8 栋 301')
    expect(live.rows.find((r) => r.id === pendingNeed._id)?.status).toBe('pending')
    // The orphan step has no row, and is kept in PouchDB for its need.
    expect(live.rows.find((r) => r.id === orphan.needId)).toBeUndefined()
    expect((await services.needs.timeline(orphan.needId)).map((e) => e._id)).toEqual([orphan._id])
    const statuses = new Set(live.rows.map((r) => r.status))
    expect([...statuses].sort()).toEqual(['closed', 'declined', 'inProgress', 'pending', 'referred', 'resolved'])
    expect(live.ledger).toEqual([...live.ledger].sort(newestFirst))
    expect(byId([...live.ledger])).toEqual(live.rows)

    // 1. Rebuilt in place by the running app.
    const read = await services.rebuildReadModel()
    expect(read).toBe(await docCount(services.db))
    expect(await snapshot(services)).toEqual(live)

    // ...and the live feed carries on after it.
    const later = await register(services, station, '2026-11-27T01:00:00.000Z', form({ residentName: '孙八', village: '新河村' }))
    await services.projector.idle()
    expect(services.ledger.all()[0]?.id).toBe(later._id)
    const withLater = await snapshot(services)
    expect(withLater.rows).toHaveLength(live.rows.length + 1)
    await stop(services)

    // 2. The read model deleted outright, and rebuilt from PouchDB alone.
    await Dexie.delete(names.readModel)
    const db = openLocalDb(names.db, Pouch)
    const fresh = new ReadModel(names.readModel)
    await rebuildReadModel(db, fresh, 97) // small pages, so the rebuild reads many of them
    const { ledger: _ledger, ...withoutLedger } = withLater
    expect(await tables(fresh)).toEqual(withoutLedger)
    fresh.close()
    await db.close()

    // 3. The read model deleted, and the projector left to replay the whole changes feed on start.
    await Dexie.delete(names.readModel)
    const replayed = await start(Pouch, names)
    await replayed.projector.idle()
    expect(await snapshot(replayed)).toEqual(withLater)
  })
})
