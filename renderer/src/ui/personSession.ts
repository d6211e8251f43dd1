import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CommandResult, SignedInPerson } from '../data/command'
import type { SignInResult } from '../data/peopleRepository'
import { checkPersonForm, pinProblem, ROLES, type PersonDoc, type PersonFieldError, type Role } from '../domain/people'
import type { StationDoc } from '../domain/station'
import { clock } from './clock'
import type { Services } from './services'

// Who is at the desk: signing in by PIN, locking the screen (by hand or when idle) and unlocking it with
// the same person's PIN, switching person. The sign-in lives in sessionStorage: a reload in the same window
// keeps it (and a locked screen stays locked), a restarted app asks again. A reload shows the person kept
// at once, as the station is (PouchDB may take seconds to open), and reads their account again behind.

const KEY = 'tongxin.signedIn'
/** Minutes without a key or a click before the screen locks, unless this device was set otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5
const IDLE_PREF = 'idleLockMinutes'

interface Kept {
  id: string
  /** name and roles as at the sign-in, shown until the account is read again; a test may keep the id alone */
  person?: SignedInPerson
  locked: boolean
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)

/** This window's sign-in, as kept across a reload. Tests write it to start a screen signed in. */
export const signedInStorage = {
  read(): Kept | null {
    try {
      const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Kept> | null
      if (!kept || typeof kept.id !== 'string') return null
      const { person } = kept
      const whole = person && person.id === kept.id && typeof person.name === 'string' && Array.isArray(person.roles) && person.roles.every(isRole)
      return { id: kept.id, ...(whole ? { person: { id: person.id, name: person.name, roles: person.roles } } : {}), locked: kept.locked === true }
    } catch {
      return null
    }
  },
  write(kept: Kept): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(kept))
    } catch {
      // storage disabled: the sign-in lasts until the page reloads
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY)
    } catch {
      // nothing was kept
    }
  },
}

const asSignedIn = (person: PersonDoc): SignedInPerson => ({ id: person._id, name: person.name, roles: person.roles })
const same = (a: SignedInPerson, b: SignedInPerson) => a.id === b.id && a.name === b.name && a.roles.join() === b.roles.join()

/** What is wrong with a would-be administrator's name and PIN (fields `name` and `pin`), before anything is written. */
export function administratorProblems(name: string, pin: string): PersonFieldError[] {
  const checked = checkPersonForm({ name, roles: ['admin'] }, [])
  const problem = pinProblem(pin)
  return [...(checked.ok ? [] : checked.errors), ...(problem ? [{ field: 'pin' as const, message: problem }] : [])]
}

export interface PersonSession {
  /** undefined while a reload's sign-in is read back */
  person: SignedInPerson | null | undefined
  /** the screen is locked: the app stays mounted underneath, hidden, until the same person's PIN */
  locked: boolean
  signIn(id: string, pin: string): Promise<SignInResult>
  /** the signed-in person's PIN lifts the lock */
  unlock(pin: string): Promise<SignInResult>
  signOut(): void
  lock(reason: 'idle' | 'manual'): void
  /** this device's idle time before the screen locks */
  idleLockMinutes: number
  setIdleLockMinutes(minutes: number): Promise<void>
  /** A station without anyone yet: its first administrator; signed in by `enterVerified` once the code is noted. */
  createAdministrator(name: string, pin: string, station: StationDoc): Promise<CommandResult<{ recoveryCode: string }, PersonFieldError>>
  /** A lost administrator PIN reset with the recovery code; signed in by `enterVerified` once the new code is noted. */
  recover(code: string, adminId: string, pin: string): Promise<CommandResult<{ recoveryCode: string }, PersonFieldError>>
  /** Signs in the person the last setup or recovery checked (after their recovery code was shown). */
  enterVerified(): void
}

export function usePersonSession(services: Services, station: StationDoc | null | undefined): PersonSession {
  const [person, setPerson] = useState<SignedInPerson | null | undefined>(() => {
    const kept = signedInStorage.read()
    return kept ? kept.person : null
  })
  const [locked, setLocked] = useState(() => signedInStorage.read()?.locked ?? false)
  const [idleLockMinutes, setIdle] = useState(() => {
    const kept = services.startup.prefs.get(IDLE_PREF)
    return typeof kept === 'number' && kept > 0 ? kept : DEFAULT_IDLE_LOCK_MINUTES
  })
  const current = useRef(person)
  current.current = person
  /** the person a setup or recovery has just checked, until their recovery code has been noted */
  const verified = useRef<SignedInPerson | null>(null)

  const enter = useCallback((signedIn: SignedInPerson) => {
    setPerson(signedIn)
    setLocked(false)
    signedInStorage.write({ id: signedIn.id, person: signedIn, locked: false })
  }, [])

  const signOut = useCallback(() => {
    setPerson(null)
    setLocked(false)
    signedInStorage.clear()
  }, [])

  // A reload: the person is read again, so a leaver disabled meanwhile (here or by sync) is signed out.
  useEffect(() => {
    const kept = signedInStorage.read()
    if (!kept) return
    let live = true
    void services.people.list().then(
      (people) => {
        // Signed out (or someone else in) while the database opened: nothing to bring back.
        if (!live || (current.current !== undefined && current.current?.id !== kept.id)) return
        const found = people.find((p) => p._id === kept.id && !p.disabled)
        if (!found) return signOut()
        const now = asSignedIn(found)
        setPerson((shown) => (shown && same(shown, now) ? shown : now))
        signedInStorage.write({ id: now.id, person: now, locked: signedInStorage.read()?.locked ?? false })
      },
      () => live && signOut(),
    )
    return () => {
      live = false
    }
  }, [services, signOut])

  // Their account changed while they are signed in (here or on another desk): new roles at once; disabled, out.
  useEffect(() => {
    const feed = services.db
      .changes<PersonDoc>({ since: 'now', live: true, include_docs: true })
      .on('change', (change) => {
        const now = current.current
        if (!now || change.id !== now.id || !change.doc) return
        if (change.deleted || change.doc.disabled) return signOut()
        const changed = asSignedIn(change.doc)
        if (same(now, changed)) return
        setPerson(changed)
        signedInStorage.write({ id: changed.id, person: changed, locked: signedInStorage.read()?.locked ?? false })
      })
    return () => feed.cancel()
  }, [services, signOut])

  const signIn = useCallback(
    async (id: string, pin: string): Promise<SignInResult> => {
      if (!station) return { ok: false, error: 'people.signIn.unknown' }
      const result = await services.people.signIn(id, pin, station, clock.now())
      if (result.ok) enter(result.person)
      return result
    },
    [services, station, enter],
  )

  const unlock = useCallback(
    (pin: string) => (current.current ? signIn(current.current.id, pin) : Promise.resolve({ ok: false, error: 'people.signIn.unknown' } as const)),
    [signIn],
  )

  const lock = useCallback(
    (reason: 'idle' | 'manual') => {
      const now = current.current
      if (!now || !station) return
      setLocked(true)
      signedInStorage.write({ id: now.id, person: now, locked: true })
      void services.audit.record(station.code, { action: 'lock', detail: reason }, { personId: now.id, personName: now.name }, clock.now())
    },
    [services, station],
  )

  const setIdleLockMinutes = useCallback(
    async (minutes: number) => {
      setIdle(minutes)
      await services.device.set(IDLE_PREF, minutes)
    },
    [services],
  )

  const createAdministrator = useCallback(
    async (name: string, pin: string, at: StationDoc): Promise<CommandResult<{ recoveryCode: string }, PersonFieldError>> => {
      const made = await services.people.createFirstAdministrator(name, pin, { station: at, at: clock.now() })
      if (!made.ok) return made
      verified.current = asSignedIn(made.value.person)
      return { ok: true, value: { recoveryCode: made.value.recoveryCode } }
    },
    [services],
  )

  const recover = useCallback(
    async (code: string, adminId: string, pin: string): Promise<CommandResult<{ recoveryCode: string }, PersonFieldError>> => {
      if (!station) return { ok: false, error: 'people.error.notFound' }
      const result = await services.people.recover(code, adminId, pin, station, clock.now())
      if (!result.ok) return result
      verified.current = result.value.person
      return { ok: true, value: { recoveryCode: result.value.recoveryCode } }
    },
    [services, station],
  )

  const enterVerified = useCallback(() => {
    const checked = verified.current
    verified.current = null
    if (checked) enter(checked)
  }, [enter])

  return useMemo(
    () => ({
      person,
      locked,
      signIn,
      unlock,
      signOut,
      lock,
      idleLockMinutes,
      setIdleLockMinutes,
      createAdministrator,
      recover,
      enterVerified,
    }),
    [person, locked, signIn, unlock, signOut, lock, idleLockMinutes, setIdleLockMinutes, createAdministrator, recover, enterVerified],
  )
}
