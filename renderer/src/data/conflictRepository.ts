import {
  chosenValues,
  mergeRuleFor,
  resolvedConflict,
  withChosenValues,
  type ConflictChoice,
  type ConflictDoc,
} from '../domain/conflictMerge'
import { stampEdit, type Editable, type Editor } from '../domain/edits'
import type { LocalDb } from './localDb'

// Conflict records (冲突记录) for the technicians' screen: list them, and resolve one by applying the
// values chosen per field as an ordinary edit of the document, then marking the record resolved.

export type ResolveResult = { ok: true } | { ok: false; error: string }

export class ConflictRepository {
  constructor(private readonly db: LocalDb) {}

  /** Every conflict record, open ones first, newest first within each. */
  async list(): Promise<ConflictDoc[]> {
    const page = await this.db.allDocs<ConflictDoc>({ startkey: 'conflict:', endkey: 'conflict:\uffff', include_docs: true })
    const records = page.rows.flatMap((row) => (row.doc ? [row.doc as ConflictDoc] : []))
    return records.sort(
      (a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved') || b.createdAt.localeCompare(a.createdAt),
    )
  }

  async resolve(recordId: string, choices: Record<string, ConflictChoice>, editor: Editor): Promise<ResolveResult> {
    const record = await this.getOrNull<ConflictDoc>(recordId)
    if (!record) return { ok: false, error: 'conflict.error.notFound' }
    if (record.status === 'resolved') return { ok: false, error: 'conflict.error.alreadyResolved' }
    const doc = await this.getOrNull<Editable & { type: string }>(record.docId)
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
    await this.db.put(resolvedConflict(record, choices, editor))
    return { ok: true }
  }

  private async getOrNull<T extends object>(id: string): Promise<(T & { _id: string; _rev: string }) | null> {
    try {
      return await this.db.get<T>(id)
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }
}
