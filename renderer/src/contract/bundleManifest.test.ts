import { describe, expect, it } from 'vitest'
import { bundleFileName, checkBundle, continuesFrom, idOfStation, laterSeq, type BundleManifest } from './bundleManifest'

const SHA = 'a'.repeat(64)

const need = (id: string, over: Record<string, unknown> = {}) => ({
  _id: id,
  _rev: '2-bbb',
  _revisions: { start: 2, ids: ['bbb', 'aaa'] },
  type: 'need',
  stationId: 'xinghe-01',
  ...over,
})

const docs = [need('need:xinghe-01:01J0000000000000000000000A'), need('station:xinghe-01', { type: 'station' })]

const manifest = (over: Partial<BundleManifest> = {}): BundleManifest => ({
  format: 'tongxin-bundle',
  version: 1,
  direction: 'toCentral',
  station: 'xinghe-01',
  fromSeq: 0,
  toSeq: 12,
  count: docs.length,
  createdAt: '2026-11-23T02:00:00.000Z',
  sha256: SHA,
  ...over,
})

const verdict = (result: ReturnType<typeof checkBundle>) => (result.ok ? 'ok' : result.error)

describe('checking a bundle before import', () => {
  it('accepts an intact bundle of the expected station and direction', () => {
    const result = checkBundle(manifest(), docs, 'xinghe-01', SHA, 'toCentral')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.docs.map((d) => d._id)).toEqual(docs.map((d) => d._id))
  })

  it('takes the station from the manifest when none is expected (the central server)', () => {
    expect(verdict(checkBundle(manifest(), docs, null, SHA))).toBe('ok')
  })

  it('calls anything without the bundle format not a bundle', () => {
    expect(verdict(checkBundle(null, [], null, SHA))).toBe('notABundle')
    expect(verdict(checkBundle({ name: '台账' }, [], null, SHA))).toBe('notABundle')
    expect(verdict(checkBundle({ ...manifest(), station: 'Not A Code!' }, docs, null, SHA))).toBe('notABundle')
    expect(verdict(checkBundle({ ...manifest(), sha256: 'xyz' }, docs, null, SHA))).toBe('notABundle')
  })

  it('tells a bundle from a newer version apart from garbage', () => {
    expect(verdict(checkBundle({ ...manifest(), version: 2 }, docs, null, SHA))).toBe('unsupportedVersion')
  })

  it('calls a bundle with fewer documents than its manifest truncated, and with more a count mismatch', () => {
    expect(verdict(checkBundle(manifest(), docs.slice(1), null, SHA))).toBe('truncated')
    expect(verdict(checkBundle(manifest({ count: 1 }), docs, null, SHA))).toBe('countMismatch')
  })

  it('refuses documents whose checksum differs from the manifest', () => {
    expect(verdict(checkBundle(manifest(), docs, null, 'b'.repeat(64)))).toBe('checksum')
  })

  it('refuses another station’s bundle and names that station', () => {
    const result = checkBundle(manifest(), docs, 'dongfeng-02', SHA, 'toCentral')
    expect(result).toEqual({ ok: false, error: 'wrongStation', detail: 'xinghe-01' })
  })

  it('refuses a bundle going the other way', () => {
    expect(verdict(checkBundle(manifest(), docs, 'xinghe-01', SHA, 'toStation'))).toBe('wrongDirection')
  })

  it('calls a damaged file damaged before believing whom it is for', () => {
    expect(verdict(checkBundle(manifest(), docs, 'dongfeng-02', 'b'.repeat(64), 'toStation'))).toBe('checksum')
  })

  it('refuses the whole bundle for one document of another station, and names it', () => {
    const foreign = need('need:dongfeng-02:01J0000000000000000000000B', { stationId: 'dongfeng-02' })
    const result = checkBundle(manifest({ count: 3 }), [...docs, foreign], 'xinghe-01', SHA)
    expect(result).toEqual({ ok: false, error: 'badDocument', detail: foreign._id })
  })

  it('refuses a document whose id is the station’s but whose body says another station', () => {
    const disguised = need('need:xinghe-01:01J0000000000000000000000C', { stationId: 'dongfeng-02' })
    expect(verdict(checkBundle(manifest({ count: 1 }), [disguised], null, SHA))).toBe('badDocument')
  })

  it('refuses design documents, which could replace the server’s validate function', () => {
    const design = { _id: '_design/station', _rev: '1-a', _revisions: { start: 1, ids: ['a'] }, validate_doc_update: 'function(){}' }
    expect(verdict(checkBundle(manifest({ count: 1 }), [design], null, SHA))).toBe('badDocument')
  })

  it('refuses documents without their revision history, or whose history does not end at their revision', () => {
    const { _revisions, ...bare } = need('need:xinghe-01:01J0000000000000000000000D')
    expect(_revisions.start).toBe(2)
    expect(verdict(checkBundle(manifest({ count: 1 }), [bare], null, SHA))).toBe('badDocument')
    const mismatched = need('need:xinghe-01:01J0000000000000000000000E', { _revisions: { start: 2, ids: ['ccc', 'aaa'] } })
    expect(verdict(checkBundle(manifest({ count: 1 }), [mismatched], null, SHA))).toBe('badDocument')
    expect(verdict(checkBundle(manifest({ count: 1 }), [null], null, SHA))).toBe('badDocument')
  })

  it('accepts a deleted leaf, which has no body', () => {
    const tombstone = { _id: 'need:xinghe-01:01J0000000000000000000000F', _rev: '3-ddd', _deleted: true, _revisions: { start: 3, ids: ['ddd', 'bbb', 'aaa'] } }
    expect(verdict(checkBundle(manifest({ count: 1 }), [tombstone], 'xinghe-01', SHA))).toBe('ok')
  })
})

describe('station ids', () => {
  it('finds the station code in the second part of every record id', () => {
    expect(idOfStation('need:xinghe-01:01J', 'xinghe-01')).toBe(true)
    expect(idOfStation('needEvent:xinghe-01:01J:01K', 'xinghe-01')).toBe(true)
    expect(idOfStation('station:xinghe-01', 'xinghe-01')).toBe(true)
    expect(idOfStation('station:xinghe-011', 'xinghe-01')).toBe(false)
    expect(idOfStation('need:dongfeng-02:01J', 'xinghe-01')).toBe(false)
    expect(idOfStation('xinghe-01', 'xinghe-01')).toBe(false)
    expect(idOfStation('_local/x:xinghe-01', 'xinghe-01')).toBe(false)
  })
})

describe('sequences', () => {
  it('keeps the later of two station sequences, and the newer of two server sequences', () => {
    expect(laterSeq(5, 9)).toBe(9)
    expect(laterSeq(9, 5)).toBe(9)
    expect(laterSeq('3-abc', '7-def')).toBe('7-def')
  })

  it('knows a bundle continues what is held only when it starts at or before it', () => {
    expect(continuesFrom(0, 0)).toBe(true)
    expect(continuesFrom(10, 10)).toBe(true)
    expect(continuesFrom(10, 4)).toBe(true)
    expect(continuesFrom(10, 11)).toBe(false)
    expect(continuesFrom('5-x', '6-y')).toBe(false)
  })
})

describe('file names', () => {
  it('names the file after the station and the time in China', () => {
    expect(bundleFileName('xinghe-01', '2026-11-23T17:05:00.000Z')).toBe('同步包-xinghe-01-20261124-0105.tongxin.gz')
    expect(bundleFileName('xinghe-01', '2026-11-23T02:00:00.000Z', 'toStation')).toBe('同步包-xinghe-01-中心-20261123-1000.tongxin.gz')
  })
})
