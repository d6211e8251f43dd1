import type { DeviceStore } from '../data/deviceStore'
import type { SecretStore, ShellApi } from '../shell/shellApi'

// Where the central server's password is kept:
// - Electron: encrypted by the OS (safeStorage) when the clerk keeps it; else for this session only.
// - Browser: for this tab's session only (sessionStorage), unless the clerk chose to remember it on
//   this device — then in the device's IndexedDB, NOT encrypted (the settings page says so).

export type KeptWhere = 'device' | 'session'

const keyOf = (stationCode: string) => `sync.password:${stationCode}`

export class PasswordKeeper {
  constructor(
    private readonly shell: Pick<ShellApi, 'platform' | 'secrets'>,
    private readonly device: DeviceStore,
    /** This session's store (the browser's sessionStorage) */
    private readonly session: SecretStore,
  ) {}

  /** Keeps the password where the clerk chose; 'session' when it could not be kept longer. */
  async keep(stationCode: string, password: string, remember: boolean): Promise<KeptWhere> {
    const key = keyOf(stationCode)
    if (remember) {
      if (this.shell.platform === 'electron') {
        if (await this.shell.secrets.save(key, password)) {
          await this.session.remove(key)
          return 'device'
        }
        // No OS encryption here: fall back to the session rather than a file in clear.
      } else {
        await this.device.set(key, password)
        await this.session.remove(key)
        return 'device'
      }
    } else {
      await this.forgetOnDevice(key)
    }
    await this.session.save(key, password)
    return 'session'
  }

  async load(stationCode: string): Promise<string | null> {
    const key = keyOf(stationCode)
    const kept = await this.session.load(key)
    if (kept !== null) return kept
    if (this.shell.platform === 'electron') return this.shell.secrets.load(key)
    return this.device.get<string | null>(key, null)
  }

  async forget(stationCode: string): Promise<void> {
    const key = keyOf(stationCode)
    await this.forgetOnDevice(key)
    await this.session.remove(key)
  }

  private async forgetOnDevice(key: string): Promise<void> {
    if (this.shell.platform === 'electron') await this.shell.secrets.remove(key)
    else await this.device.prefs.delete(key)
  }
}
