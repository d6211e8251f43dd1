import type { Editable, RecordBase } from '../records'

// 调解队伍: the volunteer mediation teams of a centre and their members. Seeded with the two teams the
// centres run (银龄矛盾调解队, 巾帼调解队) and edited by the station afterwards.

export interface TeamMember {
  name: string
  phone: string
  /** 队长: leads the team, and may open its mediators' case files */
  lead?: boolean
}

export interface MediationTeamDoc extends RecordBase, Editable {
  type: 'mediationTeam'
  name: string
  members: TeamMember[]
}

export const MEDIATION_TEAM_FIELDS = ['name', 'members'] as const

export const mediationTeamId = (stationId: string, key: string) => `mediationTeam:${stationId}:${key}`

/** The leads of the teams the given mediators serve in (they may open those mediators' case files). */
export function teamLeadsOf(teams: readonly MediationTeamDoc[], mediators: readonly { team: string }[]): string[] {
  const served = new Set(mediators.map((m) => m.team))
  return teams.filter((team) => served.has(team.name)).flatMap((team) => team.members.filter((m) => m.lead).map((m) => m.name))
}

/** The teams a new station starts with; members are added by the station. */
export const SEED_TEAMS: readonly { key: string; name: string; members: TeamMember[] }[] = [
  { key: 'silver', name: '银龄矛盾调解队', members: [] },
  { key: 'women', name: '巾帼调解队', members: [] },
]
