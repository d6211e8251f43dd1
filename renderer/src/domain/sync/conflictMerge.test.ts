import { describe, expect, it } from 'vitest'
import {
  chosenValues,
  CONFLICT_RULE,
  conflictRecord,
  mergeLeaves,
  mergeRuleFor,
  resolvedConflict,
  type LeafDoc,
} from './conflictMerge'
import { fieldValue, stampEdit, withFieldValue, type Editor } from '../records'
import { NEED_EDITABLE_FIELDS, type NeedDoc } from '../needs'

const NEED_RULE = mergeRuleFor('need')!

const registered: NeedDoc = {
  _id: 'need:XF:01J0000000000000000000000A',
  _rev: '1-r1',
  type: 'need',
  schemaVersion: 1,
  stationId: 'XF',
  createdAt: '2026-11-20T01:00:00.000Z',
  createdBy: '王芳',
  updatedAt: '2026-11-20T01:00:00.000Z',
  updatedBy: '王芳',
  number: '20261120-001',
  registeredAt: '2026-11-20T01:00:00.000Z',
  resident: { name: '张三', phone: '13800000000' },
  village: '幸福村',
  address: '一组 3 号',
  categoryItem: 'elderly.care',
  channel: 'window',
  urgency: 'normal',
  description: '屋顶漏雨',
  dueDate: '2026-11-23',
}

const deskA: Editor = { by: '王芳', at: '', device: 'device-a' }
const deskB: Editor = { by: '李明', at: '', device: 'device-b' }

/** `doc` edited at `at` on a computer, stored as revision `rev` on top of `history` (newest first). */
function edit(doc: LeafDoc<NeedDoc>, changes: Record<string, unknown>, editor: Editor, at: string, rev: string) {
  let next = doc as NeedDoc
  for (const [field, value] of Object.entries(changes)) next = withFieldValue(next, field, value)
  const { doc: stamped } = stampEdit(doc, next, NEED_EDITABLE_FIELDS, { ...editor, at })
  const history = doc._revisions ?? { start: 1, ids: [doc._rev.split('-')[1]!] }
  const [gen, id] = rev.split('-')
  return {
    ...stamped,
    _rev: rev,
    _revisions: { start: Number(gen), ids: [id!, ...history.ids] },
  } as LeafDoc<NeedDoc>
}

const base = { ...registered, _revisions: { start: 1, ids: ['r1'] } } as LeafDoc<NeedDoc>

describe('merging two versions of a need edited apart', () => {
  it('keeps both edits when the two computers changed different fields', () => {
    const a = edit(base, { 'resident.phone': '13900000000' }, deskA, '2026-11-21T02:00:00.000Z', '2-aa')
    const b = edit(base, { address: '二组 8 号' }, deskB, '2026-11-21T03:00:00.000Z', '2-bb')
    const plan = mergeLeaves([b, a], NEED_RULE)
    expect(plan.merged?.resident.phone).toBe('13900000000')
    expect(plan.merged?.address).toBe('二组 8 号')
    expect(plan.losingRevs).toEqual(['2-aa'])
    expect(plan.contested).toEqual([])
    expect(conflictRecord([b, a], plan)).toBeNull()
  })

  it('takes the newest edit of a field both changed and keeps the other value as contested', () => {
    const a = edit(base, { 'resident.phone': '13900000000' }, deskA, '2026-11-21T05:00:00.000Z', '2-aa')
    const b = edit(base, { 'resident.phone': '13700000000' }, deskB, '2026-11-21T03:00:00.000Z', '2-bb')
    const plan = mergeLeaves([b, a], NEED_RULE)
    expect(plan.merged?.resident.phone).toBe('13900000000')
    expect(plan.contested).toHaveLength(1)
    expect(plan.contested[0]).toMatchObject({
      field: 'resident.phone',
      kept: { rev: '2-aa', value: '13900000000', stamp: { by: '王芳', device: 'device-a' } },
      others: [{ rev: '2-bb', value: '13700000000', stamp: { by: '李明' } }],
    })
    const record = conflictRecord([b, a], plan)!
    expect(record).toMatchObject({ type: 'conflict', docId: registered._id, status: 'open', losingRevs: ['2-aa'] })
    expect(record.losingDocs).toHaveLength(1)
  })

  it('is the same merge whichever version PouchDB shows first, so two computers write one document', () => {
    const a = edit(base, { 'resident.phone': '139', description: '屋顶漏雨，墙裂' }, deskA, '2026-11-21T03:00:00.000Z', '2-aa')
    const b = edit(base, { 'resident.phone': '137' }, deskB, '2026-11-21T03:00:00.000Z', '2-bb')
    const one = mergeLeaves([a, b], NEED_RULE)
    const other = mergeLeaves([b, a], NEED_RULE)
    for (const field of NEED_EDITABLE_FIELDS) {
      expect(fieldValue(one.merged ?? a, field)).toEqual(fieldValue(other.merged ?? b, field))
    }
    // Same time: the computer's id breaks the tie.
    expect(fieldValue(one.merged ?? a, 'resident.phone')).toBe('137')
    expect(JSON.stringify(mergeLeaves([a, b], NEED_RULE))).toBe(JSON.stringify(mergeLeaves([a, b], NEED_RULE)))
  })

  it('does not call a value lost when the other side only still had it from before they parted', () => {
    // A corrects the phone; both sync; then B corrects it again while A edits the address.
    const shared = edit(base, { 'resident.phone': '139' }, deskA, '2026-11-21T01:00:00.000Z', '2-s2')
    const a = edit(shared, { address: '二组 8 号' }, deskA, '2026-11-22T01:00:00.000Z', '3-aa')
    const b = edit(shared, { 'resident.phone': '136' }, deskB, '2026-11-21T09:00:00.000Z', '3-bb')
    const plan = mergeLeaves([b, a], NEED_RULE)
    expect(plan.merged?.resident.phone).toBe('136')
    expect(plan.merged?.address).toBe('二组 8 号')
    expect(plan.contested).toEqual([])
  })

  it('keeps a value for review when versions differ and neither says who edited it', () => {
    const a = { ...base, _rev: '2-aa', urgency: 'urgent', _revisions: { start: 2, ids: ['aa', 'r1'] } } as LeafDoc<NeedDoc>
    const b = { ...base, _rev: '2-bb', urgency: 'critical', _revisions: { start: 2, ids: ['bb', 'r1'] } } as LeafDoc<NeedDoc>
    const plan = mergeLeaves([b, a], NEED_RULE)
    expect(plan.contested.map((c) => c.field)).toEqual(['urgency'])
  })

  it('writes nothing new when the shown version already holds every newest value', () => {
    const a = edit(base, { 'resident.phone': '139' }, deskA, '2026-11-21T01:00:00.000Z', '2-aa')
    const b = edit(a, { address: '三组' }, deskB, '2026-11-21T02:00:00.000Z', '3-bb')
    const stale = { ...a, _rev: '2-cc', _revisions: { start: 2, ids: ['cc', 'r1'] } } as LeafDoc<NeedDoc>
    const plan = mergeLeaves([b, stale], NEED_RULE)
    expect(plan.merged).toBeNull()
    expect(plan.losingRevs).toEqual(['2-cc'])
  })
})

describe('resolving a conflict record', () => {
  const a = edit(base, { 'resident.phone': '139' }, deskA, '2026-11-21T05:00:00.000Z', '2-aa')
  const b = edit(base, { 'resident.phone': '137' }, deskB, '2026-11-21T03:00:00.000Z', '2-bb')
  const record = conflictRecord([b, a], mergeLeaves([b, a], NEED_RULE))!

  it('gives the value the technician picked for each contested field', () => {
    expect(chosenValues(record, {}).get('resident.phone')).toBe('139')
    expect(chosenValues(record, { 'resident.phone': 0 }).get('resident.phone')).toBe('137')
    expect(() => chosenValues(record, { 'resident.phone': 5 })).toThrow()
  })

  it('marks it resolved, and a resolution wins over a copy still open elsewhere', () => {
    const stored = { ...record, _rev: '1-c1', _revisions: { start: 1, ids: ['c1'] } } as LeafDoc<typeof record>
    const resolved = resolvedConflict(stored, { 'resident.phone': 0 }, { ...deskB, at: '2026-11-23T01:00:00.000Z' })
    expect(resolved.status).toBe('resolved')
    expect(resolved.resolution?.choices).toEqual({ 'resident.phone': 0 })
    const leaf = { ...resolved, _rev: '2-c2', _revisions: { start: 2, ids: ['c2', 'c1'] } } as LeafDoc<typeof record>
    const open = { ...stored, _rev: '2-c3', _revisions: { start: 2, ids: ['c3', 'c1'] } } as LeafDoc<typeof record>
    const plan = mergeLeaves([open, leaf], CONFLICT_RULE)
    expect(plan.merged?.status).toBe('resolved')
  })
})
