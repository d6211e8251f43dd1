// What the station's live sync is doing, as the header shows it: a pure reducer over the events of
// the two replications (push: station → central, pull: central → station). Time is passed in.

export type SyncPhase = 'online' | 'offline' | 'syncing' | 'error' | 'paused'
export type SyncDirection = 'push' | 'pull'

/** 测试连接's answer. */
export type ConnectionVerdict = 'ok' | 'unreachable' | 'wrongPassword' | 'wrongStation' | 'notSetUp'

/** Why sync is not running or not getting through; each has a message under sync.problem. */
export type SyncProblem = Exclude<ConnectionVerdict, 'ok'> | 'serverError' | 'needsPassword'

/** One leg of the two-way sync: connecting, moving documents, caught up, or waiting to retry. */
export type SyncLeg = 'starting' | 'active' | 'idle' | 'offline'

/** Docs moved and errors met between going active and being caught up (or giving up): a journal line. */
export interface SyncRun {
  startedAt: string
  endedAt: string
  up: number
  down: number
  denied: number
  /** At most MAX_RUN_ERRORS messages */
  errors: string[]
  outcome: 'synced' | 'offline' | 'error' | 'stopped'
  /** A one-off 立即同步 run; absent for the live sync's runs */
  kind?: 'batch'
}

interface OpenRun {
  startedAt: string
  up: number
  down: number
  denied: number
  errors: string[]
  /** The run that begins with start(): journaled even when nothing moved, to show when sync began */
  first: boolean
  /** Begun while offline (a retry): if it fails again with nothing moved, the outage is already journaled */
  retry: boolean
}

export interface SyncState {
  phase: SyncPhase
  running: boolean
  legs: Record<SyncDirection, SyncLeg>
  problem: SyncProblem | null
  /** When both directions were last caught up with the central server */
  lastSyncedAt: string | null
  /** Local changes not yet on the central server; null when unknown (sync never set up) */
  pending: number | null
  /** Since sync was started */
  totals: { up: number; down: number; denied: number }
  run: OpenRun | null
  /** The run the last event closed, for the journal; null when it closed none */
  closed: SyncRun | null
}

export type SyncEvent =
  | { type: 'restore'; lastSyncedAt: string | null; pending: number | null }
  | { type: 'start'; at: string }
  | { type: 'active'; direction: SyncDirection; at: string }
  | { type: 'change'; direction: SyncDirection; docs: number; at: string }
  | { type: 'denied'; direction: SyncDirection; id: string; reason: string; at: string }
  /** A leg is caught up (no problem) or lost the server and will retry (problem) */
  | { type: 'paused'; direction: SyncDirection; at: string; problem?: SyncProblem; message?: string }
  /** Sync gave up: it stays stopped until the clerk fixes the settings */
  | { type: 'error'; at: string; problem: SyncProblem; message: string }
  | { type: 'stop'; at: string }
  /** Cannot start, e.g. the password was kept for a browser session that has ended */
  | { type: 'blocked'; problem: SyncProblem }
  | { type: 'pending'; count: number }

export const MAX_RUN_ERRORS = 20

export const initialSyncState: SyncState = {
  phase: 'paused',
  running: false,
  legs: { push: 'idle', pull: 'idle' },
  problem: null,
  lastSyncedAt: null,
  pending: null,
  totals: { up: 0, down: 0, denied: 0 },
  run: null,
  closed: null,
}

/**
 * A replication error's meaning for the clerk, from the HTTP status PouchDB attached. No status
 * (fetch failed, connection reset, timeout) means the server could not be reached.
 */
export function problemOf(error: unknown): SyncProblem {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined
  if (status === 401) return 'wrongPassword'
  if (status === 403) return 'wrongStation'
  if (status === 404) return 'notSetUp'
  if (typeof status === 'number' && status >= 500) return 'serverError'
  return 'unreachable'
}

/** A short message for the journal; never the credentials (PouchDB errors carry none). */
export function errorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const { status, name, message, reason } = error as { status?: unknown; name?: unknown; message?: unknown; reason?: unknown }
  const text = [status, name, reason ?? message].filter((part) => part !== undefined && part !== '').join(' ')
  return text.slice(0, 300) || 'error'
}

function openRun(at: string, first = false, retry = false): OpenRun {
  return { startedAt: at, up: 0, down: 0, denied: 0, errors: [], first, retry }
}

function close(run: OpenRun | null, at: string, outcome: SyncRun['outcome'], error?: string): SyncRun | null {
  if (!run) return null
  const errors = error && run.errors.length < MAX_RUN_ERRORS ? [...run.errors, error] : run.errors
  const moved = run.up + run.down + run.denied > 0
  // Quiet rounds (a pulled document echoed back to the push leg, nothing written) are not worth a line.
  if (outcome === 'synced' && !moved && !run.first && errors.length === 0) return null
  return { startedAt: run.startedAt, endedAt: at, up: run.up, down: run.down, denied: run.denied, errors, outcome }
}

function phaseOf(legs: Record<SyncDirection, SyncLeg>): SyncPhase {
  const all = [legs.push, legs.pull]
  if (all.includes('offline')) return 'offline'
  if (all.includes('active') || all.includes('starting')) return 'syncing'
  return 'online'
}

export function syncStatus(state: SyncState, event: SyncEvent): SyncState {
  const next: SyncState = { ...state, closed: null }
  switch (event.type) {
    case 'restore':
      return { ...next, lastSyncedAt: event.lastSyncedAt ?? state.lastSyncedAt, pending: event.pending }
    case 'pending':
      return { ...next, pending: event.count }
    case 'blocked':
      return { ...next, running: false, phase: 'paused', problem: event.problem, run: null }
    case 'start':
      return {
        ...next,
        running: true,
        phase: 'syncing',
        legs: { push: 'starting', pull: 'starting' },
        problem: null,
        totals: { up: 0, down: 0, denied: 0 },
        run: openRun(event.at, true),
      }
    case 'stop':
      return { ...next, running: false, phase: 'paused', problem: null, run: null, closed: close(state.run, event.at, 'stopped') }
    case 'error':
      return {
        ...next,
        running: false,
        phase: 'error',
        problem: event.problem,
        run: null,
        closed: close(state.run ?? openRun(event.at), event.at, 'error', event.message),
      }
  }
  if (!state.running) return state // a late event from a sync already stopped

  const run = state.run ?? openRun(event.at, false, state.phase === 'offline')
  switch (event.type) {
    case 'active': {
      const legs = { ...state.legs, [event.direction]: 'active' as const }
      return { ...next, legs, phase: phaseOf(legs), run }
    }
    case 'change': {
      const up = event.direction === 'push' ? event.docs : 0
      const down = event.direction === 'pull' ? event.docs : 0
      return {
        ...next,
        totals: { ...state.totals, up: state.totals.up + up, down: state.totals.down + down },
        run: { ...run, up: run.up + up, down: run.down + down },
      }
    }
    case 'denied': {
      const errors = run.errors.length < MAX_RUN_ERRORS ? [...run.errors, `${event.id}: ${event.reason}`] : run.errors
      return {
        ...next,
        totals: { ...state.totals, denied: state.totals.denied + 1 },
        run: { ...run, denied: run.denied + 1, errors },
      }
    }
    case 'paused': {
      if (event.problem) {
        const legs = { ...state.legs, [event.direction]: 'offline' as const }
        // One journal line per outage, not one per retry.
        const failedRetry = state.phase === 'offline' && (!state.run || (state.run.retry && state.run.up + state.run.down + state.run.denied === 0))
        const closed = failedRetry ? null : close(run, event.at, 'offline', event.message)
        return { ...next, legs, phase: 'offline', problem: event.problem, run: null, closed }
      }
      const legs = { ...state.legs, [event.direction]: 'idle' as const }
      const phase = phaseOf(legs)
      if (phase !== 'online') return { ...next, legs, phase, run }
      return { ...next, legs, phase, problem: null, lastSyncedAt: event.at, run: null, closed: close(run, event.at, 'synced') }
    }
  }
}

/** Retry delays after the server is lost: 1 s, 2 s, 4 s … never more than a minute. */
export const BACKOFF = { firstMs: 1000, maxMs: 60_000 } as const

/** The wait before retry number `failures` (0 = the first retry). */
export function backoffDelay(failures: number, bounds: { firstMs: number; maxMs: number } = BACKOFF): number {
  return Math.min(bounds.firstMs * 2 ** Math.min(Math.max(0, failures), 30), bounds.maxMs)
}
