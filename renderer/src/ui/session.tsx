import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { CommandContext, CommandResult, RefusedField, SignedInPerson } from '../data/command'
import type { Services } from './services'
import { can as allowed, type Action } from '../domain/people'
import { checkStationForm, type StationDoc, type StationFieldError, type StationForm } from '../domain/station'
import { clock } from './clock'
import { administratorProblems, usePersonSession, type PersonSession } from './personSession'

// Who and where: the station this desk belongs to and the person signed in at the desk (ui/personSession.ts).

/** First run's refusals: the station's fields, and the administrator's (`adminName`, `pin`). */
export type SetUpField = StationFieldError['field'] | 'adminName' | 'pin'

export interface Session extends Omit<PersonSession, 'person'> {
  services: Services
  /** null until the first-run setup is done */
  station: StationDoc | null
  /** the person signed in at this desk, null at the sign-in screen */
  person: SignedInPerson | null
  /** 当班人员: the signed-in person's name, recorded on everything done at this desk ('' when nobody is) */
  operator: string
  /** whether the signed-in person's roles allow `action` (domain/people's table); false when nobody is signed in */
  can(action: Action): boolean
  saveStation(form: StationForm): Promise<CommandResult<StationDoc, StationFieldError>>
  /** First run: the station and its first administrator; the session takes them once `finishSetUp` is called. */
  setUp(form: StationForm, admin: { name: string; pin: string }): Promise<CommandResult<{ recoveryCode: string }, RefusedField<SetUpField>>>
  /** After the administrator noted the recovery code: the station opens, signed in as them. */
  finishSetUp(): void
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ services, children }: { services: Services; children: ReactNode }) {
  // What the read model and the device held at startup, so the first screen need not wait for PouchDB to
  // open (seconds on a big database); PouchDB's own station document follows.
  const [station, setStation] = useState<StationDoc | null | undefined>(services.startup.station ?? undefined)
  const people = usePersonSession(services, station)
  /** the station saved by the first-run setup, shown once its administrator has noted the recovery code */
  const setUpStation = useRef<StationDoc | null>(null)

  useEffect(() => {
    let live = true
    void services.stations.current().then((doc) => {
      if (!live) return
      // Usually the very document read at startup: keep that one, so nothing renders again for it.
      setStation((shown) => (shown && doc && shown._id === doc._id && shown._rev === doc._rev ? shown : doc))
    })
    // Settings edited on another desk arrive through sync; follow them.
    const feed = services.db
      .changes<StationDoc>({ since: 'now', live: true, include_docs: true })
      .on('change', (change) => {
        // Not on first run: the setup page shows the station once its administrator noted the recovery code.
        const doc = change.doc
        if (change.id.startsWith('station:') && doc && !change.deleted) setStation((shown) => (shown === null ? null : doc))
      })
    return () => {
      live = false
      feed.cancel()
    }
  }, [services])

  const { person, createAdministrator, enterVerified } = people
  const operator = person?.name ?? ''
  const can = useCallback((action: Action) => Boolean(person && allowed(person.roles, action)), [person])

  const saveStation = useCallback(
    async (form: StationForm) => {
      const result = await services.stations.save(form, { by: operator, at: clock.now(), ...(person ? { person } : {}) })
      if (result.ok) setStation(result.value)
      return result
    },
    [services, operator, person],
  )

  const setUp = useCallback(
    async (form: StationForm, admin: { name: string; pin: string }): Promise<CommandResult<{ recoveryCode: string }, RefusedField<SetUpField>>> => {
      // Everything is checked before the station is written: a refused PIN must not leave a station without administrator.
      const station = checkStationForm(form)
      const adminErrors = administratorProblems(admin.name, admin.pin).map((e) => ({ ...e, field: e.field === 'pin' ? 'pin' : 'adminName' }) as const)
      if (!station.ok || adminErrors.length) return { ok: false, errors: [...(station.ok ? [] : station.errors), ...adminErrors] }
      const saved = await services.stations.save(station.value, { by: admin.name, at: clock.now() })
      if (!saved.ok) return saved
      const made = await createAdministrator(admin.name, admin.pin, saved.value)
      if (!made.ok) return 'error' in made ? made : { ok: false, errors: made.errors.map((e) => ({ ...e, field: e.field === 'pin' ? 'pin' : 'adminName' })) }
      setUpStation.current = saved.value
      return made
    },
    [services, createAdministrator],
  )

  const finishSetUp = useCallback(() => {
    const saved = setUpStation.current
    setUpStation.current = null
    enterVerified()
    if (saved) setStation(saved)
  }, [enterVerified])

  const value = useMemo(
    () =>
      station === undefined || people.person === undefined
        ? null
        : { ...people, person: people.person, services, station, operator, can, saveStation, setUp, finishSetUp },
    [people, services, station, operator, can, saveStation, setUp, finishSetUp],
  )
  if (!value) return null
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

/** The session of a station that is set up; screens behind the setup gate use this. */
export function useStation(): Session & { station: StationDoc } {
  const session = useSession()
  if (!session.station) throw new Error('station not set up')
  return session as Session & { station: StationDoc }
}

/** Who, where and when, for a command run now. */
export function useCommandContext(): () => CommandContext {
  const { station, person } = useStation()
  return useCallback(() => ({ station, by: person?.name ?? '', at: clock.now(), ...(person ? { person } : {}) }), [station, person])
}
