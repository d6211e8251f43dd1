import { useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import type { CaseFile } from '../../data/mediationRepository'

// Every case file of the station, kept current as cases, steps and sessions are written here or
// arrive by sync. A station has a few hundred cases a year.

export function useMediation(): { files: CaseFile[] | undefined; failure: string; reload(): void } {
  const { services } = useStation()
  const { value, failure, reload } = useLiveRead(() => services.mediation.cases(), ['mediation'])
  return { files: value, failure, reload }
}
