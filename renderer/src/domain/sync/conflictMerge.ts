import {
  fieldValue,
  revGen,
  sameValue,
  stampEdit,
  withFieldValue,
  type EditStamp,
  type Editable,
  type Editor,
  recordBase,
  type RecordBase,
} from '../records'
import { SECRETARY_EDITABLE_FIELDS } from '../duty'
import { MEDIATION_TEAM_FIELDS } from '../mediation'
import { NEED_EDITABLE_FIELDS } from '../needs'
import { PERSON_EDITABLE_FIELDS } from '../people'
import { STATION_EDITABLE_FIELDS } from '../station'

// 冲突合并: when two computers edit the same document while apart, PouchDB keeps both versions (a
// conflict) and picks one to show. Here the versions are merged field by field: each field takes its
// newest edit (ties: the computer's id, then the revision), so every computer merging the same versions
// writes the very same document. A field both sides typed differently is "contested": the newest value
// is kept and the other is kept in a conflict record (冲突记录) for a technician to confirm or undo.

/** One version (leaf revision) of a document, as PouchDB returns it with `revs: true`. */
export type LeafDoc<T extends Editable = Editable> = T & {
  _rev: string
  _revisions?: { start: number; ids: string[] }
}

/** How one type of document merges: the fields people edit, and whether lost values need a record. */
export interface MergeRule {
  fields: readonly string[]
  recordContested: boolean
}

/** A field's value in one version. */
export interface FieldVersion {
  rev: string
  value: unknown
  stamp: EditStamp | null
}

export interface ContestedField {
  field: string
  kept: FieldVersion
  others: FieldVersion[]
}

export interface MergePlan<T extends Editable> {
  /** The merge, to be written over the winning version; null when the winner already holds it. */
  merged: T | null
  /** Versions to delete once the merge and its record are written. */
  losingRevs: string[]
  /** Fields where a value somebody typed did not win. */
  contested: ContestedField[]
}

const NO_STAMP: EditStamp = { at: '', by: '', device: '', gen: 0 }
const stampOf = (leaf: LeafDoc, field: string): EditStamp | null => leaf.fieldStamps?.[field] ?? null

/** Is `a`'s edit of the field newer than `b`'s? Time, then computer, then editor, then revision. */
function newer(a: LeafDoc, b: LeafDoc, field: string): boolean {
  const sa = stampOf(a, field) ?? NO_STAMP
  const sb = stampOf(b, field) ?? NO_STAMP
  for (const key of ['at', 'device', 'by'] as const) if (sa[key] !== sb[key]) return sa[key] > sb[key]
  return a._rev > b._rev
}

/** The revision id a version had at revision number `gen`, if its history reaches that far back. */
function revAt(leaf: LeafDoc, gen: number): string | undefined {
  const history = leaf._revisions
  if (!history || gen < 1 || gen > history.start) return undefined
  return history.ids[history.start - gen]
}

/**
 * Was `leaf`'s value of the field typed on its own branch, apart from `source` (whose value won)?
 * Yes when its last edit of the field is in a revision `source` does not descend from. A version that
 * never edited the field only holds the value both started from: nothing of it is lost.
 */
function editedApart(leaf: LeafDoc, source: LeafDoc, field: string): boolean {
  const stamp = stampOf(leaf, field)
  // Neither edit is stamped (documents from before stamps): no way to tell, so keep it.
  if (!stamp) return stampOf(source, field) === null
  const own = revAt(leaf, stamp.gen)
  return own === undefined || own !== revAt(source, stamp.gen)
}

const version = (leaf: LeafDoc, field: string): FieldVersion => ({
  rev: leaf._rev,
  value: fieldValue(leaf, field) ?? null,
  stamp: stampOf(leaf, field),
})

/** What is stored of a version: without PouchDB's bookkeeping. */
export function storedBody<T extends Editable>(leaf: LeafDoc<T>): T {
  const { _revisions: _history, _conflicts: _others, ...body } = leaf as LeafDoc<T> & { _conflicts?: unknown }
  return body as unknown as T
}

/**
 * Merges the versions of one document. `leaves[0]` is the version PouchDB shows (its winner); the merge
 * is written on top of it and the others are deleted.
 */
export function mergeLeaves<T extends Editable>(leaves: readonly LeafDoc<T>[], rule: MergeRule): MergePlan<T> {
  const [winner, ...rest] = leaves
  if (!winner) throw new Error('mergeLeaves needs at least one version')
  const others = [...rest].sort((a, b) => (a._rev < b._rev ? -1 : a._rev > b._rev ? 1 : 0))
  const all = [winner, ...others]
  const mergedGen = revGen(winner._rev) + 1

  let merged = storedBody(winner)
  let changed = false
  const stamps = { ...winner.fieldStamps }
  const contested: ContestedField[] = []
  for (const field of rule.fields) {
    const source: LeafDoc<T> = all.reduce((best, leaf) => (newer(leaf, best, field) ? leaf : best), winner)
    const value = fieldValue(source, field)
    if (source !== winner && !sameValue(value, fieldValue(winner, field))) {
      merged = withFieldValue(merged, field, value)
      // The edit now lives in the merge's revision, which every later version descends from.
      const stamp = stampOf(source, field)
      if (stamp) stamps[field] = { ...stamp, gen: mergedGen }
      changed = true
    }
    const lost = all.filter(
      (leaf) => leaf !== source && !sameValue(fieldValue(leaf, field), value) && editedApart(leaf, source, field),
    )
    if (lost.length > 0) contested.push({ field, kept: version(source, field), others: lost.map((l) => version(l, field)) })
  }

  if (changed) {
    const newest = all.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a))
    merged = { ...merged, fieldStamps: stamps, updatedAt: newest.updatedAt, updatedBy: newest.updatedBy }
  }
  return {
    merged: changed ? merged : null,
    losingRevs: others.map((leaf) => leaf._rev),
    contested: rule.recordContested ? contested : [],
  }
}

/** 冲突记录: what a merge did not keep, until a technician confirms or changes it. */
export interface ConflictDoc extends RecordBase, Editable {
  type: 'conflict'
  /** the document whose versions were merged */
  docId: string
  docType: string
  keptRev: string
  losingRevs: string[]
  fields: ContestedField[]
  /** every losing version whole, so nothing typed can be lost even by a wrong rule */
  losingDocs: object[]
  status: 'open' | 'resolved'
  resolution?: ConflictResolution
}

/** Per contested field: keep the merged value, or take `others[i]`. */
export type ConflictChoice = 'kept' | number
export interface ConflictResolution {
  at: string
  by: string
  choices: Record<string, ConflictChoice>
}

/** The merge writes no clock: a record made by two computers from the same versions is one document. */
export const MERGED_BY = 'system:merge'

/** Named by the first losing version: the same conflict gets the same record on every computer. */
export const conflictDocId = (stationId: string, losingRevs: readonly string[]) =>
  `conflict:${stationId}:${[...losingRevs].sort()[0]}`

/** The record of a merge that lost typed values, or null when nothing was lost. */
export function conflictRecord<T extends Editable & { type: string; stationId: string }>(
  leaves: readonly LeafDoc<T>[],
  plan: MergePlan<T>,
): ConflictDoc | null {
  const [winner] = leaves
  if (!winner || plan.contested.length === 0) return null
  const newest = leaves.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a))
  const id = conflictDocId(winner.stationId, plan.losingRevs)
  return {
    ...recordBase('conflict', id, winner.stationId, { by: MERGED_BY, at: newest.updatedAt }),
    type: 'conflict',
    docId: winner._id,
    docType: winner.type,
    keptRev: winner._rev,
    losingRevs: plan.losingRevs,
    fields: plan.contested,
    losingDocs: leaves.filter((leaf) => plan.losingRevs.includes(leaf._rev)).map((leaf) => storedBody(leaf)),
    status: 'open',
  }
}

/** A losing version's deletion. It says why, so the central server lets a station delete it. */
export const losingTombstone = (id: string, rev: string) => ({ _id: id, _rev: rev, _deleted: true, conflictMerged: true })

/** The values a technician's choices give each contested field. */
export function chosenValues(record: ConflictDoc, choices: Record<string, ConflictChoice>): Map<string, unknown> {
  const values = new Map<string, unknown>()
  for (const field of record.fields) {
    const choice = choices[field.field] ?? 'kept'
    const pick = choice === 'kept' ? field.kept : field.others[choice]
    if (!pick) throw new Error(`no version ${String(choice)} of ${field.field}`)
    values.set(field.field, pick.value)
  }
  return values
}

/** The record once resolved. Its own merge rule: a resolution is never undone by an older open copy. */
export function resolvedConflict(
  record: ConflictDoc,
  choices: Record<string, ConflictChoice>,
  editor: Editor,
): ConflictDoc {
  const next: ConflictDoc = { ...record, status: 'resolved', resolution: { at: editor.at, by: editor.by, choices } }
  return stampEdit(record, next, CONFLICT_RULE.fields, editor).doc
}

export const CONFLICT_RULE: MergeRule = { fields: ['status', 'resolution'], recordContested: false }

/** A document's value for each contested field, to apply a resolution as an ordinary edit. */
export function withChosenValues<T extends object>(doc: T, values: ReadonlyMap<string, unknown>): T {
  let next = doc
  for (const [field, value] of values) next = withFieldValue(next, field, value ?? undefined)
  return next
}

/** The merge rule of each type people edit in place; other types are only ever appended. */
export function mergeRuleFor(type: string): MergeRule | null {
  switch (type) {
    case 'need':
      return { fields: NEED_EDITABLE_FIELDS, recordContested: true }
    case 'station':
      return { fields: STATION_EDITABLE_FIELDS, recordContested: true }
    case 'dutySecretary':
      return { fields: SECRETARY_EDITABLE_FIELDS, recordContested: true }
    case 'dutyPattern':
      return { fields: ['slots', 'days'], recordContested: true }
    case 'mediationTeam':
      return { fields: MEDIATION_TEAM_FIELDS, recordContested: true }
    case 'person':
      return { fields: PERSON_EDITABLE_FIELDS, recordContested: true }
    case 'conflict':
      return CONFLICT_RULE
    default:
      return null
  }
}
