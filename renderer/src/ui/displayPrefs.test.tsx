// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { DisplayPrefsProvider, useDisplayPrefs } from './displayPrefs'
import type { Services } from './services'

/** The device store and startup prefs of a computer where `stored` was chosen before. */
function computer(stored: Record<string, unknown> = {}) {
  const written = new Map<string, unknown>()
  const services = {
    startup: { station: null, prefs: new Map(Object.entries(stored)) },
    device: { set: async (key: string, value: unknown) => void written.set(key, value) },
  } as unknown as Pick<Services, 'device' | 'startup'>
  const wrapper = ({ children }: { children: ReactNode }) => <DisplayPrefsProvider services={services}>{children}</DisplayPrefsProvider>
  return { written, wrapper }
}

describe('useDisplayPrefs', () => {
  it('starts in the normal look on a computer where nothing was chosen', () => {
    const { wrapper } = computer()
    const { result } = renderHook(() => useDisplayPrefs(), { wrapper })
    expect(result.current.largeText).toBe(false)
    expect(result.current.highContrast).toBe(false)
  })

  it('starts in the look chosen before on this computer, read at startup', () => {
    const { wrapper } = computer({ largeText: true, highContrast: true })
    const { result } = renderHook(() => useDisplayPrefs(), { wrapper })
    expect(result.current.largeText).toBe(true)
    expect(result.current.highContrast).toBe(true)
  })

  it('switches each mode at once and remembers it on this computer', () => {
    const { written, wrapper } = computer()
    const { result } = renderHook(() => useDisplayPrefs(), { wrapper })
    act(() => result.current.setLargeText(true))
    expect(result.current.largeText).toBe(true)
    expect(result.current.highContrast).toBe(false)
    act(() => result.current.setHighContrast(true))
    act(() => result.current.setLargeText(false))
    expect(result.current).toMatchObject({ largeText: false, highContrast: true })
    expect(Object.fromEntries(written)).toEqual({ largeText: false, highContrast: true })
  })
})
