// Runs a validate_doc_update source as CouchDB 3 does: compiled from its text and called with
// (newDoc, oldDoc, userCtx, secObj); a refusal is a thrown {forbidden: '<reason>: <detail>'}.
export type Doc = Record<string, unknown>
export type UserCtx = { db: string; name: string | null; roles: string[] }
export type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: Doc) => void

export const compileValidate = (source: string) => new Function(`return (${source})`)() as Validate

/** The station's own CouchDB user writing its database. */
export const stationWriter = (code: string): UserCtx => ({ db: `station-${code}`, name: `station-${code}`, roles: [`station:${code}`, 'station'] })
/** A server administrator writing the station's database. */
export const serverAdmin = (code: string): UserCtx => ({ db: `station-${code}`, name: 'admin', roles: ['_admin'] })

/** The refusal message, or 'accepted'; anything thrown that is not a refusal is rethrown. */
export function verdictOf(validate: Validate, doc: Doc, user: UserCtx, oldDoc: Doc | null = null): string {
  try {
    validate(doc, oldDoc, user, {})
    return 'accepted'
  } catch (thrown) {
    const refusal = thrown as { forbidden?: string }
    if (typeof refusal.forbidden !== 'string') throw thrown
    return refusal.forbidden
  }
}
