import { useCallback, useEffect, useRef, useState } from 'react'
import { useStation } from './session'

// A read of PouchDB kept current: done again whenever a document whose id starts with one of the
// prefixes is written here or arrives by sync. For the small sets read straight from PouchDB
// (conflict records, the duty rota); the big ledger has its read model instead.

/** A burst of changes (a sync bringing many) is read once. */
const SETTLE_MS = 150

export interface LiveRead<T> {
  /** undefined while the first read is under way */
  value: T | undefined
  /** why it could not be read, if it could not */
  failure: string
  reload(): void
}

export function useLiveRead<T>(read: () => Promise<T>, prefixes: readonly string[]): LiveRead<T> {
  const { services } = useStation()
  const [value, setValue] = useState<T>()
  const [failure, setFailure] = useState('')
  const [reads, setReads] = useState(0)
  const reload = useCallback(() => setReads((n) => n + 1), [])
  // The latest read function, without making every render re-read.
  const latest = useRef(read)
  latest.current = read
  const watched = prefixes.join('\u0000')

  useEffect(() => {
    let live = true
    latest.current().then(
      (result) => {
        if (!live) return
        setValue(result)
        setFailure('')
      },
      (error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      live = false
    }
  }, [services, reads])

  useEffect(() => {
    const starts = watched.split('\u0000')
    let timer: ReturnType<typeof setTimeout> | null = null
    const feed = services.db.changes({ since: 'now', live: true }).on('change', (change) => {
      if (!starts.some((prefix) => change.id.startsWith(prefix)) || timer) return
      timer = setTimeout(() => {
        timer = null
        reload()
      }, SETTLE_MS)
    })
    return () => {
      feed.cancel()
      if (timer) clearTimeout(timer)
    }
  }, [services, reload, watched])

  return { value, failure, reload }
}
