// Kiosk mode decision. No 'electron' import so it can be unit-tested under plain Node.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const KIOSK_SETTING_FILE = 'kiosk.json'

/** true for --kiosk, false for --no-kiosk (a technician's way out of a kiosk.json), undefined if absent. */
export function kioskFromArgv(argv: readonly string[]): boolean | undefined {
  let result: boolean | undefined
  for (const arg of argv) {
    if (arg === '--') break
    if (arg === '--kiosk') result = true
    else if (arg === '--no-kiosk') result = false
  }
  return result
}

/** Only a literal `{"kiosk": true}` turns kiosk on; anything unreadable means off, so a typo cannot lock a desk. */
export function kioskFromSetting(text: string | undefined): boolean {
  if (text === undefined) return false
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && (value as { kiosk?: unknown }).kiosk === true
  } catch {
    return false
  }
}

export function resolveKiosk(argv: readonly string[], settingText: string | undefined): boolean {
  return kioskFromArgv(argv) ?? kioskFromSetting(settingText)
}

/** The setting file's text, or undefined when it does not exist or cannot be read. */
export function readKioskSetting(userDataDir: string): string | undefined {
  try {
    return readFileSync(join(userDataDir, KIOSK_SETTING_FILE), 'utf8')
  } catch {
    return undefined
  }
}
