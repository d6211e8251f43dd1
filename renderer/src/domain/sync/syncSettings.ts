import { z } from 'zod'
import { defaultSyncUsername, STATION_CODE, stationDbName } from '../station'

// 中心同步 settings: where the central CouchDB is and who this station is there. The password is
// checked here but never stored with the rest (see sync/passwordKeeper.ts).

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

export const syncFormSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'sync.error.urlRequired')
    .max(500, 'sync.error.tooLong')
    .refine((text) => {
      const url = parseUrl(text)
      return !!url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
    }, 'sync.error.urlFormat')
    // The password goes with every request: over plain http only to this very computer (the desktop
    // app's CSP allows nothing else either).
    .refine((text) => {
      const url = parseUrl(text)
      return !url || url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    }, 'sync.error.urlInsecure')
    // A password in the address would be stored in plain text and shown on screen.
    .refine((text) => {
      const url = parseUrl(text)
      return !url || (url.username === '' && url.password === '')
    }, 'sync.error.urlCredentials')
    .refine((text) => {
      const url = parseUrl(text)
      return !url || (url.search === '' && url.hash === '')
    }, 'sync.error.urlFormat'),
  stationCode: z.string().regex(STATION_CODE, 'sync.error.stationCode'),
  username: z.string().trim().min(1, 'sync.error.usernameRequired').max(100, 'sync.error.tooLong'),
  // Not trimmed: spaces may be part of a password.
  password: z.string().min(1, 'sync.error.passwordRequired').max(200, 'sync.error.tooLong'),
  remember: z.boolean(),
})

export type SyncForm = z.input<typeof syncFormSchema>

/** What is kept on this device (never synced); the password is kept apart. */
export interface SyncSettings {
  /** The central server's address, normalised to end with '/' */
  url: string
  stationCode: string
  username: string
  /** The clerk chose to keep the password on this device */
  remember: boolean
}

export interface SyncFieldError {
  field: keyof SyncForm
  /** i18n key */
  message: string
}

export type CheckedSyncForm = { ok: true; value: { settings: SyncSettings; password: string } } | { ok: false; errors: SyncFieldError[] }

/** Validates the form; every problem at once, one per field. */
export function checkSyncForm(input: SyncForm): CheckedSyncForm {
  const parsed = syncFormSchema.safeParse(input)
  if (!parsed.success) {
    const errors: SyncFieldError[] = []
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SyncForm
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message })
    }
    return { ok: false, errors }
  }
  const { url, stationCode, username, password, remember } = parsed.data
  return { ok: true, value: { settings: { url: normalizeServerUrl(url), stationCode, username, remember }, password } }
}

/** The server's address as a base for relative URLs: no trailing file part is lost ('…/couch' → '…/couch/'). */
export function normalizeServerUrl(text: string): string {
  const url = new URL(text.trim())
  url.pathname = url.pathname.replace(/\/+$/, '') + '/'
  return url.toString()
}

/** The address of the station's central database. */
export const stationDbUrl = (settings: Pick<SyncSettings, 'url' | 'stationCode'>): string =>
  new URL(stationDbName(settings.stationCode), normalizeServerUrl(settings.url)).toString()

/**
 * The form as it opens: saved settings if any, else the defaults for this station. Keeping the
 * password is offered ticked where it is encrypted by the OS (the desktop app), unticked in a browser.
 */
export function initialSyncForm(stationCode: string, saved: SyncSettings | null, rememberByDefault = false): SyncForm {
  return {
    url: saved?.url ?? '',
    stationCode,
    // Settings saved for another station code (a re-installed desk) do not carry over the user.
    username: saved && saved.stationCode === stationCode ? saved.username : defaultSyncUsername(stationCode),
    password: '',
    remember: saved?.remember ?? rememberByDefault,
  }
}

/** Saved settings as the sync runs them: null when they belong to another station code. */
export function settingsFor(stationCode: string, saved: unknown): SyncSettings | null {
  const checked = z
    .object({ url: z.string(), stationCode: z.string(), username: z.string(), remember: z.boolean() })
    .safeParse(saved)
  if (!checked.success || checked.data.stationCode !== stationCode) return null
  const form = checkSyncForm({ ...checked.data, password: 'x' })
  return form.ok ? form.value.settings : null
}
