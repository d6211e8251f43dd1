import { monotonicFactory } from 'ulid'
import {
  activePeople,
  checkPersonForm,
  FREE_TRIES,
  keepsAnAdministrator,
  lockedUntil,
  newPersonDoc,
  PERSON_EDITABLE_FIELDS,
  personDocId,
  pinProblem,
  type PersonDoc,
  type PersonFieldError,
  type PersonForm,
  type PinHash,
  type SignInFailures,
} from '../domain/people'
import { recordBase, stampEdit, type RecordBase } from '../domain/records'
import type { StationDoc } from '../domain/station'
import type { AuditActor, AuditRepository } from './auditRepository'
import { refusedUnless, type CommandContext, type CommandResult, type SignedInPerson } from './command'
import type { DeviceStore } from './deviceStore'
import { docsByPrefix, getOrNull, type LocalDb } from './localDb'
import { hashPin, pinMatches, PIN_ITERATIONS } from './pinHash'

// The people at a station's desks: the first administrator made at setup, staff added by an administrator,
// signing in by PIN with this desk's lockout, and the recovery code for a lost administrator PIN. Every
// sensitive step leaves an audit record.

/** The one-time code that resets an administrator's PIN when it is lost; kept as a hash, like a PIN. */
export interface RecoveryDoc extends RecordBase {
  type: 'recovery'
  code: PinHash
}

export type SignInResult =
  | { ok: true; person: SignedInPerson }
  | { ok: false; error: 'people.signIn.wrongPin'; triesLeft: number }
  | { ok: false; error: 'people.signIn.locked'; until: string }
  | { ok: false; error: 'people.signIn.unknown' }

/** Letters and digits nobody misreads on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A new recovery code: 20 characters (about 99 bits) in groups of four, e.g. `K7QM-3RTA-…`. */
function newRecoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20))
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('')
  return chars.match(/.{4}/g)!.join('-')
}

/** Codes are typed back by hand: case, spaces and dashes do not matter. */
const normalCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '')

const failuresKey = (personId: string) => `signInFailures:${personId}`
const recoveryId = (station: string) => `recovery:${station}`

const signedIn = (person: PersonDoc): SignedInPerson => ({ id: person._id, name: person.name, roles: person.roles })

export class PeopleRepository {
  private readonly ulid = monotonicFactory()

  constructor(
    private readonly db: LocalDb,
    private readonly device: DeviceStore,
    /** this computer's id */
    private readonly deviceId: string,
    private readonly audit: AuditRepository,
    /** PBKDF2 iterations for new hashes (tests use fewer; a stored hash keeps its own count) */
    private readonly iterations = PIN_ITERATIONS,
  ) {}

  /** Everyone, leavers included (their records keep their names). */
  list(): Promise<PersonDoc[]> {
    return docsByPrefix<PersonDoc>(this.db, 'person:')
  }

  /** Who may sign in here, by name. */
  async active(): Promise<PersonDoc[]> {
    return activePeople(await this.list())
  }

  /**
   * First run: the station's first administrator, and the recovery code to print and keep (shown once).
   * Refused once the station has anyone: from then on an administrator adds people.
   */
  async createFirstAdministrator(
    name: string,
    pin: string,
    ctx: { station: StationDoc; at: string },
  ): Promise<CommandResult<{ person: PersonDoc; recoveryCode: string }, PersonFieldError>> {
    const people = await this.list()
    if (people.length > 0) return { ok: false, error: 'people.error.alreadySetUp' }
    const checked = this.check({ name, roles: ['admin'] }, pin, people)
    if (!checked.ok) return checked
    const id = personDocId(ctx.station.code, this.ulid(Date.parse(ctx.at)))
    const person = newPersonDoc(id, ctx.station.code, checked.value, await hashPin(pin, this.iterations), { by: name, at: ctx.at })
    const saved = await this.db.put(person)
    const recoveryCode = await this.writeRecoveryCode(ctx.station.code, { by: name, at: ctx.at })
    await this.audit.record(ctx.station.code, { action: 'personAdded', target: id, detail: 'admin' }, { personId: id, personName: name }, ctx.at)
    return { ok: true, value: { person: { ...person, _rev: saved.rev }, recoveryCode } }
  }

  /** An administrator adds someone with their roles and first PIN. */
  async add(form: PersonForm, pin: string, ctx: CommandContext): Promise<CommandResult<PersonDoc, PersonFieldError>> {
    const refused = refusedUnless(ctx, 'people.manage')
    if (refused) return refused
    const checked = this.check(form, pin, await this.list())
    if (!checked.ok) return checked
    const id = personDocId(ctx.station.code, this.ulid(Date.parse(ctx.at)))
    const person = newPersonDoc(id, ctx.station.code, checked.value, await hashPin(pin, this.iterations), ctx)
    const saved = await this.db.put(person)
    await this.audit.record(ctx.station.code, { action: 'personAdded', target: id, detail: person.roles.join(',') }, this.actor(ctx), ctx.at)
    return { ok: true, value: { ...person, _rev: saved.rev } }
  }

  /** An administrator renames someone or changes their roles; the station always keeps an active administrator. */
  async update(id: string, form: PersonForm, ctx: CommandContext): Promise<CommandResult<PersonDoc, PersonFieldError>> {
    const refused = refusedUnless(ctx, 'people.manage')
    if (refused) return refused
    const people = await this.list()
    const checked = checkPersonForm(form, people, id)
    if (!checked.ok) return checked
    const existing = people.find((person) => person._id === id)
    if (!existing) return { ok: false, error: 'people.error.notFound' }
    if (!keepsAnAdministrator(people, { id, roles: checked.value.roles })) return { ok: false, error: 'people.error.lastAdministrator' }
    const saved = await this.edit(existing, checked.value, ctx)
    if (saved.roles.join() !== existing.roles.join()) {
      await this.audit.record(ctx.station.code, { action: 'rolesChanged', target: id, detail: saved.roles.join(',') }, this.actor(ctx), ctx.at)
    }
    return { ok: true, value: saved }
  }

  /** A new PIN: by an administrator for anyone (a forgotten PIN), or by a person for their own. */
  async resetPin(id: string, pin: string, ctx: CommandContext): Promise<CommandResult<PersonDoc, PersonFieldError>> {
    if (ctx.person?.id !== id) {
      const refused = refusedUnless(ctx, 'people.manage')
      if (refused) return refused
    }
    const problem = pinProblem(pin)
    if (problem) return { ok: false, errors: [{ field: 'pin', message: problem }] }
    const existing = await getOrNull<PersonDoc>(this.db, id)
    if (!existing) return { ok: false, error: 'people.error.notFound' }
    const saved = await this.edit(existing, { pin: await hashPin(pin, this.iterations) }, ctx)
    await this.audit.record(ctx.station.code, { action: 'pinReset', target: id }, this.actor(ctx), ctx.at)
    return { ok: true, value: saved }
  }

  /** A leaver is disabled, never deleted; an administrator may enable them again. */
  async setDisabled(id: string, disabled: boolean, ctx: CommandContext): Promise<CommandResult<PersonDoc>> {
    const refused = refusedUnless(ctx, 'people.manage')
    if (refused) return refused
    const people = await this.list()
    const existing = people.find((person) => person._id === id)
    if (!existing) return { ok: false, error: 'people.error.notFound' }
    if (disabled && !keepsAnAdministrator(people, { id, disabled })) return { ok: false, error: 'people.error.lastAdministrator' }
    const saved = await this.edit(existing, { disabled }, ctx)
    const action = disabled ? 'personDisabled' : 'personEnabled'
    await this.audit.record(ctx.station.code, { action, target: id }, this.actor(ctx), ctx.at)
    return { ok: true, value: saved }
  }

  /**
   * Signs a person in with their PIN. Five wrong PINs in a row lock the account on this desk for a minute,
   * doubling with each further wrong try (domain/people/pin.ts); a right PIN clears the count.
   */
  async signIn(id: string, pin: string, station: StationDoc, at: string): Promise<SignInResult> {
    const person = await getOrNull<PersonDoc>(this.db, id)
    if (!person || person.disabled) return { ok: false, error: 'people.signIn.unknown' }
    const who = { personId: person._id, personName: person.name }
    const failures = await this.device.get<SignInFailures | undefined>(failuresKey(id), undefined)
    const locked = lockedUntil(failures, at)
    if (locked) return { ok: false, error: 'people.signIn.locked', until: locked }
    if (await pinMatches(pin, person.pin)) {
      await this.device.prefs.delete(failuresKey(id))
      await this.audit.record(station.code, { action: 'signIn' }, who, at)
      return { ok: true, person: signedIn(person) }
    }
    const count = (failures?.count ?? 0) + 1
    await this.device.set(failuresKey(id), { count, lastAt: at } satisfies SignInFailures)
    await this.audit.record(station.code, { action: 'signInFailed', detail: String(count) }, who, at)
    const until = lockedUntil({ count, lastAt: at }, at)
    if (until) {
      await this.audit.record(station.code, { action: 'signInLocked', detail: until }, who, at)
      return { ok: false, error: 'people.signIn.locked', until }
    }
    return { ok: false, error: 'people.signIn.wrongPin', triesLeft: FREE_TRIES - count }
  }

  /** Until when `id` is locked on this desk, or null. */
  async lockedUntil(id: string, at: string): Promise<string | null> {
    return lockedUntil(await this.device.get<SignInFailures | undefined>(failuresKey(id), undefined), at)
  }

  /** An administrator lifts this desk's lock on someone's account. */
  async unlock(id: string, ctx: CommandContext): Promise<CommandResult<null>> {
    const refused = refusedUnless(ctx, 'people.manage')
    if (refused) return refused
    await this.device.prefs.delete(failuresKey(id))
    await this.audit.record(ctx.station.code, { action: 'unlock', target: id }, this.actor(ctx), ctx.at)
    return { ok: true, value: null }
  }

  /**
   * A lost administrator PIN: the recovery code printed at setup sets a new PIN for an active administrator,
   * and is then used up: a new code is made, to print and keep in its place.
   */
  async recover(
    code: string,
    adminId: string,
    pin: string,
    station: StationDoc,
    at: string,
  ): Promise<CommandResult<{ person: SignedInPerson; recoveryCode: string }, PersonFieldError>> {
    const stored = await getOrNull<RecoveryDoc>(this.db, recoveryId(station.code))
    if (!stored || !(await pinMatches(normalCode(code), stored.code))) return { ok: false, error: 'people.recovery.wrongCode' }
    const admin = await getOrNull<PersonDoc>(this.db, adminId)
    if (!admin || admin.disabled || !admin.roles.includes('admin')) return { ok: false, error: 'people.error.notFound' }
    const problem = pinProblem(pin)
    if (problem) return { ok: false, errors: [{ field: 'pin', message: problem }] }
    const who = { personId: admin._id, personName: admin.name }
    await this.edit(admin, { pin: await hashPin(pin, this.iterations) }, { by: admin.name, at })
    await this.device.prefs.delete(failuresKey(adminId))
    const recoveryCode = await this.writeRecoveryCode(station.code, { by: admin.name, at })
    await this.audit.record(station.code, { action: 'recoveryUsed', target: adminId }, who, at)
    return { ok: true, value: { person: signedIn(admin), recoveryCode } }
  }

  private check(form: PersonForm, pin: string, people: readonly PersonDoc[]) {
    const checked = checkPersonForm(form, people)
    const problem = pinProblem(pin)
    if (checked.ok && !problem) return checked
    const errors: PersonFieldError[] = [...(checked.ok ? [] : checked.errors), ...(problem ? [{ field: 'pin' as const, message: problem }] : [])]
    return { ok: false as const, errors }
  }

  private async edit(existing: PersonDoc, change: Partial<PersonDoc>, ctx: { by: string; at: string }): Promise<PersonDoc> {
    const { doc } = stampEdit(existing, { ...existing, ...change }, PERSON_EDITABLE_FIELDS, { by: ctx.by, at: ctx.at, device: this.deviceId })
    if (doc === existing) return existing
    const saved = await this.db.put(doc)
    return { ...doc, _rev: saved.rev }
  }

  private async writeRecoveryCode(station: string, actor: { by: string; at: string }): Promise<string> {
    const code = newRecoveryCode()
    const existing = await getOrNull<RecoveryDoc>(this.db, recoveryId(station))
    const doc: RecoveryDoc = {
      ...(existing ?? recordBase('recovery', recoveryId(station), station, actor)),
      type: 'recovery',
      code: await hashPin(normalCode(code), this.iterations),
      updatedAt: actor.at,
      updatedBy: actor.by,
    }
    await this.db.put(doc)
    return code
  }

  private actor(ctx: CommandContext): AuditActor {
    return { personId: ctx.person?.id ?? '', personName: ctx.person?.name ?? ctx.by }
  }
}
