import { EventEmitter } from 'node:events'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { afterEach, describe, expect, it } from 'vitest'
import { DeviceStore } from '../data/deviceStore'
import type { SyncSettings } from '../domain/sync'
import { refusedDocs } from './refusedDocs'
import { StationSync, type StationSyncOptions } from './stationSync'

// The live sync's own bookkeeping, with PouchDB's replication played by hand (a leg is an event
// emitter): what waits for upload while a push runs, and the list of documents central refused.
// Against a real server: test/integration/stationSync.test.ts and batchSync.test.ts.

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static
const SETTINGS: SyncSettings = { url: 'https://zhongxin.example.gov.cn:6984', stationCode: 'xinghe-01', username: 'station-xinghe-01', remember: false }
const AT = '2026-11-26T01:30:00.000Z'

/** The remote database: never reached, as the replication is played by hand. */
const FakeRemote = class {
  name = 'station-xinghe-01'
  info = async () => ({})
  close = async () => undefined
} as unknown as PouchDB.Static

let made = 0
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A station whose every db.sync() hands back legs the test drives. */
async function openStation(docs: number, options: StationSyncOptions = {}, deviceName = `device-${process.pid}-${++made}`) {
  const db = new MemoryPouch(`station-${process.pid}-${++made}`)
  await db.bulkDocs(Array.from({ length: docs }, (_, i) => ({ _id: `need:xinghe-01:${String(i).padStart(4, '0')}`, type: 'need' })))
  const device = new DeviceStore(deviceName)
  const legs = { push: new EventEmitter(), pull: new EventEmitter() }
  db.sync = (() => Object.assign(new EventEmitter(), legs, { cancel: () => undefined })) as unknown as typeof db.sync
  const sync = new StationSync(db, device, { Pouch: FakeRemote, now: () => AT, ...options })
  cleanups.push(async () => {
    await sync.close()
    device.close()
    await db.destroy()
  })
  return { db, device, legs, sync }
}

/** What PouchDB's push says after writing a batch: the documents it wrote. */
const wrote = (...ids: string[]) => ({ docs: ids.map((id) => ({ _id: id, _rev: '2-b' })), docs_written: ids.length })
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `need:xinghe-01:${String(from + i).padStart(4, '0')}`)

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25))
  expect(check(), what).toBe(true)
}

describe('what waits for upload while the live sync pushes', () => {
  it('goes down with every batch the push writes, without a recount, and is counted again (0) once all is up', async () => {
    const { db, legs, sync } = await openStation(6)
    await sync.start(SETTINGS, 'pw')
    await until(() => sync.status.pending === 6, 'the count taken at the start')
    legs.push.emit('active')
    legs.pull.emit('active')
    const seen: Array<number | null> = []
    for (const batch of [ids(0, 2), ids(2, 4), ids(4, 6)]) {
      legs.push.emit('change', wrote(...batch))
      // At once: no recount (it would wait for its timer and read the changes feed).
      seen.push(sync.status.pending)
    }
    expect(seen).toEqual([4, 2, 0])
    expect(sync.status.phase).toBe('syncing')

    // Caught up: counted again from the push's checkpoint, exactly.
    legs.push.emit('checkpoint', { checkpoint: (await db.info()).update_seq })
    legs.push.emit('paused')
    legs.pull.emit('paused')
    expect(sync.status.phase).toBe('online')
    await sync.settled()
    expect(sync.status.pending).toBe(0)
  })

  it('never goes below 0, and a count beyond the cap stays "more than" until the recount', async () => {
    const { db, legs, sync } = await openStation(6, { pendingCap: 3 })
    await sync.start(SETTINGS, 'pw')
    await until(() => sync.status.pending === 4, 'more than the cap of 3')
    legs.push.emit('active')
    legs.push.emit('change', wrote(...ids(0, 2)))
    expect(sync.status.pending).toBe(4)

    legs.push.emit('checkpoint', { checkpoint: 4 })
    legs.push.emit('paused')
    legs.pull.emit('paused')
    await sync.settled()
    expect(sync.status.pending).toBe(2)
    legs.push.emit('active')
    legs.push.emit('change', wrote(...ids(4, 6), 'need:xinghe-01:pulled-meanwhile'))
    expect(sync.status.pending).toBe(0)
    legs.push.emit('checkpoint', { checkpoint: (await db.info()).update_seq })
    legs.push.emit('paused')
    await sync.settled()
    expect(sync.status.pending).toBe(0)
  })
})

describe('documents central refused', () => {
  const refusal = (id: string, reason: string) => ({ id, rev: '1-a', error: 'forbidden', name: 'forbidden', status: 500, reason, message: reason })

  it('are listed with the revision, the reason and when, kept over a restart, and go once an upload of them gets through', async () => {
    const deviceName = `device-${process.pid}-${++made}`
    const first = await openStation(3, {}, deviceName)
    await first.sync.start(SETTINGS, 'pw')
    first.legs.push.emit('active')
    first.legs.push.emit('denied', refusal('need:xinghe-01:0000', 'badShape: resident.phone is required'))
    first.legs.push.emit('denied', refusal('need:xinghe-01:0001', 'wrongStation: stationId must be xinghe-01'))
    first.legs.push.emit('change', wrote('need:xinghe-01:0002'))
    await first.sync.settled()
    expect(first.sync.status.totals.denied).toBe(2)
    expect(await refusedDocs(first.device)).toEqual([
      { id: 'need:xinghe-01:0000', rev: '1-a', reason: 'badShape: resident.phone is required', at: AT },
      { id: 'need:xinghe-01:0001', rev: '1-a', reason: 'wrongStation: stationId must be xinghe-01', at: AT },
    ])
    await first.sync.close()
    first.device.close()

    // The app opened again: the list is still there, and the next live sync keeps it.
    const again = await openStation(3, {}, deviceName)
    expect((await refusedDocs(again.device)).map((doc) => doc.id)).toEqual(['need:xinghe-01:0000', 'need:xinghe-01:0001'])
    await again.sync.start(SETTINGS, 'pw')
    again.legs.push.emit('active')
    again.legs.pull.emit('active')
    // Downloaded, not uploaded: it stays.
    again.legs.pull.emit('change', wrote('need:xinghe-01:0000'))
    // The clerk corrected it; the push uploads the new revision.
    again.legs.push.emit('change', wrote('need:xinghe-01:0000', 'need:xinghe-01:0002'))
    await again.sync.settled()
    expect((await refusedDocs(again.device)).map((doc) => doc.id)).toEqual(['need:xinghe-01:0001'])
  })
})
