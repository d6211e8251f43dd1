import { afterEach, describe, expect, it } from 'vitest'
import { DeviceStore } from '../data/deviceStore'
import type { SecretStore } from '../shell/shellApi'
import { PasswordKeeper } from './passwordKeeper'

function mapStore(canKeep = true): SecretStore & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    async save(key, value) {
      if (!canKeep) return false
      map.set(key, value)
      return true
    },
    async load(key) {
      return map.get(key) ?? null
    },
    async remove(key) {
      map.delete(key)
    },
  }
}

const devices: DeviceStore[] = []
const device = () => {
  const store = new DeviceStore(`device-${Math.random().toString(36).slice(2)}`)
  devices.push(store)
  return store
}
afterEach(() => devices.splice(0).forEach((d) => d.close()))

describe('browser', () => {
  it('keeps the password for the session only, unless the clerk opts in', async () => {
    const session = mapStore()
    const store = device()
    const keeper = new PasswordKeeper({ platform: 'browser', secrets: session }, store, session)
    expect(await keeper.keep('xinghe-01', 'pw1', false)).toBe('session')
    expect(session.map.get('sync.password:xinghe-01')).toBe('pw1')
    expect(await store.get('sync.password:xinghe-01', null)).toBeNull()
    expect(await keeper.load('xinghe-01')).toBe('pw1')

    expect(await keeper.keep('xinghe-01', 'pw2', true)).toBe('device')
    expect(session.map.size).toBe(0)
    expect(await store.get('sync.password:xinghe-01', null)).toBe('pw2')
    expect(await keeper.load('xinghe-01')).toBe('pw2')

    // Opting out again removes it from the device.
    await keeper.keep('xinghe-01', 'pw3', false)
    expect(await store.get('sync.password:xinghe-01', null)).toBeNull()
    await keeper.forget('xinghe-01')
    expect(await keeper.load('xinghe-01')).toBeNull()
  })
})

describe('electron', () => {
  it('keeps the password with the OS encryption when asked, else for the session', async () => {
    const os = mapStore()
    const session = mapStore()
    const store = device()
    const keeper = new PasswordKeeper({ platform: 'electron', secrets: os }, store, session)
    expect(await keeper.keep('xinghe-01', 'pw1', true)).toBe('device')
    expect(os.map.get('sync.password:xinghe-01')).toBe('pw1')
    expect(await store.get('sync.password:xinghe-01', null)).toBeNull() // never in clear in IndexedDB
    expect(await keeper.load('xinghe-01')).toBe('pw1')
    expect(await keeper.keep('xinghe-01', 'pw2', false)).toBe('session')
    expect(os.map.size).toBe(0)
    expect(await keeper.load('xinghe-01')).toBe('pw2')
  })

  it('falls back to the session when the OS cannot encrypt', async () => {
    const session = mapStore()
    const keeper = new PasswordKeeper({ platform: 'electron', secrets: mapStore(false) }, device(), session)
    expect(await keeper.keep('xinghe-01', 'pw', true)).toBe('session')
    expect(await keeper.load('xinghe-01')).toBe('pw')
  })
})
