import PouchDB from 'pouchdb-browser'
import type { DeviceStore } from '../data/deviceStore'
import type { LocalDb } from '../data/localDb'
import {
  addSample,
  type ProgressSample,
  stationDbUrl,
  type SyncSettings,
  errorMessage,
  MAX_RUN_ERRORS,
  problemOf,
  type ConnectionVerdict,
  type SyncProblem,
  type SyncRun,
} from '../domain/sync'
import { Cancelled, countLocalChanges, countRemoteChanges, rowKey, type ChangeRow } from './changeCount'
import { testConnection } from './connection'
import { refusalOf, RefusedList } from './refusedDocs'
import { openStationRemote } from './stationRemote'
import { appendRun, JOURNAL_LIMIT } from './syncJournal'
import { loadAutoStart, loadPulledSeq, loadPushedSeq, savePulledSeq, savePushedSeq } from './syncPrefs'

// 立即同步: a one-off replication with the central CouchDB 3, in batches, with a count of what is
// done and of what there is to do, that can be cancelled and resumes where it stopped.
//
// - PouchDB replications one after the other, not live: push (station → central), pull, and when
//   the pull wrote anything, the push once more ("settle", below). Each writes its checkpoint into
//   _local documents on both sides after every batch, so a run that is cancelled, or loses the
//   server, continues from its last batch when run again (继续) and never writes a document twice.
//   They are the live sync's replications (same source, same target, no filter: the same
//   checkpoints), so each also continues from where the other stopped.
// - What there is to do is counted before the first batch: for the push, the local changes feed
//   since the push's last checkpoint; for the pull, central's `_changes` since the pull's last
//   checkpoint, from the `pending` field CouchDB 3 returns (rows after those returned), or by
//   reading the feed through on a server that gives none. Both syncs note each checkpoint they
//   write on this device (syncPrefs) for this count. Progress is the number of change rows PouchDB
//   has checked and checkpointed: a batch counts once its checkpoint is written, which is exactly
//   what a later run will not do again.
// - Echoes: each direction's feed lists again what the other just wrote; PouchDB checks such a row
//   and finds nothing to do. They were not there when the job was counted, so they are neither
//   counted nor done (rows are recognised by document and revisions, over 继续 too).
// - 取消 stops once the batch in hand is written and checkpointed, so what is shown as done is what
//   the other side has; a server that does not finish that batch in time is cut off all the same.
// - The live sync is stopped for the run and started again after it (if it was running and the
//   clerk has not stopped it meanwhile): two replications of the same database would fetch the same
//   documents twice and write over each other's checkpoints. When it stays stopped it is told how
//   far the run got, so the header's "not uploaded" and "last synced" follow.
// - Each run is a line in the sync journal, marked as a batch run. Documents central refuses go into
//   the same list as the live sync's (refusedDocs.ts).

/** Upload, download, then a last look at what the download wrote (see `settle` below). */
export type BatchStep = 'push' | 'pull' | 'settle'

/** idle → counting → running (push, then pull) → done | cancelled | failed; cancelling in between. */
export type BatchPhase = 'idle' | 'counting' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed'

export interface BatchState {
  phase: BatchPhase
  step: BatchStep | null
  /** Changes checked and checkpointed, counted over 继续 as well */
  done: number
  /** Changes counted before the run (plus what earlier runs of this job did); null while counting */
  total: number | null
  /** Documents written to central, and to this station, by this job */
  up: number
  down: number
  /** Documents central refused */
  denied: number
  /** Timed counts of `done`, for the rate and the time still needed (see domain/batchProgress) */
  samples: ProgressSample[]
  /** Why the run failed (failed only) */
  problem: SyncProblem | null
  message: string | null
  startedAt: string | null
  endedAt: string | null
  /** The station database on central this job is for: 继续 continues only a job for the same one */
  remote: string | null
  /** The live sync was stopped for this run and will be started again after it */
  livePaused: boolean
}

export const initialBatchState: BatchState = {
  phase: 'idle',
  step: null,
  done: 0,
  total: null,
  up: 0,
  down: 0,
  denied: 0,
  samples: [],
  problem: null,
  message: null,
  startedAt: null,
  endedAt: null,
  remote: null,
  livePaused: false,
}

/** What batch sync needs of the live sync: it is stopped for the run and started again after. */
export interface LiveSync {
  readonly running: boolean
  stop(): Promise<void>
  start(settings: SyncSettings, password: string): Promise<void>
  /** Not started again: it rereads how far the upload got, and when all was last in step */
  afterBatch(remote: string, syncedAt: string | null): Promise<void>
}

export interface BatchSyncOptions {
  /** The PouchDB with the http adapter, for the remote database */
  Pouch?: PouchDB.Static
  fetch?: typeof fetch
  /** ISO time, for the journal */
  now?: () => string
  /** Milliseconds, for the progress samples */
  clock?: () => number
  batchSize?: number
  /** Batches PouchDB may fetch ahead of the one being written */
  batchesLimit?: number
  journalLimit?: number
  /** Whether the live sync should be started again after the run; by default: the app still starts it by itself */
  resumeLive?: () => Promise<boolean>
  /** How long a cancel waits for PouchDB to finish the batch it is in before the run is let go */
  cancelWaitMs?: number
}

export interface RunOptions {
  /** 继续: go on with the job that was cancelled or failed (its counts carry on) */
  resume?: boolean
}

/** What one direction of PouchDB's replication emits beyond its typings. */
interface Replication extends Promise<PouchDB.Replication.ReplicationResultComplete<object>> {
  on(event: 'change', listener: (info: { docs?: unknown[] }) => void): Replication
  on(event: 'denied', listener: (error: unknown) => void): Replication
  on(event: 'error', listener: (error: unknown) => void): Replication
  on(event: 'checkpoint', listener: (info: CheckpointInfo) => void): Replication
  cancel(): void
}

/** PouchDB reports each change it checks (revs_diff) and each checkpoint it writes. */
type CheckpointInfo = { revs_diff?: ChangeRow; checkpoint?: number | string; pending_batch?: unknown; start_next_batch?: unknown }

export class BatchSync {
  private state: BatchState = initialBatchState
  private readonly listeners = new Set<() => void>()
  private running: Promise<void> | null = null
  private replication: Replication | null = null
  /** Cancels the replication at once if no batch is under way, else after it (see replicate) */
  private stopAfterBatch: () => void = () => undefined
  private cancelRequested = false
  /**
   * The change rows each direction has looked at in this job (kept for 继续): the other direction's
   * feed lists them again (echoes), and they are neither counted nor done there.
   */
  private seen = { push: new Set<string>(), pull: new Set<string>() }
  /** Saved sequence numbers, in order */
  private writes: Promise<unknown> = Promise.resolve()
  /** Documents central refused, listed on this device until an upload of them gets through */
  private readonly refused: RefusedList
  /** Resolves `cancelWaitMs` after a cancel, if PouchDB has not stopped by then */
  private abandoned: Promise<{ status: 'cancelled' }> = new Promise(() => undefined)
  private abandon: () => void = () => undefined
  private abandonTimer: ReturnType<typeof setTimeout> | null = null
  private readonly Pouch: PouchDB.Static
  private readonly fetchImpl: typeof fetch
  private readonly now: () => string
  private readonly clock: () => number
  private readonly batchSize: number
  private readonly batchesLimit: number
  private readonly journalLimit: number
  private readonly resumeLive: () => Promise<boolean>
  private readonly cancelWaitMs: number

  constructor(
    private readonly db: LocalDb,
    private readonly device: DeviceStore,
    private readonly live: LiveSync | null = null,
    options: BatchSyncOptions = {},
  ) {
    this.Pouch = options.Pouch ?? PouchDB
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
    this.now = options.now ?? (() => new Date().toISOString())
    this.clock = options.clock ?? (() => Date.now())
    this.batchSize = options.batchSize ?? 100
    this.batchesLimit = options.batchesLimit ?? 4
    this.journalLimit = options.journalLimit ?? JOURNAL_LIMIT
    this.resumeLive = options.resumeLive ?? (() => loadAutoStart(device))
    this.cancelWaitMs = options.cancelWaitMs ?? 10_000
    this.refused = new RefusedList(device)
  }

  /** For React's useSyncExternalStore. */
  getState = (): BatchState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A run is under way (or being cancelled). */
  get busy(): boolean {
    return this.running !== null
  }

  /** Whether 继续 can go on with the last job for these settings. */
  canResume(settings: Pick<SyncSettings, 'url' | 'stationCode'>): boolean {
    return (this.state.phase === 'cancelled' || this.state.phase === 'failed') && this.state.remote === stationDbUrl(settings)
  }

  /**
   * Runs 立即同步 (or 继续 with `resume`) to its end: done, cancelled or failed, as the returned state
   * says. It never throws for the server's sake; a run already under way is waited for instead.
   */
  async run(settings: SyncSettings, password: string, options: RunOptions = {}): Promise<BatchState> {
    if (this.running) {
      await this.running
      return this.state
    }
    const job = this.execute(settings, password, options.resume === true && this.canResume(settings))
    this.running = job
    try {
      await job
    } finally {
      if (this.running === job) this.running = null
    }
    return this.state
  }

  /**
   * Stops once the batch in hand is written and checkpointed, so what was done is exactly what is
   * on the other side, and 继续 goes on from there. A batch the server does not finish within
   * `cancelWaitMs` is cut off (PouchDB's checks against the server make that safe too).
   */
  cancel(): void {
    if (!this.running || this.cancelRequested || this.state.phase === 'idle') return
    this.cancelRequested = true
    this.set({ phase: 'cancelling' })
    this.stopAfterBatch()
    this.abandonTimer = setTimeout(() => {
      this.replication?.cancel()
      this.abandon()
    }, this.cancelWaitMs)
  }

  async close(): Promise<void> {
    this.cancel()
    await this.running
  }

  // ----------------------------------------------------------------------------------------------

  private async execute(settings: SyncSettings, password: string, resume: boolean): Promise<void> {
    const url = stationDbUrl(settings)
    const carried = resume ? this.state : initialBatchState
    if (!resume) this.seen = { push: new Set(), pull: new Set() }
    const seen = this.seen
    this.refused.reread()
    this.cancelRequested = false
    this.abandoned = new Promise((resolve) => {
      this.abandon = () => resolve({ status: 'cancelled' })
    })
    const startedAt = this.now()
    // This run's own figures, for its journal line.
    const run = { up: 0, down: 0, denied: 0, errors: [] as string[] }
    this.state = {
      ...initialBatchState,
      phase: 'counting',
      done: carried.done,
      up: carried.up,
      down: carried.down,
      denied: carried.denied,
      startedAt: resume && carried.startedAt ? carried.startedAt : startedAt,
      remote: url,
      samples: [{ at: this.clock(), done: carried.done }],
    }
    this.emit()

    const wasLive = this.live?.running === true
    if (wasLive) {
      this.set({ livePaused: true })
      await this.live!.stop().catch((error: unknown) => console.error('live sync', error))
    }
    const remote = openStationRemote(this.Pouch, settings, password)
    let outcome: SyncRun['outcome'] = 'synced'
    // How the run ended; shown once the journal is written and the live sync is back.
    let end: Partial<BatchState>
    try {
      // What there is to do, before anything moves.
      const [pushedSeq, pulledSeq] = await Promise.all([loadPushedSeq(this.device, url), loadPulledSeq(this.device, url)])
      const [toPush, toPull] = await this.orAbandoned(
        Promise.all([
          countLocalChanges(this.db, pushedSeq, { stop: () => this.cancelRequested, except: seen.pull }),
          countRemoteChanges(url, pulledSeq, settings.username, password, { fetch: this.fetchImpl, except: seen.push }),
        ]),
      )
      this.checkCancelled()
      this.set({ phase: 'running', step: 'push', total: this.state.done + toPush + toPull })

      // Each direction's feed lists again what the other just wrote (an echo: PouchDB checks it and
      // finds nothing to do). Echoes were not there to be counted, so they do not count as done.
      await this.replicate('push', remote, url, run, { note: seen.push, skip: seen.pull })
      this.set({ step: 'pull' })
      await this.replicate('pull', remote, url, run, { note: seen.pull, skip: seen.push })
      // settle: the push once more, over the echoes of the download, so its checkpoint passes them.
      // Otherwise the header would count every downloaded document as "not uploaded" until the next
      // push had looked at them, and the next 立即同步 would look at them all again. It uploads only
      // what a clerk wrote meanwhile (counted then).
      if (run.down > 0) {
        this.set({ step: 'settle' })
        await this.replicate('push', remote, url, run, { note: seen.push, skip: seen.pull })
      }

      const done = this.state.done
      end = { phase: 'done', step: null, total: done, endedAt: this.now(), samples: addSample(this.state.samples, { at: this.clock(), done }) }
    } catch (error) {
      if (error instanceof Cancelled || this.cancelRequested) {
        outcome = 'stopped'
        end = { phase: 'cancelled', endedAt: this.now() }
      } else {
        const problem = await this.problemOf(error, settings, password)
        const message = errorMessage(error)
        outcome = problem === 'unreachable' ? 'offline' : 'error'
        if (run.errors.length < MAX_RUN_ERRORS) run.errors.push(message)
        end = { phase: 'failed', problem, message, endedAt: this.now() }
      }
    }
    this.replication = null
    this.stopAfterBatch = () => undefined
    if (this.abandonTimer) clearTimeout(this.abandonTimer)
    this.abandonTimer = null
    void remote.close().catch(() => undefined)
    await this.writes
    await this.refused.settled()
    const closed: SyncRun = { startedAt, endedAt: end.endedAt ?? this.now(), ...run, outcome, kind: 'batch' }
    await appendRun(this.device, closed, this.journalLimit).catch((error: unknown) => console.error('sync journal', error))
    if (this.live && !this.live.running) {
      if (wasLive && (await this.resumeLive().catch(() => false))) {
        await this.live.start(settings, password).catch((error: unknown) => console.error('live sync', error))
      } else {
        const syncedAt = end.phase === 'done' ? (end.endedAt ?? null) : null
        await this.live.afterBatch(url, syncedAt).catch((error: unknown) => console.error('live sync', error))
      }
    }
    this.cancelRequested = false
    // Over before it is shown as over: a click on 继续 or 立即同步 then starts the next run.
    this.running = null
    this.set({ ...end, livePaused: false })
  }

  /** One direction, to its end; throws Cancelled when cancelled, or the replication's error. */
  private async replicate(
    step: 'push' | 'pull',
    remote: PouchDB.Database,
    url: string,
    run: { up: number; down: number; denied: number; errors: string[] },
    echoes: { note: Set<string>; skip: Set<string> },
  ): Promise<void> {
    this.checkCancelled()
    const options = { batch_size: this.batchSize, batches_limit: this.batchesLimit, retry: false }
    const replication = (step === 'push' ? this.db.replicate.to(remote, options) : this.db.replicate.from(remote, options)) as unknown as Replication
    this.replication = replication
    // On a failed request PouchDB 9.0 drops its queued batches but lets the batch in hand go on and
    // checkpoint past them: a batch would be skipped for good. Cancelled at once, it checkpoints only itself.
    replication.on('error', () => replication.cancel())
    // Rows of the batch in hand: they count once its checkpoint is written.
    let inBatch = 0
    let batchOpen = false
    this.stopAfterBatch = () => {
      if (!batchOpen) replication.cancel()
    }
    replication.on('checkpoint', (info) => {
      if (info.start_next_batch !== undefined) {
        batchOpen = true
        return
      }
      if (info.revs_diff) {
        const row = info.revs_diff
        const key = rowKey(row)
        if (echoes.skip.has(key)) return
        echoes.note.add(key)
        inBatch++
        return
      }
      if (info.checkpoint === undefined) return
      const seq = info.checkpoint
      // PouchDB has written this checkpoint into both databases; noted for the next count.
      this.queueWrite(() => (step === 'push' ? savePushedSeq(this.device, url, seq) : savePulledSeq(this.device, url, seq)))
      const done = this.state.done + inBatch
      inBatch = 0
      // More than was counted: written meanwhile (by a clerk here, or at central). The total grows.
      const total = this.state.total === null ? null : Math.max(this.state.total, done)
      this.set({ done, total, samples: addSample(this.state.samples, { at: this.clock(), done }) })
      batchOpen = false
      if (this.cancelRequested) replication.cancel()
    })
    replication.on('change', (info) => {
      const docs = info.docs?.length ?? 0
      if (step === 'push') {
        run.up += docs
        this.refused.uploaded(info.docs)
      } else {
        run.down += docs
      }
      this.set(step === 'push' ? { up: this.state.up + docs } : { down: this.state.down + docs })
    })
    replication.on('denied', (error) => {
      run.denied++
      const refusal = refusalOf(error, this.now())
      if (step === 'push') this.refused.refused(refusal)
      if (run.errors.length < MAX_RUN_ERRORS) run.errors.push(`${refusal.id}: ${refusal.reason}`)
      this.set({ denied: this.state.denied + 1 })
    })

    // Once cancelled, PouchDB starts no further batch and resolves.
    const result = await this.orAbandoned(replication).finally(() => {
      this.stopAfterBatch = () => undefined
    })
    if (this.cancelRequested || result.status === 'cancelled') throw new Cancelled()
  }

  /**
   * `work`, unless a cancel has waited `cancelWaitMs` for it (a server that never answers the request
   * in hand): then the run is let go all the same, and whatever still runs writes no further batch.
   */
  private orAbandoned<T>(work: Promise<T>): Promise<T> {
    return Promise.race([
      work,
      this.abandoned.then(() => {
        throw new Cancelled()
      }),
    ])
  }

  private checkCancelled(): void {
    if (this.cancelRequested) throw new Cancelled()
  }

  /** The failure in the clerk's terms; 401/403 are asked about, as the live sync does. */
  private async problemOf(error: unknown, settings: SyncSettings, password: string): Promise<SyncProblem> {
    const problem = problemOf(error)
    if (problem !== 'wrongPassword' && problem !== 'wrongStation') return problem
    const verdict = await testConnection(settings, password, this.fetchImpl).catch((): ConnectionVerdict => 'unreachable')
    return verdict === 'ok' ? problem : verdict
  }

  private queueWrite(write: () => Promise<unknown>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => console.error('batch sync', error))
  }

  private set(patch: Partial<BatchState>): void {
    this.state = { ...this.state, ...patch }
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}
