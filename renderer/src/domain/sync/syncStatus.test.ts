import { describe, expect, it } from 'vitest'
import { backoffDelay, errorMessage, initialSyncState, problemOf, syncStatus, type SyncEvent, type SyncState } from './syncStatus'

const at = (minute: number) => `2026-11-26T01:${String(minute).padStart(2, '0')}:00.000Z`
const run = (events: SyncEvent[], from: SyncState = initialSyncState) => events.reduce(syncStatus, from)
const started = run([{ type: 'start', at: at(0) }])

describe('sync status', () => {
  it('is paused until started, then syncing until both directions are caught up', () => {
    expect(initialSyncState.phase).toBe('paused')
    expect(started.phase).toBe('syncing')
    const half = run([{ type: 'paused', direction: 'push', at: at(1) }], started)
    expect(half.phase).toBe('syncing')
    const both = run([{ type: 'paused', direction: 'pull', at: at(2) }], half)
    expect(both).toMatchObject({ phase: 'online', lastSyncedAt: at(2), problem: null })
  })

  it('counts documents up and down and journals the run when caught up', () => {
    const online = run([
      { type: 'paused', direction: 'push', at: at(1) },
      { type: 'paused', direction: 'pull', at: at(1) },
    ], started)
    expect(online.closed).toMatchObject({ startedAt: at(0), endedAt: at(1), up: 0, down: 0, outcome: 'synced' })

    const moved = run([
      { type: 'active', direction: 'push', at: at(2) },
      { type: 'change', direction: 'push', docs: 3, at: at(2) },
      { type: 'active', direction: 'pull', at: at(2) },
      { type: 'change', direction: 'pull', docs: 2, at: at(3) },
      { type: 'paused', direction: 'push', at: at(3) },
    ], online)
    expect(moved).toMatchObject({ phase: 'syncing', totals: { up: 3, down: 2 }, closed: null })
    const done = syncStatus(moved, { type: 'paused', direction: 'pull', at: at(4) })
    expect(done.phase).toBe('online')
    expect(done.lastSyncedAt).toBe(at(4))
    expect(done.closed).toEqual({ startedAt: at(2), endedAt: at(4), up: 3, down: 2, denied: 0, errors: [], outcome: 'synced' })
  })

  it('does not journal a quiet round where nothing moved', () => {
    const online = run([
      { type: 'paused', direction: 'push', at: at(1) },
      { type: 'paused', direction: 'pull', at: at(1) },
    ], started)
    const quiet = run([
      { type: 'active', direction: 'push', at: at(2) },
      { type: 'paused', direction: 'push', at: at(2) },
    ], online)
    expect(quiet.phase).toBe('online')
    expect(quiet.closed).toBeNull()
  })

  it('goes offline when a leg loses the server, journals the outage once, and comes back by itself', () => {
    const online = run([
      { type: 'paused', direction: 'push', at: at(1) },
      { type: 'paused', direction: 'pull', at: at(1) },
    ], started)
    const lost = syncStatus(online, { type: 'paused', direction: 'pull', at: at(2), problem: 'unreachable', message: 'Failed to fetch' })
    expect(lost).toMatchObject({ phase: 'offline', problem: 'unreachable', lastSyncedAt: at(1) })
    expect(lost.closed).toMatchObject({ outcome: 'offline', errors: ['Failed to fetch'] })
    const again = syncStatus(lost, { type: 'paused', direction: 'push', at: at(3), problem: 'unreachable' })
    expect(again.phase).toBe('offline')
    expect(again.closed).toBeNull()
    // A retry that gets as far as going active and fails again is the same outage.
    const retried = run([
      { type: 'active', direction: 'push', at: at(4) },
      { type: 'paused', direction: 'push', at: at(4), problem: 'unreachable', message: 'Failed to fetch' },
    ], again)
    expect(retried.phase).toBe('offline')
    expect(retried.closed).toBeNull()
    const back = run([
      { type: 'paused', direction: 'pull', at: at(5) },
      { type: 'paused', direction: 'push', at: at(5) },
    ], again)
    expect(back).toMatchObject({ phase: 'online', problem: null, lastSyncedAt: at(5) })
  })

  it('counts documents the server refused, with the reason', () => {
    const denied = run([
      { type: 'active', direction: 'push', at: at(1) },
      { type: 'denied', direction: 'push', id: 'need:other:1', reason: 'wrongStation: …', at: at(1) },
    ], started)
    expect(denied.totals.denied).toBe(1)
    expect(denied.run?.errors).toEqual(['need:other:1: wrongStation: …'])
  })

  it('stops on a fatal error with the problem, and ignores late events from the stopped sync', () => {
    const failed = syncStatus(started, { type: 'error', at: at(1), problem: 'wrongPassword', message: '401 unauthorized' })
    expect(failed).toMatchObject({ phase: 'error', running: false, problem: 'wrongPassword' })
    expect(failed.closed).toMatchObject({ outcome: 'error', errors: ['401 unauthorized'] })
    expect(syncStatus(failed, { type: 'paused', direction: 'push', at: at(2) })).toBe(failed)
  })

  it('stopping pauses it; a start clears the problem and the totals', () => {
    const stopped = syncStatus(started, { type: 'stop', at: at(1) })
    expect(stopped).toMatchObject({ phase: 'paused', running: false })
    expect(stopped.closed).toMatchObject({ outcome: 'stopped' })
    const blocked = syncStatus(stopped, { type: 'blocked', problem: 'needsPassword' })
    expect(blocked).toMatchObject({ phase: 'paused', problem: 'needsPassword' })
    expect(syncStatus(blocked, { type: 'start', at: at(2) })).toMatchObject({ phase: 'syncing', problem: null, totals: { up: 0, down: 0, denied: 0 } })
  })

  it('keeps what was restored and the pending count', () => {
    const restored = syncStatus(initialSyncState, { type: 'restore', lastSyncedAt: at(9), pending: 4 })
    expect(restored).toMatchObject({ phase: 'paused', lastSyncedAt: at(9), pending: 4 })
    expect(syncStatus(restored, { type: 'pending', count: 0 }).pending).toBe(0)
  })
})

describe('replication errors', () => {
  it('reads the HTTP status as the clerk would understand it', () => {
    expect(problemOf({ status: 401 })).toBe('wrongPassword')
    expect(problemOf({ status: 403 })).toBe('wrongStation')
    expect(problemOf({ status: 404 })).toBe('notSetUp')
    expect(problemOf({ status: 503 })).toBe('serverError')
    expect(problemOf(new TypeError('Failed to fetch'))).toBe('unreachable')
    expect(problemOf(undefined)).toBe('unreachable')
  })

  it('gives a short message', () => {
    expect(errorMessage({ status: 401, name: 'unauthorized', reason: 'Name or password is incorrect.' })).toBe(
      '401 unauthorized Name or password is incorrect.',
    )
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('TypeError Failed to fetch')
  })
})

describe('retry delays', () => {
  it('double from one second and stop at a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000])
    expect(backoffDelay(3, { firstMs: 50, maxMs: 200 })).toBe(200)
  })
})
