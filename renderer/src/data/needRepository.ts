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
  earlierVisit,
  newestVisitFirst,
  type EarlierVisit,
} from '../domain/needs'
import { idCardForKey, idKeyText, type IdKey } from '../domain/personal'
import type { CommandContext, CommandResult } from './command'
import { StationSecrets } from './idKeys'
import { getOrNull, type LocalDb } from './localDb'
import type { ReadModel } from './readModel'

// Commands on needs: validate with the domain, then write one PouchDB document (and, the first time an ID
// number is hashed, the station's secret: see idKeys.ts). Nothing else writes needs.

/** A resident's earlier visits, found by the hash of their ID number. */
export interface EarlierVisits {
  visits: EarlierVisit[]
  /**
   * false while the read model's hashes are still being made with the station's secret (its first one just
   * made, or another desk's become the winner): needs may be missing, and the ledger's next version says when
   * they are all in (ProjectedBatch.rekeyed).
   */
  complete: boolean
}

/** A registration made while a secretary is on duty (书记轮值): the need goes to them by default. */
export interface OnDuty {
  shiftKey: string
  secretaryName: string
}

export class NeedRepository {
  private readonly ulid = monotonicFactory()
  private readonly secrets: StationSecrets
  /** Numbers given out by this device that the read model may not have caught up with yet. */
  private lastNumber: string | null = null

  constructor(
    private readonly db: LocalDb,
    private readonly readModel: ReadModel,
    /** this computer's id: it breaks ties when two computers edit one need at the same moment */
    private readonly device: string,
  ) {
    this.secrets = new StationSecrets(db)
  }

  /** The hash of a checked ID number ('' for none): the station's secret is made the first time one is needed. */
  private async idKeyOf(idCard: string, ctx: CommandContext): Promise<IdKey | undefined> {
    if (!idCard) return undefined
    const keyer = await this.secrets.ensure(ctx.station.code, { by: ctx.by, at: ctx.at })
    return keyer.keyOf(idCard)
  }

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
    const idKey = await this.idKeyOf(checked.value.idCard, ctx)
    const need = newNeedDoc(
      checked.value,
      { stationId: ctx.station.code, ulid: this.ulid(Date.parse(ctx.at)), number },
      dueDate(ctx.at, ctx.station.deadlineDays, ctx.station.deadlineMode),
      { by: ctx.by, at: ctx.at },
      idKey,
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
    // The hash goes with whatever ID the need is left with, under the station's key as it is now.
    const idKey = await this.idKeyOf(checked.value.idCard, ctx)
    const { doc, changed } = stampEdit(need, correctedNeed(need, checked.value, idKey), NEED_EDITABLE_FIELDS, editor)
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

  /**
   * 重复来访: every need registered with this ID number (as typed; checked by the caller), open or closed,
   * with its outcome, newest first. Found by the number's hash in the read model's index; each one's outcome
   * is read from its timeline in PouchDB. The station's secret is made here if it has none yet, so that a
   * station whose needs all predate hashes finds them at its first lookup (once the projector has hashed them).
   */
  async earlierVisits(idCard: string, ctx: CommandContext): Promise<EarlierVisits> {
    const id = idCardForKey(idCard)
    if (!id) return { visits: [], complete: true }
    const keyer = await this.secrets.ensure(ctx.station.code, { by: ctx.by, at: ctx.at })
    const text = idKeyText(await keyer.keyOf(id))
    const [needIds, builtWith] = await Promise.all([this.readModel.needIdsWithIdKey(text), this.readModel.idKeyId()])
    const found = needIds.length ? await this.db.allDocs<NeedDoc>({ keys: needIds, include_docs: true }) : { rows: [] }
    const visits: EarlierVisit[] = []
    for (const row of found.rows) {
      if (!('doc' in row) || !row.doc) continue
      try {
        visits.push(earlierVisit(row.doc as NeedDoc, await this.timeline(row.id)))
      } catch (error) {
        // A need too malformed to show (from a faulty peer) is left out, as the ledger leaves it out.
        console.error('earlier visits: cannot show', row.id, error)
      }
    }
    return { visits: visits.sort(newestVisitFirst), complete: builtWith === keyer.keyId }
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
