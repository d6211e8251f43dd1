import type { Actor } from './records'

// Documents people edit in place (a need's registration details, the station's settings) carry, per
// field, who last edited it, when, on which computer, and at which revision. That is what lets two
// versions written offline on two computers be merged field by field later (see conflictMerge.ts).

/** One field's last edit. `gen` is the revision number (the N of `N-…`) the edit was written in. */
export interface EditStamp {
  at: string
  by: string
  device: string
  gen: number
}

export type EditStamps = Record<string, EditStamp>

/** What an editable document carries besides its fields. */
export interface Editable {
  _id: string
  _rev?: string
  updatedAt: string
  updatedBy: string
  fieldStamps?: EditStamps
}

/** Who edits, when, and on which computer (the tie-break when two edits carry the same time). */
export type Editor = Actor & { device: string }

/** The revision number of `rev` (`3-abc` → 3); 0 for a document not yet stored. */
export const revGen = (rev: string | undefined): number => (rev ? Number.parseInt(rev, 10) || 0 : 0)

/** A field's value by its dotted path (`resident.phone`). */
export function fieldValue(doc: object, path: string): unknown {
  let at: unknown = doc
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return at
}

/** A copy of `doc` with the field at `path` set (or removed when `value` is undefined). */
export function withFieldValue<T extends object>(doc: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.')
  const copy = { ...doc } as Record<string, unknown>
  if (rest.length === 0) {
    if (value === undefined) delete copy[head!]
    else copy[head!] = value
  } else {
    const inner = copy[head!]
    copy[head!] = withFieldValue(inner && typeof inner === 'object' ? inner : {}, rest.join('.'), value)
  }
  return copy as T
}

/** Values compare by content: lists and objects too. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * `next`, stamped as an edit of `existing`: every listed field whose value changed gets a stamp of this
 * edit. Returns the fields that changed (none: nothing to write).
 */
export function stampEdit<T extends Editable>(
  existing: T,
  next: T,
  fields: readonly string[],
  editor: Editor,
): { doc: T; changed: string[] } {
  const changed = fields.filter((path) => !sameValue(fieldValue(existing, path), fieldValue(next, path)))
  if (changed.length === 0) return { doc: existing, changed }
  const gen = revGen(existing._rev) + 1
  const stamps: EditStamps = { ...existing.fieldStamps }
  for (const path of changed) stamps[path] = { at: editor.at, by: editor.by, device: editor.device, gen }
  return { doc: { ...next, fieldStamps: stamps, updatedAt: editor.at, updatedBy: editor.by }, changed }
}
