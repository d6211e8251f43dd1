import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CommandContext, CommandResult } from '../data/command'
import type { Services } from './services'
import type { StationDoc, StationFieldError, StationForm } from '../domain/station'
import { clock } from './clock'

// Who and where: the station this desk belongs to and the staff member at the desk.

export interface Session {
  services: Services
  /** null until the first-run setup is done */
  station: StationDoc | null
  /** 当班人员: the desk staff member recorded on everything done at this desk */
  operator: string
  setOperator(name: string): void
  saveStation(form: StationForm): Promise<CommandResult<StationDoc, StationFieldError>>
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ services, children }: { services: Services; children: ReactNode }) {
  // What the read model and the device held at startup, so the first screen need not wait for PouchDB to
  // open (seconds on a big database); PouchDB's own station document follows. (The operator is not read
  // again: by the time a read queued behind PouchDB's opening came back, the clerk may have changed it.)
  const [station, setStation] = useState<StationDoc | null | undefined>(services.startup.station ?? undefined)
  const [chosen, setChosen] = useState(() => {
    const operator = services.startup.prefs.get('operator')
    return typeof operator === 'string' ? operator : ''
  })

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
        if (change.id.startsWith('station:') && change.doc && !change.deleted) setStation(change.doc)
      })
    return () => {
      live = false
      feed.cancel()
    }
  }, [services])

  const setOperator = useCallback(
    (name: string) => {
      setChosen(name)
      void services.device.set('operator', name)
    },
    [services],
  )

  const operator = station && station.staff.includes(chosen) ? chosen : (station?.staff[0] ?? '')

  const saveStation = useCallback(
    async (form: StationForm) => {
      const result = await services.stations.save(form, { by: operator || form.staff[0] || '', at: clock.now() })
      if (result.ok) setStation(result.value)
      return result
    },
    [services, operator],
  )

  const value = useMemo(
    () => (station === undefined ? null : { services, station, operator, setOperator, saveStation }),
    [services, station, operator, setOperator, saveStation],
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
  const { station, operator } = useStation()
  return useCallback(() => ({ station, by: operator, at: clock.now() }), [station, operator])
}
