import type { DeviceStore } from '../data/deviceStore'
import { settingsFor, type SyncSettings } from '../domain/sync'

// Sync settings kept on this device only (each desk is paired on its own); the password is not here.

const KEYS = {
  settings: 'sync.settings',
  autoStart: 'sync.autoStart',
  lastSyncedAt: 'sync.lastSyncedAt',
  pushed: 'sync.pushed',
  pulled: 'sync.pulled',
} as const

/** The saved settings if they are for this station, else null. */
export async function loadSyncSettings(device: DeviceStore, stationCode: string): Promise<SyncSettings | null> {
  return settingsFor(stationCode, await device.get<unknown>(KEYS.settings, null))
}

export async function saveSyncSettings(device: DeviceStore, settings: SyncSettings): Promise<void> {
  await device.set(KEYS.settings, settings)
}

/** Whether sync starts by itself when the app opens (on after 保存并开始同步, off after 停止同步). */
export const loadAutoStart = (device: DeviceStore) => device.get(KEYS.autoStart, false)
export const saveAutoStart = (device: DeviceStore, on: boolean) => device.set(KEYS.autoStart, on)

export const loadLastSyncedAt = (device: DeviceStore) => device.get<string | null>(KEYS.lastSyncedAt, null)
export const saveLastSyncedAt = (device: DeviceStore, at: string) => device.set(KEYS.lastSyncedAt, at)

/** The local sequence the push to `remote` has checkpointed: everything up to it is on that server. */
export async function loadPushedSeq(device: DeviceStore, remote: string): Promise<number | string> {
  const pushed = await device.get<{ remote: string; seq: number | string } | null>(KEYS.pushed, null)
  return pushed && pushed.remote === remote ? pushed.seq : 0
}

export const savePushedSeq = (device: DeviceStore, remote: string, seq: number | string) => device.set(KEYS.pushed, { remote, seq })

/** The central sequence the pull from `remote` has checkpointed: everything up to it is on this device. */
export async function loadPulledSeq(device: DeviceStore, remote: string): Promise<number | string> {
  const pulled = await device.get<{ remote: string; seq: number | string } | null>(KEYS.pulled, null)
  return pulled && pulled.remote === remote ? pulled.seq : 0
}

export const savePulledSeq = (device: DeviceStore, remote: string, seq: number | string) => device.set(KEYS.pulled, { remote, seq })
