import { describe, expect, it } from 'vitest'
import { keysOf, resourcesOf } from '../../i18n'
import {
  allowedEvents,
  applyEvent,
  CLOCK_STOPPED,
  NEED_STATUSES,
  needEventDocId,
  needEventPrefix,
  needState,
  newNeedEventDoc,
  timelineOrder,
  type NeedEventDoc,
  type NeedEventInput,
  type NeedEventKind,
  type NeedStatus,
} from './needLifecycle'

const cadre = { kind: 'cadre', name: '李书记' } as const
const department = { kind: 'department', name: '民政办' } as const

/** One valid step of each kind. */
const STEP: Record<NeedEventKind, NeedEventInput> = {
  assign: { kind: 'assign', handler: cadre },
  resolve: { kind: 'resolve', note: '已上门帮助办理' },
  followUp: { kind: 'followUp', satisfaction: 'satisfied' },
  refer: { kind: 'refer', to: '镇社会事务办', reason: '超出驿站职责' },
  decline: { kind: 'decline', reason: '不属于受理范围' },
}

/** Which steps each status allows, written out by hand from the rules (待分派→办理中→已办结→已回访销号). */
const LEGAL: Record<NeedStatus, NeedEventKind[]> = {
  pending: ['assign', 'refer', 'decline'],
  inProgress: ['assign', 'resolve', 'refer', 'decline'],
  resolved: ['followUp'],
  closed: [],
  referred: [],
  declined: [],
}

const translationKeys = new Set(keysOf(resourcesOf('zh-CN')))

describe('legal steps', () => {
  it('assigning a pending need puts it in progress', () => {
    expect(applyEvent('pending', STEP.assign)).toEqual({ ok: true, status: 'inProgress' })
  })

  it('resolving a need in progress marks it resolved', () => {
    expect(applyEvent('inProgress', STEP.resolve)).toEqual({ ok: true, status: 'resolved' })
  })

  it('a satisfied or basically satisfied follow-up closes a resolved need', () => {
    expect(applyEvent('resolved', { kind: 'followUp', satisfaction: 'satisfied' })).toEqual({ ok: true, status: 'closed' })
    expect(applyEvent('resolved', { kind: 'followUp', satisfaction: 'basicallySatisfied' })).toEqual({
      ok: true,
      status: 'closed',
    })
  })

  it('a dissatisfied follow-up reopens the need and sends it back to its handler', () => {
    expect(applyEvent('resolved', { kind: 'followUp', satisfaction: 'dissatisfied' })).toEqual({
      ok: true,
      status: 'inProgress',
    })
  })

  it('a need can be referred elsewhere or declined while pending or in progress', () => {
    for (const status of ['pending', 'inProgress'] as const) {
      expect(applyEvent(status, STEP.refer)).toEqual({ ok: true, status: 'referred' })
      expect(applyEvent(status, STEP.decline)).toEqual({ ok: true, status: 'declined' })
    }
  })

  it('a need in progress can be reassigned to another handler and stays in progress', () => {
    expect(applyEvent('inProgress', { kind: 'assign', handler: department })).toEqual({ ok: true, status: 'inProgress' })
  })
})

describe('illegal steps', () => {
  it('allowedEvents lists exactly the legal steps of every status', () => {
    for (const status of NEED_STATUSES) expect(allowedEvents(status).sort()).toEqual([...LEGAL[status]].sort())
  })

  it('every step a status does not allow is refused with that step\'s notAllowed key', () => {
    let refused = 0
    for (const status of NEED_STATUSES) {
      for (const kind of Object.keys(STEP) as NeedEventKind[]) {
        if (LEGAL[status].includes(kind)) continue
        expect(applyEvent(status, STEP[kind]), `${kind} from ${status}`).toEqual({
          ok: false,
          error: `lifecycle.error.notAllowed.${kind}`,
        })
        refused++
      }
    }
    // 6 statuses × 5 steps, less the 8 legal ones.
    expect(refused).toBe(22)
  })

  it('a closed, referred or declined need accepts no step at all', () => {
    for (const status of ['closed', 'referred', 'declined'] as const) {
      for (const step of Object.values(STEP)) expect(applyEvent(status, step).ok).toBe(false)
    }
  })

  it('a pending need cannot be resolved before anyone handles it', () => {
    expect(applyEvent('pending', STEP.resolve)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.resolve' })
  })

  it('a need that is not yet resolved cannot be followed up', () => {
    for (const status of ['pending', 'inProgress'] as const) {
      expect(applyEvent(status, STEP.followUp)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.followUp' })
    }
  })

  it('a resolved need cannot be resolved twice, reassigned, referred or declined', () => {
    expect(applyEvent('resolved', STEP.resolve)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.resolve' })
    expect(applyEvent('resolved', STEP.assign)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.assign' })
    expect(applyEvent('resolved', STEP.refer)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.refer' })
    expect(applyEvent('resolved', STEP.decline)).toEqual({ ok: false, error: 'lifecycle.error.notAllowed.decline' })
  })

  it('a step the status forbids is refused as not allowed even when its fields are also missing', () => {
    expect(applyEvent('pending', { kind: 'resolve', note: '' })).toEqual({
      ok: false,
      error: 'lifecycle.error.notAllowed.resolve',
    })
  })
})

describe('steps missing what they need', () => {
  it('assigning without a handler name is refused', () => {
    for (const name of ['', '   ']) {
      expect(applyEvent('pending', { kind: 'assign', handler: { kind: 'cadre', name } })).toEqual({
        ok: false,
        error: 'lifecycle.error.handlerRequired',
      })
    }
  })

  it('resolving without saying what was done is refused', () => {
    for (const note of ['', '  \n ']) {
      expect(applyEvent('inProgress', { kind: 'resolve', note })).toEqual({
        ok: false,
        error: 'lifecycle.error.resolutionRequired',
      })
    }
  })

  it('referring without saying where to is refused, and so is referring without a reason', () => {
    expect(applyEvent('pending', { kind: 'refer', to: '', reason: '超出职责' })).toEqual({
      ok: false,
      error: 'lifecycle.error.referToRequired',
    })
    expect(applyEvent('inProgress', { kind: 'refer', to: '镇司法所', reason: ' ' })).toEqual({
      ok: false,
      error: 'lifecycle.error.reasonRequired',
    })
    expect(applyEvent('inProgress', { kind: 'refer', to: ' ', reason: '' })).toEqual({
      ok: false,
      error: 'lifecycle.error.referToRequired',
    })
  })

  it('declining without a reason is refused', () => {
    for (const status of ['pending', 'inProgress'] as const) {
      expect(applyEvent(status, { kind: 'decline', reason: '' })).toEqual({
        ok: false,
        error: 'lifecycle.error.reasonRequired',
      })
    }
  })

  it('a follow-up without a known satisfaction is refused', () => {
    const unknown = { kind: 'followUp', satisfaction: 'meh' } as unknown as NeedEventInput
    expect(applyEvent('resolved', unknown)).toEqual({ ok: false, error: 'lifecycle.error.satisfactionRequired' })
  })

  it('every refusal is a key the translations have', () => {
    const errors = new Set<string>()
    const attempts: NeedEventInput[] = [
      ...Object.values(STEP),
      { kind: 'assign', handler: { kind: 'cadre', name: '' } },
      { kind: 'resolve', note: '' },
      { kind: 'followUp', satisfaction: '' } as unknown as NeedEventInput,
      { kind: 'refer', to: '', reason: 'x' },
      { kind: 'refer', to: 'x', reason: '' },
      { kind: 'decline', reason: '' },
    ]
    for (const status of NEED_STATUSES) {
      for (const attempt of attempts) {
        const result = applyEvent(status, attempt)
        if (!result.ok) errors.add(result.error)
      }
    }
    // Five notAllowed keys and five missing-field keys.
    expect(errors.size).toBe(10)
    for (const key of errors) expect(translationKeys.has(key), key).toBe(true)
  })
})

describe('clock', () => {
  it('stops once a need is resolved, closed, referred or declined, and runs while pending or in progress', () => {
    expect([...CLOCK_STOPPED].sort()).toEqual(['closed', 'declined', 'referred', 'resolved'])
  })
})

// ---- timelines ----

const need = { _id: 'need:xinghe-01:01JCNEED0000000000000000', stationId: 'xinghe-01', dueDate: '2026-11-26' }
let counter = 0

/** A timeline step at an instant; ids follow the order they were made in unless given. */
function step(at: string, input: NeedEventInput, ulid = `01JCEVT${String(++counter).padStart(19, '0')}`): NeedEventDoc {
  return newNeedEventDoc(need, ulid, input, { by: '王芳', at })
}

describe('timeline documents', () => {
  it('are keyed under their need, so one need\'s steps sort together', () => {
    const doc = step('2026-11-23T02:00:00.000Z', STEP.assign, '01JCEVENT000000000000000A')
    expect(doc._id).toBe('needEvent:xinghe-01:01JCNEED0000000000000000:01JCEVENT000000000000000A')
    expect(doc._id).toBe(needEventDocId(need, '01JCEVENT000000000000000A'))
    expect(doc._id.startsWith(needEventPrefix(need._id))).toBe(true)
    expect(doc).toMatchObject({
      type: 'needEvent',
      needId: need._id,
      stationId: 'xinghe-01',
      at: '2026-11-23T02:00:00.000Z',
      by: '王芳',
      createdAt: '2026-11-23T02:00:00.000Z',
      createdBy: '王芳',
      kind: 'assign',
      handler: cadre,
    })
  })
})

describe('needState', () => {
  it('a need without steps is pending, with its own due date and nothing else', () => {
    expect(needState(need, [])).toEqual({
      status: 'pending',
      handler: null,
      dueDate: '2026-11-26',
      resolvedAt: null,
      closedAt: null,
      satisfaction: null,
      referredTo: null,
      skipped: [],
    })
  })

  it('follows a need through assignment, resolution and a satisfied follow-up', () => {
    const events = [
      step('2026-11-23T02:00:00.000Z', STEP.assign),
      step('2026-11-24T03:00:00.000Z', STEP.resolve),
      step('2026-11-25T04:00:00.000Z', { kind: 'followUp', satisfaction: 'basicallySatisfied' }),
    ]
    expect(needState(need, events)).toEqual({
      status: 'closed',
      handler: cadre,
      dueDate: '2026-11-26',
      resolvedAt: '2026-11-24T03:00:00.000Z',
      closedAt: '2026-11-25T04:00:00.000Z',
      satisfaction: 'basicallySatisfied',
      referredTo: null,
      skipped: [],
    })
  })

  it('a dissatisfied follow-up reopens the need and clears when it was resolved, until it is resolved again', () => {
    const assign = step('2026-11-23T02:00:00.000Z', STEP.assign)
    const resolve = step('2026-11-24T03:00:00.000Z', STEP.resolve)
    const unhappy = step('2026-11-25T04:00:00.000Z', { kind: 'followUp', satisfaction: 'dissatisfied' })
    const reopened = needState(need, [assign, resolve, unhappy])
    expect(reopened).toMatchObject({ status: 'inProgress', resolvedAt: null, closedAt: null, satisfaction: 'dissatisfied' })

    const again = step('2026-11-26T05:00:00.000Z', STEP.resolve)
    const happy = step('2026-11-27T06:00:00.000Z', { kind: 'followUp', satisfaction: 'satisfied' })
    expect(needState(need, [assign, resolve, unhappy, again, happy])).toMatchObject({
      status: 'closed',
      resolvedAt: '2026-11-26T05:00:00.000Z',
      closedAt: '2026-11-27T06:00:00.000Z',
      satisfaction: 'satisfied',
      skipped: [],
    })
  })

  it('a reassignment changes the handler; a due date given with an assignment replaces the need\'s own', () => {
    const first = step('2026-11-23T02:00:00.000Z', { kind: 'assign', handler: cadre, dueDate: '2026-11-30' })
    expect(needState(need, [first])).toMatchObject({ handler: cadre, dueDate: '2026-11-30' })

    const second = step('2026-11-24T02:00:00.000Z', { kind: 'assign', handler: department })
    // A reassignment without a date keeps the extended one.
    expect(needState(need, [first, second])).toMatchObject({ status: 'inProgress', handler: department, dueDate: '2026-11-30' })

    const third = step('2026-11-25T02:00:00.000Z', { kind: 'assign', handler: cadre, dueDate: '2026-12-05' })
    expect(needState(need, [first, second, third])).toMatchObject({ handler: cadre, dueDate: '2026-12-05' })
  })

  it('a referral records where the need went and stops the clock at that moment', () => {
    const refer = step('2026-11-23T05:00:00.000Z', STEP.refer)
    expect(needState(need, [refer])).toMatchObject({
      status: 'referred',
      referredTo: '镇社会事务办',
      closedAt: '2026-11-23T05:00:00.000Z',
    })
  })

  it('a decline stops the clock at that moment', () => {
    const assign = step('2026-11-23T02:00:00.000Z', STEP.assign)
    const decline = step('2026-11-23T06:00:00.000Z', STEP.decline)
    expect(needState(need, [assign, decline])).toMatchObject({
      status: 'declined',
      handler: cadre,
      closedAt: '2026-11-23T06:00:00.000Z',
      referredTo: null,
    })
  })

  it('folds steps in time order, whatever order they are given in', () => {
    const assign = step('2026-11-23T02:00:00.000Z', STEP.assign)
    const resolve = step('2026-11-24T03:00:00.000Z', STEP.resolve)
    const followUp = step('2026-11-25T04:00:00.000Z', STEP.followUp)
    const inOrder = needState(need, [assign, resolve, followUp])
    expect(needState(need, [followUp, assign, resolve])).toEqual(inOrder)
    expect(needState(need, [resolve, followUp, assign])).toEqual(inOrder)
    expect(inOrder.status).toBe('closed')
  })

  it('orders steps made at the same instant by id, so every device folds them the same way', () => {
    const at = '2026-11-23T02:00:00.000Z'
    const assign = step(at, STEP.assign, '01JCEVENTSAMEINSTANT00000A')
    const resolve = step(at, STEP.resolve, '01JCEVENTSAMEINSTANT00000B')
    expect(needState(need, [resolve, assign])).toMatchObject({ status: 'resolved', skipped: [] })
    expect([resolve, assign].sort(timelineOrder)).toEqual([assign, resolve])

    // With the ids the other way round, the resolve comes first and cannot apply.
    const lateAssign = step(at, STEP.assign, '01JCEVENTSAMEINSTANT00000D')
    const earlyResolve = step(at, STEP.resolve, '01JCEVENTSAMEINSTANT00000C')
    expect(needState(need, [lateAssign, earlyResolve])).toMatchObject({
      status: 'inProgress',
      skipped: [earlyResolve._id],
    })
  })

  it('does not reorder the steps it is given', () => {
    const assign = step('2026-11-23T02:00:00.000Z', STEP.assign)
    const resolve = step('2026-11-24T03:00:00.000Z', STEP.resolve)
    const given = [resolve, assign]
    needState(need, given)
    expect(given).toEqual([resolve, assign])
  })

  it('keeps steps that cannot apply in `skipped` and folds the rest', () => {
    // Two devices: one declined the need, the other (offline) later resolved it. Both steps sync.
    const assign = step('2026-11-23T02:00:00.000Z', STEP.assign)
    const decline = step('2026-11-23T03:00:00.000Z', STEP.decline)
    const resolve = step('2026-11-23T04:00:00.000Z', STEP.resolve)
    const state = needState(need, [resolve, decline, assign])
    expect(state).toMatchObject({ status: 'declined', resolvedAt: null, closedAt: '2026-11-23T03:00:00.000Z' })
    expect(state.skipped).toEqual([resolve._id])
  })

  it('skips a step missing what it needs, as applyEvent would refuse it', () => {
    const broken = step('2026-11-23T02:00:00.000Z', { kind: 'assign', handler: { kind: 'cadre', name: '' } })
    const assign = step('2026-11-23T03:00:00.000Z', STEP.assign)
    expect(needState(need, [broken, assign])).toMatchObject({ status: 'inProgress', handler: cadre, skipped: [broken._id] })
  })

  it('skips every step after a need is closed, in time order', () => {
    const events = [
      step('2026-11-23T02:00:00.000Z', STEP.assign),
      step('2026-11-23T03:00:00.000Z', STEP.resolve),
      step('2026-11-23T04:00:00.000Z', STEP.followUp),
    ]
    const late = [
      step('2026-11-23T05:00:00.000Z', STEP.refer),
      step('2026-11-23T06:00:00.000Z', { kind: 'assign', handler: department, dueDate: '2027-01-01' }),
    ]
    const state = needState(need, [...late, ...events])
    expect(state).toMatchObject({ status: 'closed', handler: cadre, dueDate: '2026-11-26', referredTo: null })
    expect(state.skipped).toEqual(late.map((e) => e._id))
  })
})
