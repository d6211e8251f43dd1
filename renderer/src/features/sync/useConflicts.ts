import { useCallback, useEffect, useState } from 'react'
import { useStation } from '../../app/session'
import type { ConflictDoc } from '../../domain/conflictMerge'

// The conflict records (冲突记录), kept current: re-read whenever one is written here or arrives by sync.

/** A burst of records (a sync bringing many) is read once. */
const SETTLE_MS = 150

export interface Conflicts {
  /** open first, newest first; undefined while the first read is under way */
  records: ConflictDoc[] | undefined
  /** why they could not be read, if they could not */
  failure: string
  reload(): void
}

export function useConflicts(): Conflicts {
  const { services } = useStation()
  const [records, setRecords] = useState<ConflictDoc[]>()
  const [failure, setFailure] = useState('')
  const [reads, setReads] = useState(0)
  const reload = useCallback(() => setReads((n) => n + 1), [])

  useEffect(() => {
    let live = true
    services.conflicts.list().then(
      (list) => {
        if (!live) return
        setRecords(list)
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
    let timer: ReturnType<typeof setTimeout> | null = null
    const feed = services.db.changes({ since: 'now', live: true }).on('change', (change) => {
      if (!change.id.startsWith('conflict:') || timer) return
      timer = setTimeout(() => {
        timer = null
        reload()
      }, SETTLE_MS)
    })
    return () => {
      feed.cancel()
      if (timer) clearTimeout(timer)
    }
  }, [services, reload])

  return { records, failure, reload }
}
