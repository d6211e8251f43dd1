import type { Editable, RecordBase } from '../records'

// 调解队伍: the volunteer mediation teams of a centre and their members. Seeded with the two teams the
// centres run (银龄矛盾调解队, 巾帼调解队) and edited by the station afterwards.

export interface TeamMember {
  name: string
  phone: string
}

export interface MediationTeamDoc extends RecordBase, Editable {
  type: 'mediationTeam'
  name: string
  members: TeamMember[]
}

export const MEDIATION_TEAM_FIELDS = ['name', 'members'] as const

export const mediationTeamId = (stationId: string, key: string) => `mediationTeam:${stationId}:${key}`

/** The teams a new station starts with; members are added by the station. */
export const SEED_TEAMS: readonly { key: string; name: string; members: TeamMember[] }[] = [
  { key: 'silver', name: '银龄矛盾调解队', members: [] },
  { key: 'women', name: '巾帼调解队', members: [] },
]
