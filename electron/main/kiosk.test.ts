import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KIOSK_SETTING_FILE, kioskFromArgv, kioskFromSetting, readKioskSetting, resolveKiosk } from './kiosk'

describe('kioskFromArgv', () => {
  it('reads --kiosk and --no-kiosk, last one wins', () => {
    expect(kioskFromArgv(['/opt/app/tongxin', '--kiosk'])).toBe(true)
    expect(kioskFromArgv(['/opt/app/tongxin', '--no-kiosk'])).toBe(false)
    expect(kioskFromArgv(['app', '--kiosk', '--no-kiosk'])).toBe(false)
    expect(kioskFromArgv(['app'])).toBeUndefined()
  })

  it('ignores look-alikes and anything after --', () => {
    expect(kioskFromArgv(['app', '--kiosk=false', 'kiosk', '-kiosk'])).toBeUndefined()
    expect(kioskFromArgv(['app', '--', '--kiosk'])).toBeUndefined()
  })
})

describe('kioskFromSetting', () => {
  it('is on only for a literal {"kiosk": true}', () => {
    expect(kioskFromSetting('{"kiosk": true}')).toBe(true)
    expect(kioskFromSetting('{"kiosk": false}')).toBe(false)
    expect(kioskFromSetting('{"kiosk": "true"}')).toBe(false)
    expect(kioskFromSetting('{"kiosk": 1}')).toBe(false)
    expect(kioskFromSetting('true')).toBe(false)
    expect(kioskFromSetting('null')).toBe(false)
    expect(kioskFromSetting('{kiosk: true')).toBe(false)
    expect(kioskFromSetting('')).toBe(false)
    expect(kioskFromSetting(undefined)).toBe(false)
  })
})

describe('resolveKiosk', () => {
  it('lets the command line override the setting file', () => {
    expect(resolveKiosk(['app'], '{"kiosk": true}')).toBe(true)
    expect(resolveKiosk(['app', '--no-kiosk'], '{"kiosk": true}')).toBe(false)
    expect(resolveKiosk(['app', '--kiosk'], undefined)).toBe(true)
    expect(resolveKiosk(['app'], undefined)).toBe(false)
  })
})

describe('readKioskSetting', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('reads kiosk.json from the user data folder, undefined when absent', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-'))
    expect(readKioskSetting(dir)).toBeUndefined()
    writeFileSync(join(dir, KIOSK_SETTING_FILE), '{"kiosk": true}')
    expect(resolveKiosk([], readKioskSetting(dir))).toBe(true)
  })
})
