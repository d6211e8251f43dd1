import { can, type Action, type Role } from '../domain/people'
import type { StationDoc } from '../domain/station'

// What every repository command takes and gives back, the same for every area.

/** The person signed in at the desk: who a command runs as, and what their roles let it do. */
export interface SignedInPerson {
  id: string
  name: string
  roles: readonly Role[]
}

/** Who, where and when a command runs: the UI reads the clock, commands never do. */
export interface CommandContext {
  station: StationDoc
  /** who is at the desk: the name every record keeps */
  by: string
  /** ISO instant */
  at: string
  /** the signed-in person; commands guarded by the permission table refuse to run without one allowed to */
  person?: SignedInPerson
}

/**
 * The shape of every area's field errors (needs, duty roster, mediation intake, station, sync settings):
 * `field` is a field's name or, in a list, its path (`applicants.0.phone`); `message` an i18n key.
 */
export interface RefusedField<F extends string = string> {
  field: F
  /** i18n key */
  message: string
}

/**
 * A command's answer: the document it wrote; or the fields the domain refused (nothing written); or one
 * refusal as an i18n key (e.g. a step the record's state does not allow).
 */
export type CommandResult<T, E extends RefusedField = RefusedField> =
  | { ok: true; value: T }
  | { ok: false; errors: E[] }
  | { ok: false; error: string }

/** The i18n keys of a refused command: its one refusal, or each refused field's message. */
export function refusalKeys(result: Exclude<CommandResult<unknown>, { ok: true }>): string[] {
  return 'error' in result ? [result.error] : result.errors.map((refused) => refused.message)
}

/** The refusal of a command `ctx.person` may not run (domain/people's table), or null when allowed. */
export function refusedUnless(ctx: Pick<CommandContext, 'person'>, action: Action): { ok: false; error: string } | null {
  return ctx.person && can(ctx.person.roles, action) ? null : { ok: false, error: 'people.error.notAllowed' }
}
