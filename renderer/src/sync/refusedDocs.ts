import type { DeviceStore, RefusedDoc } from '../data/deviceStore'

// The documents central refused (its validate function answered 403 forbidden; PouchDB's push says
// 'denied'), kept on this device so the clerk sees which and why, and can correct them. The push
// checkpoints past a refused document, so it is not tried again until it is edited: an upload of it
// that gets through (a newer revision, or the same one once central accepts it) takes it off.
// Both the live sync and 立即同步 keep the list.

/** A refusal as PouchDB's 'denied' event gives it: the failed row of the server's _bulk_docs answer. */
export function refusalOf(error: unknown, at: string): RefusedDoc {
  const { id, rev, reason, message } = (error ?? {}) as { id?: string; rev?: string; reason?: string; message?: string }
  return { id: id ?? '?', rev: rev ?? '', reason: reason ?? message ?? '', at }
}

/** The refused documents, newest first (those refused together in id order). */
export async function refusedDocs(device: DeviceStore): Promise<RefusedDoc[]> {
  return (await device.refusedDocs.toArray()).sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
}

/** Keeps the list while one replication pushes; its writes go in order. */
export class RefusedList {
  /** The ids on the list, read once per replication: an upload of any other document writes nothing. */
  private ids: Promise<Set<string>> | null = null
  private writes: Promise<unknown> = Promise.resolve()

  constructor(private readonly device: DeviceStore) {}

  /** Before a replication starts: the other kind of sync may have changed the list meanwhile. */
  reread(): void {
    this.ids = null
  }

  refused(refusal: RefusedDoc): void {
    this.queue(async (ids) => {
      ids.add(refusal.id)
      await this.device.refusedDocs.put(refusal)
    })
  }

  /** Documents the push wrote to central (its 'change' event's docs). */
  uploaded(docs: readonly unknown[] | undefined): void {
    if (!docs?.length) return
    this.queue(async (ids) => {
      if (ids.size === 0) return
      const through = docs.map((doc) => (doc as { _id?: string })._id ?? '').filter((id) => ids.has(id))
      if (through.length === 0) return
      for (const id of through) ids.delete(id)
      await this.device.refusedDocs.bulkDelete(through)
    })
  }

  /** Resolves when the list's writes so far are stored. */
  settled(): Promise<unknown> {
    return this.writes
  }

  private queue(write: (ids: Set<string>) => Promise<void>): void {
    this.writes = this.writes
      .then(async () => {
        this.ids ??= this.device.refusedDocs.toCollection().primaryKeys().then((keys) => new Set(keys))
        await write(await this.ids)
      })
      .catch((error: unknown) => {
        this.ids = null
        console.error('refused documents', error)
      })
  }
}
