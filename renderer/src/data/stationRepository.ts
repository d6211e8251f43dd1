import { stationDoc, stationFormSchema, type StationDoc, type StationForm } from '../domain/station'
import type { FieldError } from '../domain/need'
import type { LocalDb } from './localDb'

export type StationResult = { ok: true; value: StationDoc } | { ok: false; errors: Array<Omit<FieldError, 'field'> & { field: string }> }

/** The station's own settings document: created on first run, edited in settings. */
export class StationRepository {
  constructor(private readonly db: LocalDb) {}

  async current(): Promise<StationDoc | null> {
    const page = await this.db.allDocs<StationDoc>({ startkey: 'station:', endkey: 'station:\uffff', include_docs: true, limit: 1 })
    return (page.rows[0]?.doc as StationDoc | undefined) ?? null
  }

  async save(form: StationForm, actor: { by: string; at: string }): Promise<StationResult> {
    const parsed = stationFormSchema.safeParse(form)
    if (!parsed.success) {
      return {
        ok: false,
        errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })),
      }
    }
    const existing = await this.current()
    const doc = stationDoc(parsed.data, actor, existing ?? undefined)
    const saved = await this.db.put(doc)
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }
}
