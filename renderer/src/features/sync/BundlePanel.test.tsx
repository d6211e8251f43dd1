import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { App } from 'antd'
import PouchDB from 'pouchdb-browser'
import memoryAdapter from 'pouchdb-adapter-memory'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import { openLocalDb } from '../../data/localDb'
import { startServices } from '../../app/startServices'
import { BUNDLE_ERRORS, bundleErrorMessage } from '../../contract'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from '../../i18n'
import { BundlePanel } from './BundlePanel'

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' }) as PouchDB.Static

// The session provider waits for its station in an effect, which a server render never runs: the
// panel is given the session directly.
const session = vi.hoisted(() => ({ current: null as unknown }))
vi.mock('../../ui/session', () => ({ useStation: () => session.current }))

describe('the bundle panel', () => {
  it('has a message for every verdict and every key it uses, in both languages', () => {
    const source = readFileSync(join(import.meta.dirname, 'BundlePanel.tsx'), 'utf8')
    const used = [...source.matchAll(/'(bundle\.[a-zA-Z.]+)'/g)].map((m) => m[1]!)
    const wanted = [...new Set([...used, ...BUNDLE_ERRORS.map(bundleErrorMessage), 'bundle.error.writeFailed', 'bundle.error.unexpected'])]
    expect(used.length).toBeGreaterThan(10)
    for (const language of LANGUAGES) {
      const known = new Set(keysOf(resourcesOf(language)))
      expect(wanted.filter((key) => !known.has(key)), language).toEqual([])
    }
  })

  it('shows its three actions before anything was exported', async () => {
    const id = `panel-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
    const services = await startServices({ db: id, readModel: `${id}-read`, device: `${id}-device` }, openLocalDb(id, MemoryPouch))
    try {
      const saved = await services.stations.save(
        { name: '星河驿站', code: 'xinghe-01', phone: '', villages: ['星河村'], staff: ['王芳'], deadlineDays: 3, deadlineMode: 'calendar' },
        { by: '王芳', at: '2026-11-23T01:00:00.000Z' },
      )
      session.current = { services, station: saved.ok ? saved.value : null }
      const html = renderToString(
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <App>
            <BundlePanel />
          </App>
        </I18nextProvider>,
      )
      expect(html).toContain('导出同步包')
      expect(html).toContain('导入同步包')
      expect(html).toContain('标记为中心已接收')
    } finally {
      await services.close()
    }
  })
})
