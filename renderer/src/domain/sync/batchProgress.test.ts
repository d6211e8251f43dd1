import { describe, expect, it } from 'vitest'
import { addSample, batchProgress, etaMinutes, type ProgressSample } from './batchProgress'

const T0 = 1_800_000_000_000
const s = (seconds: number, done: number): ProgressSample => ({ at: T0 + seconds * 1000, done })

describe('batch progress', () => {
  it('knows nothing before the first sample but the total', () => {
    expect(batchProgress([], 600)).toEqual({ done: 0, total: 600, fraction: 0, ratePerSecond: null, etaMs: null })
    expect(batchProgress([], null)).toEqual({ done: 0, total: null, fraction: null, ratePerSecond: null, etaMs: null })
  })

  it('is complete at once when there was nothing to do', () => {
    expect(batchProgress([], 0)).toMatchObject({ fraction: 1, etaMs: 0 })
    expect(batchProgress([s(0, 0)], 0)).toMatchObject({ done: 0, total: 0, fraction: 1, etaMs: 0 })
  })

  it('gives no estimate until progress has been measured over a little time', () => {
    expect(batchProgress([s(0, 0)], 600)).toMatchObject({ fraction: 0, ratePerSecond: null, etaMs: null })
    // 100 documents in half a second is too short a measure.
    expect(batchProgress([s(0, 0), s(0.5, 100)], 600)).toMatchObject({ ratePerSecond: null, etaMs: null })
    // Time passing with nothing done: the rate is 0, and there is no estimate rather than "for ever".
    expect(batchProgress([s(0, 0)], 600, T0 + 10_000)).toMatchObject({ ratePerSecond: 0, etaMs: null })
  })

  it('estimates the rest from the recent rate', () => {
    const samples = [s(0, 0), s(5, 100), s(10, 200)]
    const progress = batchProgress(samples, 600)
    expect(progress).toMatchObject({ done: 200, total: 600, ratePerSecond: 20 })
    expect(progress.fraction).toBeCloseTo(1 / 3)
    expect(progress.etaMs).toBe(20_000) // 400 left at 20 a second
  })

  it('measures only the recent window, so a slow start fades out', () => {
    // Slow for a minute (1 a second), then fast (50 a second) for the last 30 s.
    const samples = [s(0, 0), s(60, 60), s(90, 1560)]
    const progress = batchProgress(samples, 3060, undefined, { windowMs: 30_000 })
    expect(progress.ratePerSecond).toBe(50)
    expect(progress.etaMs).toBe(30_000)
  })

  it('slows its estimate when progress stalls (time passed in)', () => {
    const samples = [s(0, 0), s(10, 200)]
    const fresh = batchProgress(samples, 600, T0 + 10_000)
    const stalled = batchProgress(samples, 600, T0 + 20_000)
    expect(fresh.etaMs).toBe(20_000)
    expect(stalled.ratePerSecond).toBe(10)
    expect(stalled.etaMs).toBe(40_000)
    // A clock behind the last sample counts as the last sample's time.
    expect(batchProgress(samples, 600, T0)).toEqual(fresh)
  })

  it('lets the total grow when more is done than was counted', () => {
    const progress = batchProgress([s(0, 0), s(10, 700)], 600)
    expect(progress).toMatchObject({ done: 700, total: 700, fraction: 1, etaMs: 0 })
  })

  it('is deterministic', () => {
    const samples = [s(0, 0), s(3, 30), s(7, 90)]
    expect(batchProgress(samples, 500, T0 + 8000)).toEqual(batchProgress(samples, 500, T0 + 8000))
  })
})

describe('samples', () => {
  it('keeps one sample at or before the window and all within it', () => {
    let samples: ProgressSample[] = []
    for (let second = 0; second <= 100; second += 10) samples = addSample(samples, s(second, second * 10), 30_000)
    expect(samples.map((x) => (x.at - T0) / 1000)).toEqual([70, 80, 90, 100])
  })

  it('replaces a sample taken at the same moment and ignores one from the past', () => {
    const samples = addSample(addSample([s(0, 0)], s(1, 10)), s(1, 20))
    expect(samples).toEqual([s(0, 0), s(1, 20)])
    expect(addSample(samples, s(0.5, 15))).toEqual(samples)
  })
})

describe('minutes left', () => {
  it('rounds up, and says "under a minute" as 0', () => {
    expect(etaMinutes(null)).toBeNull()
    expect(etaMinutes(0)).toBe(0)
    expect(etaMinutes(59_999)).toBe(0)
    expect(etaMinutes(60_000)).toBe(1)
    expect(etaMinutes(61_000)).toBe(2)
    expect(etaMinutes(3_600_000)).toBe(60)
  })
})
