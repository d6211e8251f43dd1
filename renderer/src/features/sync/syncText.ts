import type { TFunction } from 'i18next'
import { localDate, localDateTime } from '../../domain/calendar'
import type { SyncState } from '../../domain/sync'
import { PENDING_CAP } from '../../sync/stationSync'

// The words for the sync status, shared by the header and the sync page.

/** 已同步 / 离线 / …; "not set up" when there are no settings yet. */
export function phaseText(t: TFunction, status: SyncState, configured: boolean): string {
  if (!configured && !status.running) return t('sync.phase.notSetUp')
  if (status.problem === 'needsPassword') return t('sync.phase.needsPassword')
  return t(`sync.phase.${status.phase}`)
}

/** "09:30" today, "2026-11-25 09:30" before (China time). */
export function shortTime(iso: string, today: string): string {
  const full = localDateTime(iso)
  return localDate(iso) === today ? full.slice(11) : full
}

export function lastSyncedText(t: TFunction, status: SyncState, today: string): string {
  return status.lastSyncedAt ? t('sync.indicator.last', { time: shortTime(status.lastSyncedAt, today) }) : t('sync.indicator.never')
}

/**
 * What waits for upload, and the records central refused (not counted as waiting: the upload has gone
 * past them until they are corrected); null when nothing is counted (sync not set up).
 */
export function pendingText(t: TFunction, status: SyncState, refused = 0): string | null {
  if (status.pending === null) return null
  const refusedText = refused > 0 ? t('sync.indicator.refused', { count: refused }) : null
  if (status.pending === 0) return refusedText ?? t('sync.indicator.allUploaded')
  const waiting =
    status.pending > PENDING_CAP ? t('sync.indicator.pendingMore', { count: PENDING_CAP }) : t('sync.indicator.pending', { count: status.pending })
  return refusedText ? `${waiting} · ${refusedText}` : waiting
}
