// Two computers of one station (the desk PC and the outreach laptop) sync with the same central
// database. Both correct the same need while apart; when they meet again the need is merged by the
// rules (each field's newest edit), the value that lost is kept in a conflict record, every copy —
// both computers and central — ends with one version and no conflict, and a technician resolves it.
import PouchDB from 'pouchdb-browser'
import { describe, expect, it } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { ConflictDoc } from '../../renderer/src/domain/sync'
import { needFormOf, type NeedDoc, type NeedFormInput } from '../../renderer/src/domain/needs'
import type { StationForm } from '../../renderer/src/domain/station'
import { administrator, deskClerk, technician } from '../support/people'
import { StationSync } from '../../renderer/src/sync/stationSync'
import { centralForTests, until } from '../support/syncTestKit'
import { leakingRoof } from '../support/sampleNeeds'

const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static
const FAST = { backoff: { firstMs: 100, maxMs: 1000 } }
const CODE = 'xinghe-01'
const PASSWORD = 'pw-星河'

const kit = centralForTests({ [CODE]: PASSWORD })
const { cleanups } = kit
let made = 0
const unique = (what: string) => `${what}-${process.pid}-${++made}`

const settings = () => kit.settingsOf(CODE)
const adminDb = () => kit.adminDb(CODE)

const stationForm: StationForm = {
  name: '星河党群服务驿站',
  code: CODE,
  phone: '',
  villages: ['星河村', '东风村'],
  staff: ['王芳', '李明'],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

const needForm: NeedFormInput = leakingRoof

interface Computer {
  services: Services
  sync: StationSync
}

async function openComputer(): Promise<Computer> {
  const names = { db: unique('tongxin'), readModel: unique('read'), device: unique('device') }
  const services = await startServices(names, openLocalDb(names.db, IdbPouch))
  const sync = new StationSync(services.db, services.device, FAST)
  cleanups.push(async () => {
    await sync.close()
    await services.close()
  })
  return { services, sync }
}

const versionsOf = async (db: PouchDB.Database, id: string) => {
  const doc = await db.get<NeedDoc>(id, { conflicts: true })
  return { rev: doc._rev, conflicts: doc._conflicts ?? [], doc }
}

/** Both computers and central hold one and the same version of the document, with no conflict. */
async function converged(computers: Computer[], id: string): Promise<boolean> {
  const copies = await Promise.all([...computers.map((c) => versionsOf(c.services.db, id)), versionsOf(adminDb(), id)])
  return copies.every((copy) => copy.conflicts.length === 0 && copy.rev === copies[0]!.rev)
}

const conflictRecords = async (db: PouchDB.Database) =>
  (await db.allDocs<ConflictDoc>({ startkey: 'conflict:', endkey: 'conflict:\uffff', include_docs: true })).rows.map(
    (row) => row.doc as ConflictDoc,
  )

describe('the same need corrected on two computers of one station', () => {
  it('merges per field, keeps the losing value, and a technician resolves it', async () => {
    const desk = await openComputer()
    const laptop = await openComputer()
    const saved = await desk.services.stations.save(stationForm, { by: '王芳', at: '2026-11-23T01:00:00.000Z' })
    if (!saved.ok) throw new Error('station refused')
    const station = saved.value
    const registered = await desk.services.needs.register(needForm, { station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
    if (!registered.ok) throw new Error('need refused')
    const needId = registered.value._id

    // Both computers online: the laptop receives the need.
    await desk.sync.start(settings(), PASSWORD)
    await laptop.sync.start(settings(), PASSWORD)
    await until(async () => !!(await laptop.services.needs.get(needId)), 'the need on the laptop')

    // Apart: the desk corrects the phone and the address; later the laptop corrects the phone again
    // and the description.
    await desk.sync.stop()
    await laptop.sync.stop()
    const deskEdit = await desk.services.needs.correct(
      needId,
      { ...needFormOf(registered.value), phone: '13900139000', address: '二组 8 号' },
      { station, by: '王芳', at: '2026-11-24T02:00:00.000Z' },
    )
    const laptopEdit = await laptop.services.needs.correct(
      needId,
      { ...needFormOf(registered.value), phone: '13700137000', description: '屋顶漏雨，墙也裂了' },
      { station, by: '李明', at: '2026-11-24T03:00:00.000Z' },
    )
    expect(deskEdit.ok && laptopEdit.ok).toBe(true)

    // Together again: every copy ends with one merged version.
    await desk.sync.start(settings(), PASSWORD)
    await laptop.sync.start(settings(), PASSWORD)
    await until(() => converged([desk, laptop], needId), 'one version everywhere')

    for (const db of [desk.services.db, laptop.services.db, adminDb()]) {
      const { doc } = await versionsOf(db, needId)
      expect(doc.resident.phone).toBe('13700137000') // the laptop's edit is newer
      expect(doc.address).toBe('二组 8 号') // only the desk changed it
      expect(doc.description).toBe('屋顶漏雨，墙也裂了') // only the laptop changed it
    }

    // The desk's phone lost; it is kept in one conflict record, the same on every copy.
    await until(async () => (await conflictRecords(adminDb())).length === 1, 'the record on central')
    await until(async () => (await conflictRecords(laptop.services.db)).length === 1, 'the record on the laptop')
    const [record] = await desk.services.conflicts.list()
    expect(record).toMatchObject({ docId: needId, status: 'open' })
    expect(record!.fields).toHaveLength(1)
    expect(record!.fields[0]).toMatchObject({
      field: 'resident.phone',
      kept: { value: '13700137000', stamp: { by: '李明' } },
      others: [{ value: '13900139000', stamp: { by: '王芳' } }],
    })
    // The merge on both computers wrote the same documents: no second record, no new conflict.
    expect((await conflictRecords(desk.services.db)).length).toBe(1)

    // The ledger shows the merged need without a reload.
    await until(() => desk.services.ledger.get(needId)?.phone === '13700137000', 'the merged phone in the ledger')

    // A technician keeps the desk's phone after all.
    const asTechnician = { station, by: technician.name, at: '2026-11-25T01:00:00.000Z', person: technician }
    // A desk clerk may not resolve it: the repository refuses, and nothing changes.
    const asClerk = { ...asTechnician, by: deskClerk.name, person: deskClerk }
    expect(await desk.services.conflicts.resolve(record!._id, { 'resident.phone': 0 }, asClerk)).toEqual({
      ok: false,
      error: 'people.error.notAllowed',
    })
    expect((await desk.services.conflicts.list())[0]?.status).toBe('open')
    const resolved = await desk.services.conflicts.resolve(record!._id, { 'resident.phone': 0 }, asTechnician)
    expect(resolved).toMatchObject({ ok: true, value: { status: 'resolved' } })
    expect((await desk.services.audit.list({ actions: ['conflictResolved'] }))[0]).toMatchObject({ personName: '技术员', target: needId })
    await until(async () => (await laptop.services.needs.get(needId))?.resident.phone === '13900139000', 'the choice on the laptop')
    await until(async () => (await conflictRecords(laptop.services.db))[0]?.status === 'resolved', 'the record resolved on the laptop')
    await until(() => converged([desk, laptop], needId), 'one version everywhere after resolving')
    expect(await desk.services.conflicts.resolve(record!._id, {}, asTechnician))
      .toEqual({ ok: false, error: 'conflict.error.alreadyResolved' })
  }, 60_000)

  it('merges station settings changed on two computers, field by field', async () => {
    const desk = await openComputer()
    const laptop = await openComputer()
    await desk.sync.start(settings(), PASSWORD)
    await laptop.sync.start(settings(), PASSWORD)
    await until(async () => !!(await laptop.services.stations.current()), 'the station on the laptop')
    await desk.sync.stop()
    await laptop.sync.stop()
    const current = (await desk.services.stations.current())!
    const form = { ...stationForm, phone: current.phone, villages: current.villages, staff: current.staff }
    await desk.services.stations.save({ ...form, villages: [...form.villages, '新河村'] }, { by: '王芳', at: '2026-11-26T01:00:00.000Z', person: administrator })
    await laptop.services.stations.save({ ...form, phone: '0571-88886666' }, { by: '李明', at: '2026-11-26T02:00:00.000Z', person: { ...administrator, name: '李明' } })
    await desk.sync.start(settings(), PASSWORD)
    await laptop.sync.start(settings(), PASSWORD)
    const id = current._id
    await until(() => converged([desk, laptop], id), 'one station version everywhere')
    const merged = (await desk.services.stations.current())!
    expect(merged.villages).toContain('新河村')
    expect(merged.phone).toBe('0571-88886666')
  }, 60_000)
})
