import type { StationDoc } from '../domain/station'

// What every repository command takes and gives back, the same for every area.

/** Who, where and when a command runs: the UI reads the clock, commands never do. */
export interface CommandContext {
  station: StationDoc
  /** who is at the desk */
  by: string
  /** ISO instant */
  at: string
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
