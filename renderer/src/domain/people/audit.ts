import { recordBase, type RecordBase } from '../records'

// The audit trail (操作留痕): who did what sensitive thing, when, on which desk. Append-only documents that
// sync to central like any record; central's validate function refuses any change or deletion of one.

export const AUDIT_ACTIONS = [
  'signIn',
  'signInFailed',
  'signInLocked', // five wrong PINs: the account is locked on that desk
  'unlock', // the administrator lifted a desk's lock
  'lock', // the screen locked (idle or by hand)
  'reveal', // a full ID number or phone shown
  'caseFileOpened',
  'export', // personal data exported
  'personAdded',
  'rolesChanged',
  'pinReset',
  'personDisabled',
  'personEnabled',
  'conflictResolved',
  'settingsChanged',
  'recoveryUsed', // the administrator's recovery code was used
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditDoc extends RecordBase {
  type: 'audit'
  action: AuditAction
  /** who did it: their person id ('' before anyone signed in) and name */
  personId: string
  personName: string
  /** this computer's id */
  device: string
  /** what it was done to: a record's id, a person's id, a file's name */
  target?: string
  /** a few words more (e.g. the roles given, the export's row count) */
  detail?: string
}

export interface AuditEntry {
  action: AuditAction
  target?: string
  detail?: string
}

export const auditDocId = (station: string, ulid: string) => `audit:${station}:${ulid}`

export function newAuditDoc(
  id: string,
  station: string,
  entry: AuditEntry,
  who: { personId: string; personName: string; device: string },
  at: string,
): AuditDoc {
  return {
    ...recordBase('audit', id, station, { by: who.personName, at }),
    type: 'audit',
    action: entry.action,
    personId: who.personId,
    personName: who.personName,
    device: who.device,
    ...(entry.target ? { target: entry.target } : {}),
    ...(entry.detail ? { detail: entry.detail } : {}),
  }
}

export interface AuditFilter {
  personId?: string
  actions?: readonly AuditAction[]
  /** YYYY-MM-DD, China's dates, inclusive */
  from?: string
  to?: string
}

/** The records matching `filter`, newest first. `localDate` turns an instant into China's date. */
export function filterAudit(records: readonly AuditDoc[], filter: AuditFilter, localDate: (at: string) => string): AuditDoc[] {
  return records
    .filter((record) => !filter.personId || record.personId === filter.personId)
    .filter((record) => !filter.actions?.length || filter.actions.includes(record.action))
    .filter((record) => {
      const day = localDate(record.createdAt)
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b._id.localeCompare(a._id))
}
