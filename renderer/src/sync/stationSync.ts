import PouchDB from 'pouchdb-browser'
import type { DeviceStore } from '../data/deviceStore'
import type { LocalDb } from '../data/localDb'
import {
  stationDbUrl,
  type SyncSettings,
  BACKOFF,
  backoffDelay,
  errorMessage,
  initialSyncState,
  problemOf,
  syncStatus,
  type ConnectionVerdict,
  type SyncDirection,
  type SyncEvent,
  type SyncState,
} from '../domain/sync'
import { testConnection } from './connection'
import { refusalOf, RefusedList } from './refusedDocs'
import { appendRun, JOURNAL_LIMIT } from './syncJournal'
import { loadLastSyncedAt, loadPushedSeq, saveLastSyncedAt, savePulledSeq, savePushedSeq } from './syncPrefs'
import { openStationRemote } from './stationRemote'

// Live two-way sync of the station's PouchDB with its database on the central CouchDB 3.
// PouchDB does the replication (checkpointed, so a restart resumes and never doubles a document);
// this class starts and stops it, retries with a bounded backoff, turns its events into the status
// the header shows, counts what is not yet uploaded and keeps the device's sync journal and its list of
// documents central refused.
// Documents that arrive reach the screen the usual way: PouchDB's changes feed → projector.

/** What one direction of PouchDB's Sync emits (its typings do not expose `push` and `pull`). */
interface Leg {
  on(event: 'active', listener: () => void): Leg
  on(event: 'paused', listener: (error?: unknown) => void): Leg
  on(event: 'change', listener: (info: { docs?: unknown[] }) => void): Leg
  on(event: 'denied', listener: (error: unknown) => void): Leg
  on(event: 'checkpoint', listener: (info: { checkpoint?: number | string }) => void): Leg
  on(event: 'error', listener: (error: unknown) => void): Leg
}

export interface StationSyncOptions {
  /** The PouchDB with the http adapter, for the remote database */
  Pouch?: PouchDB.Static
  now?: () => string
  /** Retry delays; tests shorten them */
  backoff?: { firstMs: number; maxMs: number }
  fetch?: typeof fetch
  /** Beyond this many, the pending count says "more than" */
  pendingCap?: number
  journalLimit?: number
  batchSize?: number
}

export const PENDING_CAP = 10_000

export class StationSync {
  private state: SyncState = initialSyncState
  private readonly listeners = new Set<() => void>()
  private sync: PouchDB.Replication.Sync<object> | null = null
  private remote: PouchDB.Database | null = null
  private settings: SyncSettings | null = null
  private password = ''
  /** Events of a sync that was cancelled or replaced are ignored. */
  private generation = 0
  private pushedSeq: number | string = 0
  private remoteUrl = ''
  private localFeed: PouchDB.Core.Changes<object> | null = null
  private countTimer: ReturnType<typeof setTimeout> | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private counting: Promise<void> = Promise.resolve()
  /** Journal writes and saved sequence numbers, in order; tests and close() wait for them. */
  private writes: Promise<unknown> = Promise.resolve()
  private readonly failures: Record<SyncDirection, number> = { push: 0, pull: 0 }
  /** Documents central refused, listed on this device until an upload of them gets through */
  private readonly refused: RefusedList
  private readonly Pouch: PouchDB.Static
  private readonly now: () => string
  private readonly backoff: { firstMs: number; maxMs: number }
  private readonly fetchImpl: typeof fetch | undefined
  private readonly pendingCap: number
  private readonly journalLimit: number
  private readonly batchSize: number

  constructor(
    private readonly db: LocalDb,
    private readonly device: DeviceStore,
    options: StationSyncOptions = {},
  ) {
    this.Pouch = options.Pouch ?? PouchDB
    this.now = options.now ?? (() => new Date().toISOString())
    this.backoff = options.backoff ?? BACKOFF
    this.fetchImpl = options.fetch
    this.pendingCap = options.pendingCap ?? PENDING_CAP
    this.journalLimit = options.journalLimit ?? JOURNAL_LIMIT
    this.batchSize = options.batchSize ?? 500
    this.refused = new RefusedList(device)
  }

  get status(): SyncState {
    return this.state
  }

  /** For React's useSyncExternalStore. */
  getStatus = (): SyncState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get running(): boolean {
    return this.state.running
  }

  /**
   * Shows what is known before any connection: the last successful sync and what is waiting to
   * be uploaded to the server in `settings` (null: sync not set up, nothing is counted).
   */
  async restore(settings: SyncSettings | null): Promise<void> {
    const lastSyncedAt = await loadLastSyncedAt(this.device)
    if (!settings) {
      this.dispatch({ type: 'restore', lastSyncedAt, pending: null })
      return
    }
    await this.useRemote(stationDbUrl(settings))
    this.dispatch({ type: 'restore', lastSyncedAt, pending: await this.countPending() })
    this.watchLocalChanges()
  }

  /** Starts live two-way sync (stopping any sync already running). */
  async start(settings: SyncSettings, password: string): Promise<void> {
    this.cancelSync()
    this.settings = settings
    this.password = password
    // Reread: a one-off 立即同步 may have pushed (and saved how far) while this sync was stopped.
    await this.useRemote(stationDbUrl(settings), true)
    this.refused.reread()
    this.dispatch({ type: 'start', at: this.now() })
    this.watchLocalChanges()
    this.scheduleCount()
    this.launch()
  }

  /** Stops syncing; local work goes on and is uploaded at the next start. */
  async stop(): Promise<void> {
    const wasRunning = this.state.running || this.sync !== null
    this.cancelSync()
    this.settings = null
    this.password = ''
    if (wasRunning) this.dispatch({ type: 'stop', at: this.now() })
    await this.settled()
  }

  /** Sync cannot start: e.g. the password was kept only for a browser session that has ended. */
  block(problem: 'needsPassword'): void {
    this.cancelSync()
    this.dispatch({ type: 'blocked', problem })
  }

  /** Tries the server again at once (the browser says the network is back) instead of waiting for the backoff. */
  reconnectNow(): void {
    if (!this.settings || this.state.phase !== 'offline') return
    this.failures.push = 0
    this.failures.pull = 0
    this.launch()
  }

  testConnection(settings: Pick<SyncSettings, 'url' | 'stationCode' | 'username'>, password: string): Promise<ConnectionVerdict> {
    return testConnection(settings, password, this.fetchImpl)
  }

  /** Recounts local changes not yet on the central server. */
  refreshPending(): Promise<void> {
    this.counting = this.counting.then(async () => {
      if (!this.remoteUrl) return
      const count = await this.countPending()
      if (count !== this.state.pending) this.dispatch({ type: 'pending', count })
    })
    return this.counting
  }

  /**
   * 立即同步 (sync/batchSync.ts) ran while this sync was stopped: rereads how far the upload to
   * `remote` got, so the count of what waits for upload follows, and takes `syncedAt` (the end of a
   * run that finished) as the last time all was in step.
   */
  async afterBatch(remote: string, syncedAt: string | null): Promise<void> {
    await this.writes
    if (this.state.running || remote !== this.remoteUrl) return
    this.pushedSeq = await loadPushedSeq(this.device, remote)
    if (syncedAt) this.queueWrite(() => saveLastSyncedAt(this.device, syncedAt))
    this.dispatch({ type: 'restore', lastSyncedAt: syncedAt, pending: await this.countPending() })
  }

  /** Resolves when the journal, the saved sequence numbers and the refused documents written so far are stored. */
  async settled(): Promise<void> {
    await this.writes
    await this.refused.settled()
    await this.counting
  }

  async close(): Promise<void> {
    this.cancelSync()
    this.localFeed?.cancel()
    this.localFeed = null
    if (this.countTimer) clearTimeout(this.countTimer)
    await this.settled()
  }

  // ----------------------------------------------------------------------------------------------

  private async useRemote(url: string, reread = false): Promise<void> {
    if (url === this.remoteUrl && !reread) return
    await this.writes
    this.remoteUrl = url
    this.pushedSeq = await loadPushedSeq(this.device, url)
  }

  private launch(): void {
    const settings = this.settings
    if (!settings) return
    this.cancelSync(false)
    const generation = ++this.generation
    const remote = openStationRemote(this.Pouch, settings, this.password)
    this.remote = remote
    // retry: false: this class retries, not PouchDB. PouchDB's retry (9.0) restarts a failed leg
    // inside the same replication while the batch that was in flight goes on; once that batch is
    // written, the failed pass reads the changes feed again from beyond the batches it had queued
    // and threw away, and checkpoints past them: those documents never replicate, and the header
    // says synced (seen over a flaky network, test/integration/flakyNetwork.test.ts). So a failed
    // leg cancels the whole sync at once (the batch in flight checkpoints only itself) and a new
    // sync starts after the backoff from the checkpoints.
    const sync = this.db.sync(remote, { live: true, retry: false, batch_size: this.batchSize })
    this.sync = sync
    const legs = sync as unknown as { push: Leg; pull: Leg }
    for (const direction of ['push', 'pull'] as const) {
      this.follow(legs[direction], direction, generation)
      legs[direction].on('error', (error) => {
        if (this.sync !== sync) return
        this.sync = null
        sync.cancel()
        void this.onFatal(error, direction, generation)
      })
    }
    // The sync repeats its leg's error, handled above.
    sync.on('error', () => undefined)
  }

  private follow(leg: Leg, direction: SyncDirection, generation: number): void {
    const current = () => generation === this.generation
    const healthy = () => {
      this.failures[direction] = 0
    }
    leg.on('active', () => {
      if (!current()) return
      healthy()
      this.dispatch({ type: 'active', direction, at: this.now() })
    })
    leg.on('change', (info) => {
      if (!current()) return
      healthy()
      const docs = info.docs?.length ?? 0
      this.dispatch({ type: 'change', direction, docs, at: this.now() })
      if (direction !== 'push') return
      this.refused.uploaded(info.docs)
      this.lowerPending(docs)
    })
    leg.on('denied', (error) => {
      if (!current()) return
      const refusal = refusalOf(error, this.now())
      this.dispatch({ type: 'denied', direction, id: refusal.id, reason: refusal.reason, at: refusal.at })
      if (direction !== 'push') return
      this.refused.refused(refusal)
      this.lowerPending(1)
    })
    leg.on('paused', (error) => {
      if (!current()) return
      if (error) {
        this.dispatch({ type: 'paused', direction, at: this.now(), problem: problemOf(error), message: errorMessage(error) })
        return
      }
      healthy()
      this.dispatch({ type: 'paused', direction, at: this.now() })
    })
    if (direction === 'push') {
      leg.on('checkpoint', (info) => {
        if (!current() || info.checkpoint === undefined) return
        // Everything up to this local sequence is now on the server (or was refused by it).
        this.pushedSeq = info.checkpoint
        const remote = this.remoteUrl
        const seq = info.checkpoint
        this.queueWrite(() => savePushedSeq(this.device, remote, seq))
        this.scheduleCount()
      })
    } else {
      leg.on('checkpoint', (info) => {
        if (!current() || info.checkpoint === undefined) return
        // Kept so that 立即同步 can count what is still to come down from here (see batchSync.ts).
        const remote = this.remoteUrl
        const seq = info.checkpoint
        this.queueWrite(() => savePulledSeq(this.device, remote, seq))
      })
    }
  }

  private async onFatal(error: unknown, direction: SyncDirection, generation: number): Promise<void> {
    if (generation !== this.generation || !this.settings) return
    const settings = this.settings
    this.sync = null
    // On 401/403 ask the server which it is (this test server answers 401 where CouchDB answers
    // 403, so the status alone cannot tell a wrong password from a wrong station). Anything else
    // (no answer, a cut connection, a server error) is retried, as PouchDB's own retry did.
    const status = (error as { status?: unknown } | null)?.status
    const verdict =
      status === 401 || status === 403
        ? await this.testConnection(settings, this.password).catch((): ConnectionVerdict => 'unreachable')
        : 'ok'
    if (generation !== this.generation) return
    if (verdict === 'ok' || verdict === 'unreachable') {
      // It passed: a server starting up, say. Keep trying, as for any lost connection.
      this.dispatch({ type: 'paused', direction, at: this.now(), problem: problemOf(error), message: errorMessage(error) })
      const delay = backoffDelay(this.failures[direction]++, this.backoff)
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null
        if (generation === this.generation) this.launch()
      }, delay)
      return
    }
    this.cancelSync()
    this.dispatch({ type: 'error', at: this.now(), problem: verdict, message: errorMessage(error) })
  }

  private cancelSync(newGeneration = true): void {
    if (newGeneration) this.generation++
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.sync?.cancel()
    this.sync = null
    // The http adapter holds nothing open once the sync is cancelled; closing it just drops the object.
    const remote = this.remote
    this.remote = null
    if (remote) void remote.close().catch(() => undefined)
  }

  private dispatch(event: SyncEvent): void {
    const before = this.state
    this.state = syncStatus(before, event)
    if (this.state === before) return
    const closed = this.state.closed
    if (closed) this.queueWrite(() => appendRun(this.device, closed, this.journalLimit))
    if (before.phase === 'syncing' && this.state.phase !== 'syncing') this.scheduleCount()
    if (this.state.phase === 'online' && this.state.lastSyncedAt && this.state.lastSyncedAt !== before.lastSyncedAt) {
      const at = this.state.lastSyncedAt
      this.queueWrite(() => saveLastSyncedAt(this.device, at))
      // At once, not debounced: "synced" and "1 not uploaded" should not stand side by side.
      void this.refreshPending()
    }
    for (const listener of this.listeners) listener()
  }

  private queueWrite(write: () => Promise<unknown>): void {
    this.writes = this.writes.then(write).catch((error) => console.error('sync journal', error))
  }

  /** Local writes change the count; a burst (a sync, an import) is counted once. */
  private watchLocalChanges(): void {
    if (this.localFeed) return
    this.localFeed = this.db.changes({ since: 'now', live: true }).on('change', () => this.scheduleCount())
  }

  private scheduleCount(): void {
    // Not while a sync runs: a push checkpoints every batch, and recounting up to 10,000 changes each
    // time made a big upload several times slower. The count is taken again when the sync pauses (and
    // once during it, if there was none yet); meanwhile it goes down by what the push uploads (lowerPending).
    if (this.countTimer || (this.state.phase === 'syncing' && this.state.pending !== null)) return
    this.countTimer = setTimeout(() => {
      this.countTimer = null
      void this.refreshPending()
    }, 200)
  }

  /**
   * Uploaded or refused by central: no longer waiting. While a sync runs the count taken before goes
   * down by as many instead of being taken again (see scheduleCount); a count beyond the cap stays
   * "more than" until it is.
   */
  private lowerPending(docs: number): void {
    const pending = this.state.pending
    if (pending === null || pending > this.pendingCap || docs === 0 || pending === 0) return
    this.dispatch({ type: 'pending', count: Math.max(0, pending - docs) })
  }

  /**
   * Documents changed locally since the push's last checkpoint. PouchDB's changes feed lists each
   * document once, at its latest change, so a need edited five times counts once. Design documents
   * come down from the server and are never pushed.
   */
  private async countPending(): Promise<number> {
    const page = await this.db.changes({ since: this.pushedSeq, limit: this.pendingCap + 1 })
    return page.results.filter((change) => !change.id.startsWith('_design/')).length
  }
}
