import { afterEach, describe, expect, it } from 'vitest'
import { DeviceStore } from '../data/deviceStore'
import type { SyncRun } from '../domain/sync'
import { appendRun, recentRuns } from './syncJournal'

const run = (n: number): SyncRun => ({
  startedAt: `2026-11-26T01:00:${String(n % 60).padStart(2, '0')}.000Z`,
  endedAt: `2026-11-26T01:00:${String(n % 60).padStart(2, '0')}.500Z`,
  up: n,
  down: 0,
  denied: 0,
  errors: [],
  outcome: 'synced',
})

let store: DeviceStore | null = null
afterEach(() => store?.close())

describe('sync journal', () => {
  it('keeps the newest runs up to the limit, newest first', async () => {
    store = new DeviceStore(`journal-${Math.random().toString(36).slice(2)}`)
    for (let n = 1; n <= 12; n++) await appendRun(store, run(n), 10)
    expect(await store.syncJournal.count()).toBe(10)
    const recent = await recentRuns(store, 3)
    expect(recent.map((r) => r.up)).toEqual([12, 11, 10])
    expect(recent[0]).toMatchObject({ at: run(12).startedAt, endedAt: run(12).endedAt, outcome: 'synced' })
  })

  it('opens a device store made before the journal existed (version 1)', async () => {
    const name = `old-device-${Math.random().toString(36).slice(2)}`
    const { default: Dexie } = await import('dexie')
    const old = new Dexie(name)
    old.version(1).stores({ prefs: 'key' })
    await old.table('prefs').put({ key: 'operator', value: '王芳' })
    old.close()
    store = new DeviceStore(name)
    expect(await store.get('operator', '')).toBe('王芳')
    await appendRun(store, run(1))
    expect(await recentRuns(store)).toHaveLength(1)
  })
})
