import {
  chosenValues,
  mergeRuleFor,
  resolvedConflict,
  withChosenValues,
  type ConflictChoice,
  type ConflictDoc,
} from '../domain/sync'
import { stampEdit, type Editable, type Editor } from '../domain/records'
import type { AuditRepository } from './auditRepository'
import { refusedUnless, type CommandContext, type CommandResult } from './command'
import { docsByPrefix, getOrNull, type LocalDb } from './localDb'

// Conflict records (冲突记录) for the technicians' screen: list them, and resolve one by applying the
// values chosen per field as an ordinary edit of the document, then marking the record resolved.

export class ConflictRepository {
  constructor(
    private readonly db: LocalDb,
    /** this computer's id, stamped on the edit */
    private readonly device: string,
    private readonly audit: AuditRepository,
  ) {}

  /** Every conflict record, open ones first, newest first within each. */
  async list(): Promise<ConflictDoc[]> {
    const records = await docsByPrefix<ConflictDoc>(this.db, 'conflict:')
    return records.sort(
      (a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved') || b.createdAt.localeCompare(a.createdAt),
    )
  }

  /** Applies a technician's choices as an ordinary edit, marks the record resolved, and leaves an audit record. */
  async resolve(recordId: string, choices: Record<string, ConflictChoice>, ctx: CommandContext): Promise<CommandResult<ConflictDoc>> {
    const refused = refusedUnless(ctx, 'sync.conflicts')
    if (refused) return refused
    const editor: Editor = { by: ctx.by, at: ctx.at, device: this.device }
    const record = await getOrNull<ConflictDoc>(this.db, recordId)
    if (!record) return { ok: false, error: 'conflict.error.notFound' }
    if (record.status === 'resolved') return { ok: false, error: 'conflict.error.alreadyResolved' }
    const doc = await getOrNull<Editable & { type: string }>(this.db, record.docId)
    const rule = mergeRuleFor(record.docType)
    if (!doc || !rule) return { ok: false, error: 'conflict.error.docGone' }

    let values: Map<string, unknown>
    try {
      values = chosenValues(record, choices)
    } catch {
      return { ok: false, error: 'conflict.error.badChoice' }
    }
    const { doc: edited, changed } = stampEdit(doc, withChosenValues(doc, values), rule.fields, editor)
    if (changed.length > 0) await this.db.put(edited)
    const resolved = resolvedConflict(record, choices, editor)
    const saved = await this.db.put(resolved)
    const who = { personId: ctx.person?.id ?? '', personName: ctx.by }
    await this.audit.record(ctx.station.code, { action: 'conflictResolved', target: record.docId, detail: recordId }, who, ctx.at)
    return { ok: true, value: { ...resolved, _rev: saved.rev } }
  }
}
