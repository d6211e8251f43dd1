import { conflictRecord, losingTombstone, mergeLeaves, mergeRuleFor, type LeafDoc } from '../domain/sync'
import type { Editable } from '../domain/records'
import type { LocalDb } from '../data/localDb'

// Finds documents that sync left with two or more versions (two computers edited them apart) and
// merges them by the domain's rules (conflictMerge.ts): the merge is written over the version PouchDB
// shows, what a merge could not keep goes into a conflict record first, and only then are the losing
// versions deleted. The merge is the same on every computer, so two computers doing it at once write
// the same documents and sync adds no new conflict.

type Stored = Editable & { type: string; stationId: string }

/** Where this computer's scan of the changes feed has got to; `_local` documents never sync. */
const CHECKPOINT_ID = '_local/conflict-scan'
const PAGE = 500
const CHECKPOINT_EVERY_MS = 5_000
const RETRY_MS = 5_000

export type MergeOutcome = 'merged' | 'recorded' | 'none'

export class ConflictResolver {
  private feed: PouchDB.Core.Changes<object> | null = null
  /** Merges run one at a time: two merges of one document at once would conflict with each other. */
  private running: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: LocalDb,
    private readonly onError: (error: unknown) => void = (error) => console.error('conflicts', error),
  ) {}

  /** Merges every conflicted document changed since the last scan; returns how many it merged. */
  catchUp(): Promise<number> {
    return this.serial(async () => {
      let since = await this.checkpoint()
      let merged = 0
      for (;;) {
        const page = await this.db.changes({ since, limit: PAGE, style: 'all_docs' })
        for (const change of page.results) {
          if (this.stopped) return merged
          if (change.changes.length > 1 && (await this.mergeNow(change.id)) !== 'none') merged++
        }
        if (page.results.length === 0) break
        since = page.last_seq
        await this.saveCheckpoint(since)
      }
      return merged
    })
  }

  /** Scans what sync already brought, then merges each conflict as it arrives. */
  start(): void {
    if (this.feed || this.stopped) return
    void this.catchUp()
      .then(() => this.checkpoint())
      .then((since) => {
        if (this.feed || this.stopped) return
        this.feed = this.db
          .changes({ live: true, since, style: 'all_docs' })
          .on('change', (change) => {
            if (change.changes.length > 1) void this.merge(change.id).catch((error: unknown) => this.failed(change.id, error))
            this.noteSeen(change.seq)
          })
          .on('error', this.onError)
      })
      .catch(this.onError)
  }

  private stopped = false

  stop(): void {
    this.stopped = true
    this.feed?.cancel()
    this.feed = null
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
  }

  /** After a merge failed, the live feed's place is no longer saved: the next start scans from before it. */
  private behind = false

  private failed(id: string, error: unknown): void {
    this.behind = true
    this.onError(error)
    // Most failures pass (a busy disk): try once more a little later.
    setTimeout(() => {
      if (!this.stopped) void this.merge(id).catch(this.onError)
    }, RETRY_MS)
  }

  private seen: number | string | null = null
  private saveTimer: ReturnType<typeof setTimeout> | null = null

  /** The live feed's place is saved now and then, not per change: a big sync brings thousands. */
  private noteSeen(seq: number | string): void {
    this.seen = seq
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      const seq = this.seen
      if (seq !== null && !this.behind) void this.serial(() => this.saveCheckpoint(seq)).catch(this.onError)
    }, CHECKPOINT_EVERY_MS)
  }

  /** Waits for merges under way. */
  idle(): Promise<void> {
    return this.running.then(() => undefined)
  }

  /** Merges one document's versions, if it has several. */
  merge(id: string): Promise<MergeOutcome> {
    return this.serial(() => this.mergeNow(id))
  }

  private async mergeNow(id: string): Promise<MergeOutcome> {
    let shown: LeafDoc<Stored> & { _conflicts?: string[] }
    try {
      shown = await this.db.get<Stored>(id, { conflicts: true })
    } catch (error) {
      if ((error as { status?: number }).status === 404) return 'none'
      throw error
    }
    const rule = mergeRuleFor(shown.type)
    if (!shown._conflicts?.length || !rule) return 'none'

    const found = await this.db.get<Stored>(id, { open_revs: [shown._rev, ...shown._conflicts], revs: true })
    const versions = found.flatMap((entry) => ('ok' in entry && entry.ok ? [entry.ok as LeafDoc<Stored>] : []))
    const winner = versions.find((leaf) => leaf._rev === shown._rev)
    if (!winner) return 'none'
    const leaves = [winner, ...versions.filter((leaf) => leaf !== winner)]

    const plan = mergeLeaves(leaves, rule)
    const record = conflictRecord(leaves, plan)
    // The record first: if this stops half-way, the losing values are safe and the next scan finishes.
    if (record) await this.putOnce(record)
    if (plan.merged) await this.db.put(plan.merged)
    const results = await this.db.bulkDocs(plan.losingRevs.map((rev) => losingTombstone(id, rev)))
    const failed = results.find((result) => 'error' in result && result.error && result.status !== 409)
    if (failed) throw new Error(`could not remove a merged version of ${id}: ${JSON.stringify(failed)}`)
    return record ? 'recorded' : 'merged'
  }

  /** Writes a document another computer may have written already, identically. */
  private async putOnce(doc: { _id: string }): Promise<void> {
    try {
      await this.db.put(doc)
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error
    }
  }

  private async checkpoint(): Promise<number | string> {
    try {
      return (await this.db.get<{ seq: number | string }>(CHECKPOINT_ID)).seq
    } catch (error) {
      if ((error as { status?: number }).status === 404) return 0
      throw error
    }
  }

  private async saveCheckpoint(seq: number | string): Promise<void> {
    let rev: string | undefined
    try {
      rev = (await this.db.get(CHECKPOINT_ID))._rev
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
    }
    await this.db.put({ _id: CHECKPOINT_ID, ...(rev ? { _rev: rev } : {}), seq })
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work)
    this.running = next.catch(() => undefined)
    return next
  }
}
