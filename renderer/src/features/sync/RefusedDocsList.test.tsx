// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { leakingRoof } from '../../../../test/support/sampleNeeds'
import { paths } from '../../ui/paths'
import type { NeedDoc } from '../../domain/needs'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from '../../i18n'
import { STATION_DOC_TYPES, STATION_REFUSAL_REASONS } from '../../contract'
import { recordPath, refusalText } from './refusedText'
import { RefusedDocsList } from './RefusedDocsList'

// 被中心拒收的记录 on the sync page, with the real services: the list the syncs keep on this device
// (written here as they would write it; the syncs themselves: sync/stationSync.test.ts and
// test/integration/batchSync.test.ts).

const screens = screenTests()

const AT = '2026-11-26T01:30:00.000Z'

/** 张三's leaking roof, registered at the desk: number 20261123-001. */
async function registerRoof({ services, station }: Awaited<ReturnType<typeof screens.openStation>>): Promise<NeedDoc> {
  const registered = await services.needs.register(leakingRoof, { station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
  if (!registered.ok) throw new Error('need refused')
  return registered.value
}
const CASE_STEP = 'mediationStep:xinghe-01:01JCASE:01JSTEP'

describe('the list of records central refused', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('names each record, says why in plain words, leads to its page, and drops what has been uploaded since', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const need = await registerRoof(opened)
    await services.device.refusedDocs.bulkPut([
      { id: need._id, rev: need._rev!, reason: 'badShape: resident.phone is required', at: AT },
      { id: CASE_STEP, rev: '1-a', reason: 'wrongStation: stationId must be xinghe-01', at: AT },
      { id: 'oddity:xinghe-01:1', rev: '1-b', reason: 'unknownType: type "oddity" is not a document of a station', at: AT },
    ])

    renderScreen(services, { [paths.sync]: <RefusedDocsList />, '/needs/:id': <p>诉求详情</p> }, paths.sync)
    const list = await screen.findByTestId('refused-docs')
    expect(list.textContent).toContain('被中心拒收的记录（3 条）')

    // The ledger names the need once its read model has it: live, so wait for it.
    const needRow = (await within(list).findByText('诉求 20261123-001 · 张三')).closest('tr') as HTMLElement
    expect(needRow.textContent).toContain('缺少“联系电话”，请补填后保存')
    expect(needRow.textContent).toContain('服务器的说明：badShape: resident.phone is required')
    expect(needRow.textContent).toContain('2026-11-26 09:30')
    const stepLink = within(list).getByRole('link', { name: '调解案卷的办理步骤' })
    expect(stepLink.getAttribute('href')).toBe(paths.mediationCase('mediationCase:xinghe-01:01JCASE'))
    expect((within(list).getByText('记录 oddity:xinghe-01:1').closest('tr') as HTMLElement).textContent).toContain('中心服务器还不认识这类记录')
    expect(within(list).queryByRole('link', { name: /oddity/ })).toBeNull()

    // Uploaded since (the syncs take it off): gone without a reload.
    await services.device.refusedDocs.delete(CASE_STEP)
    await waitFor(() => expect(screen.getByTestId('refused-docs').textContent).toContain('被中心拒收的记录（2 条）'))
    expect(screen.queryByText('调解案卷的办理步骤')).toBeNull()

    // The way to the need's page, where 更正登记信息 is.
    fireEvent.click(screen.getByRole('link', { name: '诉求 20261123-001 · 张三' }))
    expect(await screen.findByText('诉求详情')).toBeTruthy()
  })

  it('shows nothing while nothing is refused', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    renderScreen(services, { [paths.sync]: <><p>中心同步</p><RefusedDocsList /></> }, paths.sync)
    expect(await screen.findByText('中心同步')).toBeTruthy()
    expect(screen.queryByTestId('refused-docs')).toBeNull()
  })

  it('has words for every reason central gives and every kind of record, in both languages', () => {
    const wanted = [
      ...STATION_REFUSAL_REASONS.map((reason) => `sync.refused.why.${reason}`),
      ...STATION_DOC_TYPES.map((type) => `sync.refused.type.${type}`),
      'sync.refused.why.missing',
      'sync.refused.why.other',
      'sync.refused.type.other',
    ]
    for (const language of LANGUAGES) {
      const known = new Set(keysOf(resourcesOf(language)))
      expect(wanted.filter((key) => !known.has(key)), language).toEqual([])
    }
    const en = createI18n('en').t
    expect(refusalText(en, 'need:x:1', 'badShape: resident.name is required')).toBe('“Resident\'s name” is missing: fill it in and save')
    expect(refusalText(en, 'need:x:1', 'something else')).toBe('The central server does not take this record')
    expect(recordPath('needEvent:xinghe-01:01JNEED:01JSTEP')).toBe(paths.need('need:xinghe-01:01JNEED'))
    expect(recordPath('station:xinghe-01')).toBe(paths.settings)
  })
})
