import type { NeedDoc } from '../domain/needs'
import type { AuditRepository } from './auditRepository'
import { refusedUnless, type CommandContext, type CommandResult } from './command'
import { getOrNull, type LocalDb } from './localDb'

// Residents' personal data leaving its mask: a full ID number or phone shown on screen, or the ledger
// exported with them. Only the roles the permission table allows, one record (or one export) at a time,
// and each time recorded in the audit trail.

export interface ContactDetails {
  phone: string
  idCard: string
}

export class PrivacyRepository {
  constructor(
    private readonly db: LocalDb,
    private readonly audit: AuditRepository,
  ) {}

  /** The full phone and ID number of one need's resident, for the one screen that asked. */
  async revealNeedContact(needId: string, ctx: CommandContext): Promise<CommandResult<ContactDetails>> {
    const refused = refusedUnless(ctx, 'personal.reveal')
    if (refused) return refused
    const need = await getOrNull<NeedDoc>(this.db, needId)
    if (!need) return { ok: false, error: 'need.error.notFound' }
    await this.audit.record(ctx.station.code, { action: 'reveal', target: needId }, this.who(ctx), ctx.at)
    return { ok: true, value: { phone: need.resident.phone, idCard: need.resident.idCard ?? '' } }
  }

  /**
   * Asked before an export of personal data is made (the ledger's XLSX…): refused unless the person may
   * export, and recorded with what and how many rows when allowed.
   */
  async allowExport(what: string, rows: number, ctx: CommandContext): Promise<CommandResult<null>> {
    const refused = refusedUnless(ctx, 'personal.export')
    if (refused) return refused
    await this.audit.record(ctx.station.code, { action: 'export', target: what, detail: String(rows) }, this.who(ctx), ctx.at)
    return { ok: true, value: null }
  }

  private who(ctx: CommandContext) {
    return { personId: ctx.person?.id ?? '', personName: ctx.by }
  }
}
