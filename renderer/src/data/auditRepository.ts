import { monotonicFactory } from 'ulid'
import { localDate } from '../domain/calendar'
import { auditDocId, filterAudit, newAuditDoc, type AuditDoc, type AuditEntry, type AuditFilter } from '../domain/people'
import { docsByPrefix, type LocalDb } from './localDb'

// The audit trail: each entry one new document, never changed (central refuses any change or deletion).

/** Who is acting: the person signed in ('' and a description before anyone has, e.g. a failed sign-in). */
export interface AuditActor {
  personId: string
  personName: string
}

export class AuditRepository {
  private readonly ulid = monotonicFactory()

  constructor(
    private readonly db: LocalDb,
    /** this computer's id */
    private readonly device: string,
  ) {}

  async record(station: string, entry: AuditEntry, who: AuditActor, at: string): Promise<AuditDoc> {
    const doc = newAuditDoc(auditDocId(station, this.ulid(Date.parse(at))), station, entry, { ...who, device: this.device }, at)
    const saved = await this.db.put(doc)
    return { ...doc, _rev: saved.rev }
  }

  /** The records matching `filter`, newest first. A station keeps a few thousand a year: read straight from PouchDB. */
  async list(filter: AuditFilter = {}): Promise<AuditDoc[]> {
    return filterAudit(await docsByPrefix<AuditDoc>(this.db, 'audit:'), filter, localDate)
  }
}
