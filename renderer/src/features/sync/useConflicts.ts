import { useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import type { ConflictDoc } from '../../domain/sync'

// The conflict records (冲突记录), kept current: re-read whenever one is written here or arrives by sync.

export interface Conflicts {
  /** open first, newest first; undefined while the first read is under way */
  records: ConflictDoc[] | undefined
  /** why they could not be read, if they could not */
  failure: string
  reload(): void
}

export function useConflicts(): Conflicts {
  const { services } = useStation()
  const { value, failure, reload } = useLiveRead(() => services.conflicts.list(), ['conflict:'])
  return { records: value, failure, reload }
}
