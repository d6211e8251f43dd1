import { afterEach, describe, expect, it } from 'vitest'
import { DeviceStore } from '../data/deviceStore'
import type { BundleManifest } from '../contract'
import { acknowledgePending, loadBundleAck, noteExported, noteReturnBundle } from './bundleAck'

const stores: DeviceStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})
const device = () => {
  const store = new DeviceStore(`bundle-ack-${process.pid}-${Math.random().toString(36).slice(2)}`)
  stores.push(store)
  return store
}

const bundle = (over: Partial<BundleManifest>): BundleManifest => ({
  format: 'tongxin-bundle',
  version: 1,
  direction: 'toCentral',
  station: 'xinghe-01',
  fromSeq: 0,
  toSeq: 40,
  count: 12,
  createdAt: '2026-11-23T02:00:00.000Z',
  sha256: 'a'.repeat(64),
  origin: 'desk-a',
  ...over,
})

describe('what central has acknowledged of this desk', () => {
  it('starts at nothing, and moves only when the technician confirms the exported bundle', async () => {
    const store = device()
    expect(await loadBundleAck(store, 'desk-a')).toMatchObject({ acknowledgedSeq: 0, pending: null })
    await noteExported(store, bundle({}), 'a.tongxin.gz')
    expect(await loadBundleAck(store, 'desk-a')).toMatchObject({ acknowledgedSeq: 0, pending: { toSeq: 40, count: 12 } })
    const ack = await acknowledgePending(store, 'desk-a', '2026-11-24T02:00:00.000Z')
    expect(ack).toMatchObject({ acknowledgedSeq: 40, pending: null, acknowledgedAt: '2026-11-24T02:00:00.000Z' })
  })

  it('forgets everything when the database is a different one, so nothing is skipped', async () => {
    const store = device()
    await noteExported(store, bundle({}), 'a.tongxin.gz')
    await acknowledgePending(store, 'desk-a', '2026-11-24T02:00:00.000Z')
    expect((await loadBundleAck(store, 'desk-a-made-afresh')).acknowledgedSeq).toBe(0)
  })

  it('takes a return bundle’s word for this desk only, and settles the pending bundle it covers', async () => {
    const store = device()
    await noteExported(store, bundle({}), 'a.tongxin.gz')
    const back = bundle({ direction: 'toStation', origin: undefined, toSeq: '17-g1AAA', acknowledges: { 'desk-b': 90, 'desk-a': 40 } })
    const ack = await noteReturnBundle(store, 'desk-a', back, '2026-11-25T02:00:00.000Z')
    expect(ack).toMatchObject({ acknowledgedSeq: 40, pending: null, centralSeq: '17-g1AAA' })
  })

  it('keeps the pending bundle when central holds only part of it', async () => {
    const store = device()
    await noteExported(store, bundle({ fromSeq: 40, toSeq: 70 }), 'b.tongxin.gz')
    const back = bundle({ direction: 'toStation', origin: undefined, toSeq: 5, acknowledges: { 'desk-a': 40 } })
    const ack = await noteReturnBundle(store, 'desk-a', back, '2026-11-25T02:00:00.000Z')
    expect(ack).toMatchObject({ acknowledgedSeq: 40, pending: { toSeq: 70 }, centralSeq: 5 })
  })
})
