import { App } from 'antd'
import type { TFunction } from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import type { SyncSettings, SyncProblem } from '../../domain/sync'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from '../../i18n'
import { initialBatchState, type BatchState, type BatchStep } from '../../sync/batchSync'
import { batchPercent, batchProgressText, BatchSyncPanel, batchStepText } from './BatchSyncPanel'

// The panel's words and what it shows in each state (the runs themselves: test/integration/batchSync.test.ts).

const context = vi.hoisted(() => ({ station: null as unknown, sync: null as unknown }))
vi.mock('../../ui/session', () => ({ useStation: () => context.station }))
vi.mock('../../ui/syncContext', () => ({ useSync: () => context.sync }))

const T0 = 1_800_000_000_000
const SETTINGS: SyncSettings = { url: 'https://zhongxin.example.gov.cn:6984', stationCode: 'xinghe-01', username: 'station-xinghe-01', remember: true }
const REMOTE = 'https://zhongxin.example.gov.cn:6984/station-xinghe-01'

const running = (over: Partial<BatchState> = {}): BatchState => ({
  ...initialBatchState,
  phase: 'running',
  step: 'push',
  total: 600,
  done: 200,
  remote: REMOTE,
  samples: [
    { at: T0, done: 0 },
    { at: T0 + 10_000, done: 100 },
    { at: T0 + 20_000, done: 200 },
  ],
  ...over,
})

function render(state: BatchState, language: 'zh-CN' | 'en' = 'zh-CN', sync: Partial<{ settings: SyncSettings | null; hasPassword: boolean }> = {}): string {
  const batch = {
    getState: () => state,
    subscribe: () => () => undefined,
    canResume: () => (state.phase === 'cancelled' || state.phase === 'failed') && state.remote === REMOTE,
    cancel: () => undefined,
  }
  context.station = { services: { batch } }
  context.sync = { settings: SETTINGS, hasPassword: true, syncNow: async () => 'started', ...sync }
  return renderToString(
    <I18nextProvider i18n={createI18n(language)}>
      <App>
        <BatchSyncPanel />
      </App>
    </I18nextProvider>,
  )
}

describe('立即同步 words', () => {
  it('every step and every problem has its message, in both languages', () => {
    const steps: BatchStep[] = ['push', 'pull', 'settle']
    const problems: SyncProblem[] = ['unreachable', 'wrongPassword', 'wrongStation', 'notSetUp', 'serverError', 'needsPassword']
    const wanted = [
      ...steps.map((step) => `sync.batch.step.${step}`),
      ...problems.map((problem) => `sync.batch.problem.${problem}`),
      'sync.batch.step.counting',
      'sync.batch.step.cancelling',
    ]
    for (const language of LANGUAGES) {
      const known = new Set(keysOf(resourcesOf(language)))
      expect(wanted.filter((key) => !known.has(key)), language).toEqual([])
    }
  })

  it('says how much is done of how much, and the minutes left', () => {
    const t = createI18n('zh-CN').t as TFunction
    // 20 a second over the last 20 s, 400 to go: 20 s, under a minute.
    expect(batchProgressText(t, running(), T0 + 20_000)).toBe('已完成 200 / 共 600 条，预计不到 1 分钟')
    // Slower: 200 in 200 s, 400 to go at 1 a second → 7 minutes.
    const slow = running({ samples: [{ at: T0, done: 0 }, { at: T0 + 200_000, done: 200 }] })
    expect(batchProgressText(t, slow, T0 + 200_000)).toBe('已完成 200 / 共 600 条，预计还需 7 分钟')
    // Too early to tell.
    expect(batchProgressText(t, running({ samples: [{ at: T0, done: 200 }] }), T0 + 500)).toBe('已完成 200 / 共 600 条，正在估算剩余时间')
    // Cancelled: the count, no time.
    expect(batchProgressText(t, running({ phase: 'cancelled' }), T0 + 20_000)).toBe('已完成 200 / 共 600 条')
    const en = createI18n('en').t as TFunction
    expect(batchProgressText(en, slow, T0 + 200_000)).toBe('200 of 600 done, about 7 min left')
    expect(batchStepText(t, running({ step: 'pull' }))).toBe('第 2 步：接收中心的更新')
    expect(batchStepText(t, { ...initialBatchState, phase: 'done' })).toBeNull()
  })

  it('fills the bar to 100 only once done', () => {
    expect(batchPercent(running(), T0 + 20_000)).toBe(33)
    // More done than counted (written meanwhile): nearly full, not full.
    expect(batchPercent(running({ done: 700, samples: [{ at: T0, done: 700 }] }), T0)).toBe(99)
    expect(batchPercent({ ...initialBatchState, phase: 'done', total: 0 }, T0)).toBe(100)
    expect(batchPercent({ ...initialBatchState, phase: 'counting' }, T0)).toBe(0)
  })
})

describe('the 立即同步 panel', () => {
  it('offers 立即同步 before any run', () => {
    const html = render(initialBatchState)
    expect(html).toContain('<span>立即同步</span>')
    expect(html).not.toContain('data-testid="batch-progress"')
  })

  it('asks for the connection settings first when there are none', () => {
    const html = render(initialBatchState, 'zh-CN', { settings: null })
    expect(html).toContain('连接设置')
    expect(html).toMatch(/<button[^>]*disabled/)
  })

  it('shows progress and 取消 while it runs, and that the live sync waits', () => {
    const html = render(running({ livePaused: true }))
    expect(html).toContain('第 1 步：上传本站记录')
    expect(html).toContain('已完成 200 / 共 600 条')
    expect(html).toContain('<span>取消</span>')
    expect(html).toContain('自动同步先暂停')
    expect(html).not.toContain('<span>继续</span>')
  })

  it('offers 继续 after a cancel, and says what was kept', () => {
    const html = render(running({ phase: 'cancelled' }))
    expect(html).toContain('<span>继续</span>')
    expect(html).not.toContain('<span>取消</span>')
    expect(html).toContain('已完成的 200 条都已保存')
  })

  it('says why a run failed, in the clerk’s words', () => {
    const html = render(running({ phase: 'failed', problem: 'unreachable' }))
    expect(html).toContain('连不上中心服务器')
    expect(html).toContain('<span>继续</span>')
    expect(render(running({ phase: 'failed', problem: 'unreachable' }), 'en')).toContain('Cannot reach the central server')
  })

  it('says when there was nothing to do', () => {
    expect(render({ ...initialBatchState, phase: 'done', total: 0, remote: REMOTE })).toContain('已经是最新的')
    expect(render({ ...initialBatchState, phase: 'done', total: 601, done: 601, up: 600, down: 1, remote: REMOTE })).toContain('上传 600 条，接收 1 条')
  })
})
