import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import {
  checkSyncForm,
  type SyncFieldError,
  type SyncForm,
  type SyncSettings,
  type ConnectionVerdict,
  type SyncState,
} from '../domain/sync'
import { sessionSecrets, shell } from '../shell/browserShell'
import { PasswordKeeper, type KeptWhere } from '../sync/passwordKeeper'
import { loadAutoStart, loadSyncSettings, saveAutoStart, saveSyncSettings } from '../sync/syncPrefs'
import { useStation } from './session'

// 中心同步 for the whole app: starts sync when the app opens (once settings are saved), and gives
// the header and the settings page the status and the commands.

export type SaveResult =
  | { ok: true; kept: KeptWhere; verdict: ConnectionVerdict }
  | { ok: false; errors: SyncFieldError[] }
  /** The server answered and said no: nothing was saved */
  | { ok: false; verdict: Exclude<ConnectionVerdict, 'ok' | 'unreachable'> }

export type TestResult = { ok: true; verdict: ConnectionVerdict } | { ok: false; errors: SyncFieldError[] }

export interface SyncControls {
  status: SyncState
  /** The saved settings, null until sync is set up */
  settings: SyncSettings | null
  /** A password is kept for this station (on the device or for this session) */
  hasPassword: boolean
  /** Checks the server, then saves the settings and password and starts syncing */
  saveAndStart(form: SyncForm): Promise<SaveResult>
  test(form: SyncForm): Promise<TestResult>
  /** Stops syncing, and no longer starts it with the app */
  stop(): Promise<void>
  /** 立即同步 (or 继续 with `resume`) with the saved settings and kept password; its progress is services.batch's */
  syncNow(resume: boolean): Promise<'started' | 'notSetUp' | 'needsPassword'>
}

const SyncContext = createContext<SyncControls | null>(null)

export function SyncProvider({ children }: { children: ReactNode }) {
  const { services, station } = useStation()
  const { sync, device } = services
  const code = station.code
  const keeper = useMemo(() => new PasswordKeeper(shell, device, sessionSecrets), [device])
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus)
  const [settings, setSettings] = useState<SyncSettings | null>(null)
  const [hasPassword, setHasPassword] = useState(false)
  // Effects run twice in development (StrictMode); sync is started once per app.
  const booted = useRef<string | null>(null)

  useEffect(() => {
    if (booted.current === code) return
    booted.current = code
    void (async () => {
      const saved = await loadSyncSettings(device, code)
      setSettings(saved)
      await sync.restore(saved)
      const password = saved ? await keeper.load(code) : null
      setHasPassword(password !== null)
      if (!saved || !(await loadAutoStart(device)) || sync.running) return
      if (password === null) sync.block('needsPassword')
      else await sync.start(saved, password)
    })()
  }, [code, device, keeper, sync])

  // The browser knows when the network comes back: try at once instead of waiting for the next retry.
  useEffect(() => {
    const online = () => sync.reconnectNow()
    window.addEventListener('online', online)
    return () => window.removeEventListener('online', online)
  }, [sync])

  /** The form's password, or the kept one when the clerk left the field empty. */
  const withPassword = useCallback(
    async (form: SyncForm): Promise<SyncForm> => (form.password ? form : { ...form, password: (await keeper.load(code)) ?? '' }),
    [keeper, code],
  )

  const test = useCallback(
    async (form: SyncForm): Promise<TestResult> => {
      const checked = checkSyncForm({ ...(await withPassword(form)), stationCode: code })
      if (!checked.ok) return checked
      return { ok: true, verdict: await sync.testConnection(checked.value.settings, checked.value.password) }
    },
    [sync, code, withPassword],
  )

  const saveAndStart = useCallback(
    async (form: SyncForm): Promise<SaveResult> => {
      const checked = checkSyncForm({ ...(await withPassword(form)), stationCode: code })
      if (!checked.ok) return checked
      const { settings: next, password } = checked.value
      const verdict = await sync.testConnection(next, password)
      // Unreachable is saved all the same: a station is often paired before its line works.
      if (verdict !== 'ok' && verdict !== 'unreachable') return { ok: false, verdict }
      await saveSyncSettings(device, next)
      const kept = await keeper.keep(code, password, next.remember)
      await saveAutoStart(device, true)
      setSettings(next)
      setHasPassword(true)
      await sync.start(next, password)
      return { ok: true, kept, verdict }
    },
    [sync, device, keeper, code, withPassword],
  )

  const stop = useCallback(async () => {
    await saveAutoStart(device, false)
    await sync.stop()
  }, [sync, device])

  const syncNow = useCallback(
    async (resume: boolean) => {
      if (!settings) return 'notSetUp' as const
      const password = await keeper.load(code)
      if (password === null) return 'needsPassword' as const
      void services.batch.run(settings, password, { resume }).catch((error: unknown) => console.error('batch sync', error))
      return 'started' as const
    },
    [settings, keeper, code, services.batch],
  )

  const value = useMemo(
    () => ({ status, settings, hasPassword, saveAndStart, test, stop, syncNow }),
    [status, settings, hasPassword, saveAndStart, test, stop, syncNow],
  )
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>
}

export function useSync(): SyncControls {
  const controls = useContext(SyncContext)
  if (!controls) throw new Error('useSync outside SyncProvider')
  return controls
}
