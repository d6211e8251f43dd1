// Faults the desk must survive: a double-clicked submit, a malformed document from a sync peer,
// and a read-model write that fails once.
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, expect, it, vi } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { NeedFormInput } from '../../renderer/src/domain/needs'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
let made = 0
const open: Services[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const services of open.splice(0)) await services.close()
})

async function desk() {
  const id = `${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`
  const names = { db: `faults-db-${id}`, readModel: `faults-read-${id}`, device: `faults-device-${id}` }
  const services = await startServices(names, openLocalDb(names.db, MemoryPouch))
  open.push(services)
  const saved = await services.stations.save(
    { name: '星河驿站', code: 'xinghe-01', phone: '', villages: ['星河村'], staff: ['王芳'], deadlineDays: 3, deadlineMode: 'calendar' },
    { by: '王芳', at: '2026-11-23T01:00:00.000Z' },
  )
  if (!saved.ok) throw new Error('station refused')
  return { services, station: saved.value }
}

const form: NeedFormInput = {
  residentName: '张三',
  phone: '13800138000',
  village: '星河村',
  categoryItem: 'other.other',
  channel: 'window',
  urgency: 'normal',
  description: '路灯坏了',
}

it('a double-clicked submit registers two needs with two different numbers', async () => {
  const { services, station } = await desk()
  const ctx = { station, by: '王芳', at: '2026-11-23T02:00:00.000Z' }
  const [a, b] = await Promise.all([services.needs.register(form, ctx), services.needs.register(form, ctx)])
  expect(a.ok && b.ok).toBe(true)
  const numbers = [a, b].map((r) => (r.ok ? r.value.number : ''))
  expect(new Set(numbers).size).toBe(2)
  expect(numbers.sort()).toEqual(['20261123-001', '20261123-002'])
})

it('a malformed need from a sync peer does not stop later needs from reaching the ledger', async () => {
  const { services, station } = await desk()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  await services.db.put({ _id: 'need:other-02:01JZZZZZZZZZZZZZZZZZZZZZZZ', type: 'need', number: 'x' }) // no resident
  const good = await services.needs.register(form, { station, by: '王芳', at: '2026-11-23T02:00:00.000Z' })
  await services.projector.idle()
  expect(good.ok).toBe(true)
  expect(services.ledger.all().map((row) => row.id)).toEqual([good.ok ? good.value._id : ''])
  // The bad document is kept, not thrown away: it is still in PouchDB for a technician to look at.
  expect(await services.db.get('need:other-02:01JZZZZZZZZZZZZZZZZZZZZZZZ')).toBeTruthy()
})

it('a read-model write that fails is retried, and the checkpoint never skips the failed change', async () => {
  const { services, station } = await desk()
  await services.projector.idle()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const transaction = services.readModel.transaction.bind(services.readModel) as (...args: unknown[]) => unknown
  let failures = 1
  vi.spyOn(services.readModel, 'transaction').mockImplementation(((...args: unknown[]) => {
    if (failures-- > 0) return Promise.reject(new Error('disk full'))
    return transaction(...args)
  }) as typeof services.readModel.transaction)

  const need = await services.needs.register(form, { station, by: '王芳', at: '2026-11-23T02:00:00.000Z' })
  await vi.waitFor(() => expect(services.ledger.all()).toHaveLength(1), { timeout: 5000 })
  expect(services.ledger.all()[0]!.id).toBe(need.ok ? need.value._id : '')
  expect((await services.readModel.meta.get('checkpoint'))?.value).toBe((await services.db.info()).update_seq)
})
