import { z } from 'zod'
import { recordBase, type Actor, type Editable, type RecordBase } from '../records'
import { ROLES, type Role } from './roles'

// A person who works at the station's desks (工作人员): their name, roles, and their PIN as a slow salted
// hash. Accounts are station documents, so every desk of the station knows them after sync; a person who
// leaves is disabled, never deleted, so the records they made keep their name.

/** A PIN as stored: PBKDF2 over the PIN with a random salt. Never the PIN itself. */
export interface PinHash {
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  /** base64 */
  salt: string
  /** base64 */
  hash: string
}

export interface PersonDoc extends RecordBase, Editable {
  type: 'person'
  name: string
  roles: Role[]
  pin: PinHash
  disabled: boolean
}

/** Fields edited in place; two desks' edits merge field by field (domain/sync/conflictMerge.ts). */
export const PERSON_EDITABLE_FIELDS = ['name', 'roles', 'pin', 'disabled'] as const

export const personDocId = (station: string, ulid: string) => `person:${station}:${ulid}`

export const personFormSchema = z.object({
  name: z.string().trim().min(1, 'people.error.nameRequired').max(40, 'people.error.nameTooLong'),
  roles: z.array(z.enum(ROLES)).min(1, 'people.error.rolesRequired'),
})
export type PersonForm = z.infer<typeof personFormSchema>

export interface PersonFieldError {
  field: keyof PersonForm | 'pin'
  message: string
}

export type CheckedPerson = { ok: true; value: PersonForm } | { ok: false; errors: PersonFieldError[] }

/** Checks a person's name and roles; a name already used by another active person of the station is refused. */
export function checkPersonForm(input: unknown, others: readonly PersonDoc[], selfId?: string): CheckedPerson {
  const parsed = personFormSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ field: issue.path[0] as keyof PersonForm, message: issue.message })),
    }
  }
  const value = { ...parsed.data, roles: ROLES.filter((role) => parsed.data.roles.includes(role)) }
  if (others.some((other) => other._id !== selfId && !other.disabled && other.name === value.name)) {
    return { ok: false, errors: [{ field: 'name', message: 'people.error.nameTaken' }] }
  }
  return { ok: true, value }
}

export function newPersonDoc(id: string, station: string, form: PersonForm, pin: PinHash, actor: Actor): PersonDoc {
  return { ...recordBase('person', id, station, actor), type: 'person', name: form.name, roles: form.roles, pin, disabled: false }
}

/** The people who can sign in at a desk, by name (the sign-in list). */
export const activePeople = (people: readonly PersonDoc[]): PersonDoc[] =>
  people.filter((person) => !person.disabled).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))

/** Whether `people` still has an active administrator once `change` is applied (nobody may lock the station out). */
export function keepsAnAdministrator(people: readonly PersonDoc[], change: { id: string; roles?: Role[]; disabled?: boolean }): boolean {
  return people.some((person) => {
    const roles = person._id === change.id ? (change.roles ?? person.roles) : person.roles
    const disabled = person._id === change.id ? (change.disabled ?? person.disabled) : person.disabled
    return !disabled && roles.includes('admin')
  })
}
