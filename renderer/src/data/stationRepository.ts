import { stampEdit, type Actor } from '../domain/records'
import {
  checkStationForm,
  STATION_EDITABLE_FIELDS,
  stationDoc,
  type StationDoc,
  type StationFieldError,
  type StationForm,
} from '../domain/station'
import type { CommandResult } from './command'
import type { LocalDb } from './localDb'

/** The station's own settings document: created on first run, edited in settings. */
export class StationRepository {
  constructor(
    private readonly db: LocalDb,
    /** this computer's id, for merging settings edited on two computers (see domain/edits.ts) */
    private readonly device: string,
  ) {}

  async current(): Promise<StationDoc | null> {
    const page = await this.db.allDocs<StationDoc>({ startkey: 'station:', endkey: 'station:\uffff', include_docs: true, limit: 1 })
    return (page.rows[0]?.doc as StationDoc | undefined) ?? null
  }

  /** Checks the form with the domain's rules; nothing is written unless all of it is valid. */
  async save(form: StationForm, actor: Actor): Promise<CommandResult<StationDoc, StationFieldError>> {
    const checked = checkStationForm(form)
    if (!checked.ok) return checked
    const existing = await this.current()
    const next = stationDoc(checked.value, actor, existing ?? undefined)
    const doc = existing ? stampEdit(existing, next, STATION_EDITABLE_FIELDS, { ...actor, device: this.device }).doc : next
    if (doc === existing) return { ok: true, value: existing }
    const saved = await this.db.put(doc)
    return { ok: true, value: { ...doc, _rev: saved.rev } }
  }
}
