import type { DeviceStore, SyncJournalEntry } from '../data/deviceStore'
import type { SyncRun } from '../domain/sync'

// The device's own record of sync runs (never synced): when, documents up and down, errors.

export const JOURNAL_LIMIT = 500

/** Adds a run and drops the oldest beyond `limit`. */
export async function appendRun(device: DeviceStore, run: SyncRun, limit = JOURNAL_LIMIT): Promise<void> {
  const { startedAt, ...rest } = run
  await device.transaction('rw', device.syncJournal, async () => {
    await device.syncJournal.add({ at: startedAt, ...rest })
    const extra = (await device.syncJournal.count()) - limit
    if (extra > 0) await device.syncJournal.bulkDelete(await device.syncJournal.orderBy('id').limit(extra).primaryKeys())
  })
}

/** The latest runs, newest first. */
export function recentRuns(device: DeviceStore, count = 20): Promise<SyncJournalEntry[]> {
  return device.syncJournal.orderBy('id').reverse().limit(count).toArray()
}
