import { useCommandContext, useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import type { MediationTeamDoc } from '../../domain/mediation'

// The station's mediation teams (the two seed teams are written the first time they are read), kept
// current as they are edited here or arrive by sync.

export function useMediationTeams(): { teams: MediationTeamDoc[] | undefined; failure: string; reload(): void } {
  const { services } = useStation()
  const ctx = useCommandContext()
  const { value, failure, reload } = useLiveRead(() => services.mediation.teams(ctx()), ['mediationTeam:'])
  return { teams: value, failure, reload }
}
