import { describe, expect, it } from 'vitest'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from '../../i18n'
import { initialSyncState, syncStatus } from '../../domain/sync'
import { lastSyncedText, pendingText, phaseText, shortTime } from './syncText'

describe('sync words', () => {
  it('every phase, problem, verdict and journal outcome has a label in every language', () => {
    const wanted = [
      ...['online', 'offline', 'syncing', 'error', 'paused', 'notSetUp', 'needsPassword'].map((p) => `sync.phase.${p}`),
      ...['unreachable', 'wrongPassword', 'wrongStation', 'notSetUp', 'serverError', 'needsPassword'].map((p) => `sync.problem.${p}`),
      ...['ok', 'unreachable', 'wrongPassword', 'wrongStation', 'notSetUp'].map((v) => `sync.verdict.${v}`),
      ...['synced', 'offline', 'error', 'stopped'].map((o) => `sync.outcome.${o}`),
      ...['urlRequired', 'urlFormat', 'urlCredentials', 'stationCode', 'usernameRequired', 'passwordRequired', 'tooLong'].map((e) => `sync.error.${e}`),
    ]
    for (const language of LANGUAGES) {
      const known = new Set(keysOf(resourcesOf(language)))
      expect(wanted.filter((key) => !known.has(key))).toEqual([])
    }
  })

  it('says what the header shows', () => {
    const t = createI18n('zh-CN').t
    expect(phaseText(t, initialSyncState, false)).toBe('未设置中心同步')
    expect(phaseText(t, initialSyncState, true)).toBe('已停止同步')
    expect(pendingText(t, initialSyncState)).toBeNull()
    expect(phaseText(t, syncStatus(initialSyncState, { type: 'blocked', problem: 'needsPassword' }), true)).toBe('需要输入密码')
    const state = syncStatus(initialSyncState, { type: 'restore', lastSyncedAt: '2026-11-26T01:30:00.000Z', pending: 3 })
    expect(pendingText(t, state)).toBe('3 条未上传')
    expect(pendingText(t, { ...state, pending: 0 })).toBe('全部已上传')
    expect(pendingText(t, { ...state, pending: 10_001 })).toBe('超过 10000 条未上传')
    // Refused records are not waiting (the upload went past them) but are not "all uploaded" either.
    expect(pendingText(t, { ...state, pending: 0 }, 1)).toBe('1 条被中心拒收')
    expect(pendingText(t, state, 2)).toBe('3 条未上传 · 2 条被中心拒收')
    expect(lastSyncedText(t, state, '2026-11-26')).toBe('最近同步 09:30')
    expect(lastSyncedText(t, initialSyncState, '2026-11-26')).toBe('尚未同步过')
  })

  it('shows the time alone for today, the date too before (China time)', () => {
    expect(shortTime('2026-11-26T01:30:00.000Z', '2026-11-26')).toBe('09:30')
    expect(shortTime('2026-11-25T16:30:00.000Z', '2026-11-26')).toBe('00:30')
    expect(shortTime('2026-11-25T01:30:00.000Z', '2026-11-26')).toBe('2026-11-25 09:30')
  })
})
