// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { paths } from '../../ui/paths'
import type { Services } from '../../app/startServices'
import type { NeedDoc, NeedFormInput } from '../../domain/needs'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from '../../i18n'
import { FIELD_LABEL_KEYS, fieldValueText } from './conflictText'
import { ConflictsLink } from './ConflictsLink'
import { ConflictsPage } from './ConflictsPage'
import { leakingRoof } from '../../../../test/support/sampleNeeds'

// 冲突处理 with the real services: a conflict made by really merging two versions of a need edited apart.

const form: NeedFormInput = leakingRoof

const screens = screenTests()

/** The need's phone changed on two computers apart: both versions land in one database, as sync leaves them. */
async function conflictedNeed(services: Services, need: NeedDoc): Promise<void> {
  const { _rev: baseRev, ...body } = need
  const baseHash = baseRev!.split('-')[1]!
  const version = (hash: string, phone: string, by: string, at: string, device: string) => ({
    ...body,
    resident: { ...need.resident, phone },
    updatedAt: at,
    updatedBy: by,
    fieldStamps: { 'resident.phone': { at, by, device, gen: 2 } },
    _rev: `2-${hash}`,
    _revisions: { start: 2, ids: [hash, baseHash] },
  })
  await services.db.bulkDocs(
    [
      version('a'.repeat(32), '13900139000', '王芳', '2026-11-24T02:00:00.000Z', 'desk'),
      version('b'.repeat(32), '13700137000', '李明', '2026-11-24T03:00:00.000Z', 'laptop'),
    ],
    { new_edits: false },
  )
  await services.conflictResolver.merge(need._id)
  await services.conflictResolver.idle()
}

describe('the conflict screen', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('lists a merged conflict with both values; choosing the other value updates the need and files the record as handled', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const registered = await services.needs.register(form, { station: opened.station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
    if (!registered.ok) throw new Error('need refused')
    const need = registered.value
    await conflictedNeed(services, need)
    const [record] = await services.conflicts.list()
    expect(record).toMatchObject({ docId: need._id, status: 'open' })

    renderScreen(services, { [paths.conflicts]: <ConflictsPage /> }, paths.conflicts)
    const card = (await screen.findByText(/诉求 20261123-001 · 张三/)).closest('[data-conflict-id]') as HTMLElement
    expect(card.getAttribute('data-status')).toBe('open')
    const phone = within(card).getByRole('group', { name: '联系电话' })
    // The newest edit (李明's) was kept; 王芳's is the other computer's.
    const kept = within(phone).getByRole('radio', { name: /保留的值/ }) as HTMLInputElement
    const other = within(phone).getByRole('radio', { name: /另一台电脑上的值/ }) as HTMLInputElement
    expect(kept.closest('label')?.textContent).toContain('13700137000')
    expect(kept.closest('label')?.textContent).toContain('李明 修改于 2026-11-24 11:00')
    expect(other.closest('label')?.textContent).toContain('13900139000')
    expect(other.closest('label')?.textContent).toContain('王芳 修改于 2026-11-24 10:00')
    expect(kept.checked).toBe(true)
    expect(card.textContent).toContain('修改人：李明、王芳')

    fireEvent.click(other)
    await waitFor(() => expect(other.checked).toBe(true))
    fireEvent.click(within(card).getByRole('button', { name: '确认处理' }))

    expect(await screen.findByText('已处理，选定的值已保存')).toBeTruthy()
    await waitFor(async () => expect((await services!.needs.get(need._id))?.resident.phone).toBe('13900139000'))
    // Filed under 已处理 (folded away), and nothing is left to handle.
    expect(await screen.findByTestId('no-open-conflicts')).toBeTruthy()
    const resolved = await screen.findByTestId('resolved-conflicts')
    expect(resolved.textContent).toContain('已处理（1）')
    expect(screen.queryByRole('button', { name: '确认处理' })).toBeNull()
    const [after] = await services.conflicts.list()
    expect(after).toMatchObject({ status: 'resolved', resolution: { by: '王芳', choices: { 'resident.phone': 0 } } })
  })

  it('says in the user’s language why a record cannot be handled, and leaves it open', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    const registered = await services.needs.register(form, { station: opened.station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
    if (!registered.ok) throw new Error('need refused')
    await conflictedNeed(services, registered.value)
    renderScreen(services, { [paths.conflicts]: <ConflictsPage /> }, paths.conflicts)
    const button = await screen.findByRole('button', { name: '确认处理' })
    // The need is gone meanwhile (nothing in the app deletes one: the worst case).
    const current = await services.db.get(registered.value._id)
    await services.db.remove(current)
    fireEvent.click(button)
    expect((await screen.findByRole('alert')).textContent).toBe('冲突涉及的记录已不存在，无法处理')
    expect((await services.conflicts.list())[0]?.status).toBe('open')
  })

  it('the sync page’s link counts the open conflicts and leads to them', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    renderScreen(services, { [paths.sync]: <ConflictsLink />, [paths.conflicts]: <ConflictsPage /> }, paths.sync)
    expect((await screen.findByTestId('conflicts-link')).textContent).toContain('没有待处理的冲突')
    const registered = await services.needs.register(form, { station: opened.station, by: '王芳', at: '2026-11-23T01:05:00.000Z' })
    if (!registered.ok) throw new Error('need refused')
    await conflictedNeed(services, registered.value)
    // The record arrives as sync would bring it: the link follows without a reload.
    await waitFor(() => expect(screen.getByTestId('conflicts-link').textContent).toContain('有 1 条冲突需要核实处理'))
    fireEvent.click(screen.getByRole('button', { name: '查看冲突记录' }))
    expect(await screen.findByRole('button', { name: '确认处理' })).toBeTruthy()
  })

  it('has a label for every field people edit and a message for every refusal, in both languages', () => {
    const wanted = [
      ...Object.values(FIELD_LABEL_KEYS).flatMap((labels) => Object.values(labels)),
      ...['notFound', 'alreadyResolved', 'docGone', 'badChoice'].map((e) => `conflict.error.${e}`),
    ]
    for (const language of LANGUAGES) {
      const known = new Set(keysOf(resourcesOf(language)))
      expect(wanted.filter((key) => !known.has(key)), language).toEqual([])
    }
  })

  it('shows values readably: category names, terms, lists, masked ID numbers, nothing as —', () => {
    const i18n = createI18n('zh-CN')
    const text = (field: string, value: unknown) => fieldValueText(i18n.t, 'zh-CN', field, value)
    expect(text('categoryItem', 'elderly.daily-care')).toBe('为老 / 生活照料')
    expect(text('channel', 'gridVisit')).toBe('网格走访')
    expect(text('urgency', 'critical')).toBe('特急')
    expect(text('deadlineMode', 'working')).toBe('工作日（按法定节假日和调休）')
    expect(text('deadlineDays', 5)).toBe('5 天')
    expect(text('villages', ['星河村', '东风村'])).toBe('星河村、东风村')
    expect(text('resident.idCard', '11010519491231002X')).toBe('110105********002X')
    expect(text('address', '')).toBe('—')
    expect(text('resident.idCard', null)).toBe('—')
  })
})
