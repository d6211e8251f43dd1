import { stampEdit, type Actor } from '../domain/records'
import {
  checkStationForm,
  STATION_EDITABLE_FIELDS,
  stationDoc,
  type StationDoc,
  type StationFieldError,
  type StationForm,
} from '../domain/station'
import type { AuditRepository } from './auditRepository'
import { refusedUnless, type CommandResult, type SignedInPerson } from './command'
import type { LocalDb } from './localDb'

/** The station's own settings document: created on first run, edited in settings. */
export class StationRepository {
  constructor(
    private readonly db: LocalDb,
    /** this computer's id, for merging settings edited on two computers (see domain/records/edits.ts) */
    private readonly device: string,
    private readonly audit: AuditRepository,
  ) {}

  async current(): Promise<StationDoc | null> {
    const page = await this.db.allDocs<StationDoc>({ startkey: 'station:', endkey: 'station:\uffff', include_docs: true, limit: 1 })
    return (page.rows[0]?.doc as StationDoc | undefined) ?? null
  }

  /**
   * Checks the form with the domain's rules; nothing is written unless all of it is valid. The first save is
   * the station's setup, before anyone has an account; later ones are the administrator's, and recorded.
   */
  async save(form: StationForm, actor: Actor & { person?: SignedInPerson }): Promise<CommandResult<StationDoc, StationFieldError>> {
    const checked = checkStationForm(form)
    if (!checked.ok) return checked
    const existing = await this.current()
    if (existing) {
      const refused = refusedUnless(actor, 'station.settings')
      if (refused) return refused
    }
    const next = stationDoc(checked.value, actor, existing ?? undefined)
    const edit = existing ? stampEdit(existing, next, STATION_EDITABLE_FIELDS, { ...actor, device: this.device }) : null
    const doc = edit ? edit.doc : next
    if (doc === existing) return { ok: true, value: existing }
    const saved = await this.db.put(doc)
    if (edit) {
      const who = { personId: actor.person?.id ?? '', personName: actor.by }
      await this.audit.record(doc.code, { action: 'settingsChanged', target: doc._id, detail: edit.changed.join(',') }, who, actor.at)
    }
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }
}
