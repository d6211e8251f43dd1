import { monotonicFactory } from 'ulid'
import { dueDate, localDate } from '../domain/calendar'
import { stampEdit } from '../domain/records'
import {
  checkNeedForm,
  correctedNeed,
  correctionOnto,
  NEED_EDITABLE_FIELDS,
  needFormOf,
  newNeedDoc,
  type FieldError,
  type NeedDoc,
  type NeedFormInput,
  applyEvent,
  needEventPrefix,
  needState,
  newNeedEventDoc,
  type NeedEventDoc,
  type NeedEventInput,
  needNumberPrefix,
  nextNeedNumber,
} from '../domain/needs'
import type { CommandContext, CommandResult } from './command'
import { getOrNull, type LocalDb } from './localDb'
import type { ReadModel } from './readModel'

// Commands on needs: validate with the domain, then write one PouchDB document. Nothing else writes needs.

/** A registration made while a secretary is on duty (书记轮值): the need goes to them by default. */
export interface OnDuty {
  shiftKey: string
  secretaryName: string
}

export class NeedRepository {
  private readonly ulid = monotonicFactory()
  /** Numbers given out by this device that the read model may not have caught up with yet. */
  private lastNumber: string | null = null

  constructor(
    private readonly db: LocalDb,
    private readonly readModel: ReadModel,
    /** this computer's id: it breaks ties when two computers edit one need at the same moment */
    private readonly device: string,
  ) {}

  /** Registrations run one at a time, so a double-click cannot hand out one number twice. */
  private registering: Promise<unknown> = Promise.resolve()

  register(input: NeedFormInput, ctx: CommandContext, duty?: OnDuty): Promise<CommandResult<NeedDoc, FieldError>> {
    const next = this.registering.then(() => this.registerNow(input, ctx, duty))
    this.registering = next.catch(() => undefined)
    return next
  }

  private async registerNow(input: NeedFormInput, ctx: CommandContext, duty?: OnDuty): Promise<CommandResult<NeedDoc, FieldError>> {
    const today = localDate(ctx.at)
    const checked = checkNeedForm(input, today, ctx.station.villages)
    if (!checked.ok) return checked
    const prefix = needNumberPrefix(today)
    const highest = [await this.readModel.highestNeedNumber(prefix), this.lastNumber]
      .filter((n): n is string => !!n && n.startsWith(prefix))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .pop()
    const number = nextNeedNumber(today, highest ?? null)
    const need = newNeedDoc(
      checked.value,
      { stationId: ctx.station.code, ulid: this.ulid(Date.parse(ctx.at)), number },
      dueDate(ctx.at, ctx.station.deadlineDays, ctx.station.deadlineMode),
      { by: ctx.by, at: ctx.at },
    )
    if (duty) need.dutyShiftKey = duty.shiftKey
    const saved = await this.db.put(need)
    this.lastNumber = number
    if (duty) {
      const handler = { kind: 'cadre' as const, name: duty.secretaryName }
      const assigned = newNeedEventDoc(need, this.ulid(Date.parse(ctx.at)), { kind: 'assign', handler }, { by: ctx.by, at: ctx.at })
      await this.db.put(assigned)
    }
    return { ok: true, value: { ...need, _rev: saved.rev } }
  }

  /**
   * 更正登记信息: replaces the registration details with a checked form. Only the fields that changed are
   * stamped as edited, so a correction made on another computer meanwhile merges field by field. Given
   * `shown` (the details as the form showed them), only the fields changed from it are applied.
   */
  async correct(
    needId: string,
    form: NeedFormInput,
    ctx: CommandContext,
    shown?: NeedFormInput,
  ): Promise<CommandResult<NeedDoc, FieldError>> {
    const need = await this.get(needId)
    if (!need) return { ok: false, error: 'need.error.notFound' }
    const input = shown ? correctionOnto(needFormOf(need), shown, form) : form
    // A village since taken off the station's list may stay on a need registered with it.
    const villages = ctx.station.villages.includes(need.village) ? ctx.station.villages : [...ctx.station.villages, need.village]
    const checked = checkNeedForm(input, localDate(ctx.at), villages)
    if (!checked.ok) return checked
    const editor = { by: ctx.by, at: ctx.at, device: this.device }
    const { doc, changed } = stampEdit(need, correctedNeed(need, checked.value), NEED_EDITABLE_FIELDS, editor)
    if (changed.length === 0) return { ok: true, value: need }
    const saved = await this.db.put(doc)
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }

  /** Records one step of a need's life, if the need's current status allows it. */
  async transition(needId: string, event: NeedEventInput, ctx: CommandContext): Promise<CommandResult<NeedEventDoc>> {
    const need = await this.get(needId)
    if (!need) return { ok: false, error: 'need.error.notFound' }
    const state = needState(need, await this.timeline(needId))
    const result = applyEvent(state.status, event)
    if (!result.ok) return { ok: false, error: result.error }
    const doc = newNeedEventDoc(need, this.ulid(Date.parse(ctx.at)), event, { by: ctx.by, at: ctx.at })
    const saved = await this.db.put(doc)
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }

  /** The stored need, with the full ID number (show it masked). */
  get(needId: string): Promise<NeedDoc | null> {
    return getOrNull<NeedDoc>(this.db, needId)
  }

  async timeline(needId: string): Promise<NeedEventDoc[]> {
    const prefix = needEventPrefix(needId)
    const page = await this.db.allDocs<NeedEventDoc>({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true })
    return page.rows.map((row) => row.doc as NeedEventDoc)
  }
}
