import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Services } from './services'

// Large text and high contrast (适老化): whether they are on, and remembering the choice. The one place that
// reads and writes it: today it is this computer's (the device store, like the language); made a person's
// own, only this file changes.

export interface DisplayPrefs {
  largeText: boolean
  highContrast: boolean
  setLargeText(on: boolean): void
  setHighContrast(on: boolean): void
}

/** Keys in the device store. */
export const DISPLAY_PREF_KEYS = { largeText: 'largeText', highContrast: 'highContrast' } as const

const DisplayPrefsContext = createContext<DisplayPrefs | null>(null)

export function DisplayPrefsProvider({
  services,
  children,
}: {
  services: Pick<Services, 'device' | 'startup'>
  children: ReactNode
}) {
  // Read at startup with the language (before PouchDB opened), so the first screen is drawn in the mode chosen.
  const [largeText, setLarge] = useState(() => services.startup.prefs.get(DISPLAY_PREF_KEYS.largeText) === true)
  const [highContrast, setContrast] = useState(() => services.startup.prefs.get(DISPLAY_PREF_KEYS.highContrast) === true)
  const setLargeText = useCallback(
    (on: boolean) => {
      setLarge(on)
      void services.device.set(DISPLAY_PREF_KEYS.largeText, on)
    },
    [services],
  )
  const setHighContrast = useCallback(
    (on: boolean) => {
      setContrast(on)
      void services.device.set(DISPLAY_PREF_KEYS.highContrast, on)
    },
    [services],
  )
  const value = useMemo(
    () => ({ largeText, highContrast, setLargeText, setHighContrast }),
    [largeText, highContrast, setLargeText, setHighContrast],
  )
  return <DisplayPrefsContext.Provider value={value}>{children}</DisplayPrefsContext.Provider>
}

export function useDisplayPrefs(): DisplayPrefs {
  const prefs = useContext(DisplayPrefsContext)
  if (!prefs) throw new Error('useDisplayPrefs outside DisplayPrefsProvider')
  return prefs
}
