import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

// One way for a form to save: a double-click (or Ctrl+Enter pressed twice) must not write twice, so a
// second submit while one is under way is ignored; the button shows busy meanwhile; the last failure is
// cleared before trying again; and an unexpected throw becomes the "did not finish" message instead of
// an unhandled rejection.

export interface Submit {
  /** true while a submit is under way (for the button's loading) */
  busy: boolean
  /** what the form shows as its failure: whatever the work put there, or the unexpected-error message */
  failure: string
  setFailure(failure: string): void
  /** Runs `work` unless a submit is already under way, in which case it does nothing. */
  submit(work: () => Promise<void>): Promise<void>
}

/**
 * @param onUnexpected where the unexpected-error message goes instead of `failure` (e.g. a toast, for a
 *   form whose `failure` holds an i18n key rather than a message)
 */
export function useSubmit(onUnexpected?: (message: string) => void): Submit {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const running = useRef(false)
  // The latest callbacks, without making `submit` change on every render.
  const latest = useRef({ t, onUnexpected })
  latest.current = { t, onUnexpected }

  const submit = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    setFailure('')
    try {
      await work()
    } catch (error) {
      const { t, onUnexpected } = latest.current
      const message = t('error.unexpected', { message: error instanceof Error ? error.message : String(error) })
      if (onUnexpected) onUnexpected(message)
      else setFailure(message)
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])

  return { busy, failure, setFailure, submit }
}
