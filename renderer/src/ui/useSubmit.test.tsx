// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSubmit } from './useSubmit'

describe('useSubmit', () => {
  it('ignores a second submit while the first is under way, so a double-click writes once', async () => {
    const { result } = renderHook(() => useSubmit())
    let writes = 0
    let finish = () => {}
    const work = () =>
      new Promise<void>((resolve) => {
        writes++
        finish = resolve
      })
    let first: Promise<void> = Promise.resolve()
    act(() => {
      first = result.current.submit(work)
    })
    expect(result.current.busy).toBe(true)
    await act(() => result.current.submit(work))
    expect(writes).toBe(1)
    await act(async () => {
      finish()
      await first
    })
    expect(result.current.busy).toBe(false)
    await act(() => result.current.submit(async () => void writes++))
    expect(writes).toBe(2)
  })

  it('turns an unexpected throw into the failure message, or hands it to the given place', async () => {
    const { result } = renderHook(() => useSubmit())
    await act(() => result.current.submit(() => Promise.reject(new Error('disk full'))))
    expect(result.current.failure).toContain('error.unexpected')
    const shown: string[] = []
    const toast = renderHook(() => useSubmit((message) => shown.push(message)))
    await act(() => toast.result.current.submit(() => Promise.reject(new Error('disk full'))))
    expect(shown).toHaveLength(1)
    expect(toast.result.current.failure).toBe('')
  })
})
