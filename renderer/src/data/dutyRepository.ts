import { monotonicFactory } from 'ulid'
import {
  checkAttendance,
  type DutyCheckDoc,
  type DutyNoteDoc,
  NO_CARRY,
  planDuty,
  type DutyPlanResult,
  checkDutyPattern,
  checkSecretaryForm,
  DEFAULT_DUTY_PATTERN,
  dutySecretaryId,
  SECRETARY_EDITABLE_FIELDS,
  type DutyPattern,
  type DutySecretaryDoc,
  type SecretaryFieldError,
  type SecretaryFormInput,
  checkDutyChange,
  rotaOf,
  type DutyChange,
  type DutyChangeDoc,
  type DutyPlanDoc,
  type RotaShift,
} from '../domain/duty'
import { stampEdit, type Editable, recordBase } from '../domain/records'
import type { CommandContext, CommandResult } from './command'
import { docsByPrefix, getOrNull, type LocalDb } from './localDb'

// Commands and reads of 书记轮值: the roster, the shift pattern, plans, changes, check-ins and the duty
// log. Checks are the domain's; each command writes one document (plans, changes and check-ins are
// never rewritten). A station has a few dozen secretaries and a few hundred shifts a year, so reads
// go straight to PouchDB by id prefix.

/** The pattern document: one per station. */
const patternId = (code: string) => `dutyPattern:${code}:current`
type DutyPatternDoc = DutyPattern & Editable & { type: 'dutyPattern'; stationId: string }

export class DutyRepository {
  private readonly ulid = monotonicFactory()

  constructor(
    private readonly db: LocalDb,
    private readonly device: string,
  ) {}

  secretaries(): Promise<DutySecretaryDoc[]> {
    return docsByPrefix<DutySecretaryDoc>(this.db, 'dutySecretary:')
  }

  /** Adds a secretary, or edits one (`id`); only the fields that changed are stamped. */
  async saveSecretary(input: SecretaryFormInput, ctx: CommandContext, id?: string): Promise<CommandResult<DutySecretaryDoc, SecretaryFieldError>> {
    const checked = checkSecretaryForm(input, ctx.station.villages)
    if (!checked.ok) return checked
    const editor = { by: ctx.by, at: ctx.at, device: this.device }
    let doc: DutySecretaryDoc
    if (id) {
      const existing = await getOrNull<DutySecretaryDoc>(this.db, id)
      if (!existing) return { ok: false, error: 'duty.error.secretaryNotFound' }
      const edited = stampEdit(existing, { ...existing, ...checked.value }, SECRETARY_EDITABLE_FIELDS, editor)
      if (edited.changed.length === 0) return { ok: true, value: existing }
      doc = edited.doc
    } else {
      const newId = dutySecretaryId(ctx.station.code, this.ulid(Date.parse(ctx.at)))
      doc = { ...recordBase('dutySecretary', newId, ctx.station.code, ctx), type: 'dutySecretary', ...checked.value }
    }
    const saved = await this.db.put(doc)
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }

  async pattern(code: string): Promise<DutyPattern> {
    const doc = await getOrNull<DutyPatternDoc>(this.db, patternId(code))
    return doc ? { slots: doc.slots, days: doc.days } : DEFAULT_DUTY_PATTERN
  }

  async savePattern(pattern: DutyPattern, ctx: CommandContext): Promise<CommandResult<DutyPattern>> {
    const checked = checkDutyPattern(pattern)
    if (!checked.ok) return checked
    const id = patternId(ctx.station.code)
    const existing = await getOrNull<DutyPatternDoc>(this.db, id)
    const next: DutyPatternDoc = existing
      ? { ...existing, ...checked.value }
      : { ...recordBase('dutyPattern', id, ctx.station.code, ctx), type: 'dutyPattern', ...checked.value }
    const doc = existing ? stampEdit(existing, next, ['slots', 'days'], { ...ctx, device: this.device }).doc : next
    if (doc !== existing) await this.db.put(doc)
    return { ok: true, value: checked.value }
  }

  plans(): Promise<DutyPlanDoc[]> {
    return docsByPrefix<DutyPlanDoc>(this.db, 'dutyPlan:')
  }

  changes(): Promise<DutyChangeDoc[]> {
    return docsByPrefix<DutyChangeDoc>(this.db, 'dutyChange:')
  }

  checks(): Promise<DutyCheckDoc[]> {
    return docsByPrefix<DutyCheckDoc>(this.db, 'dutyCheck:')
  }

  notes(): Promise<DutyNoteDoc[]> {
    return docsByPrefix<DutyNoteDoc>(this.db, 'dutyNote:')
  }

  /** The final rota: every plan with every change applied. */
  async rota(): Promise<RotaShift[]> {
    const [plans, changes] = await Promise.all([this.plans(), this.changes()])
    return rotaOf(plans, changes)
  }

  /** Plans a period without storing it: what the planner would do, to show before saving. */
  async preview(from: string, to: string, code: string): Promise<CommandResult<DutyPlanResult>> {
    const [secretaries, pattern, plans] = await Promise.all([this.secretaries(), this.pattern(code), this.plans()])
    // Fairness continues from the latest plan that ended before this period.
    const previous = plans.filter((p) => p.to < from).sort((a, b) => a.to.localeCompare(b.to) || a.createdAt.localeCompare(b.createdAt)).pop()
    return planDuty({ from, to, secretaries, pattern, carry: previous?.carry ?? NO_CARRY })
  }

  async plan(from: string, to: string, ctx: CommandContext): Promise<CommandResult<DutyPlanDoc>> {
    const planned = await this.preview(from, to, ctx.station.code)
    if (!planned.ok) return planned
    const id = `dutyPlan:${ctx.station.code}:${this.ulid(Date.parse(ctx.at))}`
    const doc: DutyPlanDoc = { ...recordBase('dutyPlan', id, ctx.station.code, ctx), type: 'dutyPlan', ...planned.value }
    delete (doc as Partial<DutyPlanResult>).gaps // gaps are the shifts with nobody: kept once, in shifts
    await this.db.put(doc)
    return { ok: true, value: doc }
  }

  /** 代班 or 换班, with its reason; refused for a shift already begun. */
  async change(change: DutyChange, ctx: CommandContext): Promise<CommandResult<DutyChangeDoc>> {
    const [rota, secretaries] = await Promise.all([this.rota(), this.secretaries()])
    const error = checkDutyChange(rota, change, secretaries, ctx.at)
    if (error) return { ok: false, error }
    const id = `dutyChange:${ctx.station.code}:${this.ulid(Date.parse(ctx.at))}`
    const doc = { ...recordBase('dutyChange', id, ctx.station.code, ctx), type: 'dutyChange', at: ctx.at, by: ctx.by, ...change } as DutyChangeDoc
    await this.db.put(doc)
    return { ok: true, value: doc }
  }

  /** 签到 / 签退 by the secretary holding the shift. */
  async attend(shiftKey: string, kind: 'in' | 'out', ctx: CommandContext): Promise<CommandResult<DutyCheckDoc>> {
    const [rota, checks] = await Promise.all([this.rota(), this.checks()])
    const shift = rota.find((s) => s.key === shiftKey)
    if (!shift) return { ok: false, error: 'duty.error.shiftUnknown' }
    const error = checkAttendance(shift, checks, kind, ctx.at)
    if (error) return { ok: false, error }
    const id = `dutyCheck:${ctx.station.code}:${this.ulid(Date.parse(ctx.at))}`
    const doc: DutyCheckDoc = {
      ...recordBase('dutyCheck', id, ctx.station.code, ctx),
      type: 'dutyCheck',
      shiftKey,
      secretaryId: shift.secretaryId!,
      kind,
      at: ctx.at,
    }
    await this.db.put(doc)
    return { ok: true, value: doc }
  }

  /** A line of the duty log, or the handover note for the next shift. */
  async note(shiftKey: string, kind: DutyNoteDoc['kind'], text: string, ctx: CommandContext): Promise<CommandResult<DutyNoteDoc>> {
    const trimmed = text.trim()
    if (!trimmed) return { ok: false, error: 'duty.error.noteRequired' }
    if (trimmed.length > 2000) return { ok: false, error: 'duty.error.noteTooLong' }
    const id = `dutyNote:${ctx.station.code}:${this.ulid(Date.parse(ctx.at))}`
    const doc: DutyNoteDoc = { ...recordBase('dutyNote', id, ctx.station.code, ctx), type: 'dutyNote', shiftKey, kind, text: trimmed, at: ctx.at, by: ctx.by }
    await this.db.put(doc)
    return { ok: true, value: doc }
  }
}
