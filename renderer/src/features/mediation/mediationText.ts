import type { CaseFile } from '../../data/mediationRepository'
import {
  maskName,
  type Party,
  isCaseMediator,
  type CaseStatus,
  type Mediator,
  type MediationTeamDoc,
} from '../../domain/mediation'
import { searchKeysFor } from '../../domain/personal'

// What the mediation screens show, worked out without React: who sees which names, the order of the
// case list, and the mediator choices of the teams.

export const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'gold',
  mediating: 'blue',
  agreed: 'green',
  failed: 'volcano',
  withdrawn: 'default',
  closed: 'cyan',
}

/** Cases still to be settled: a 可能激化 one among them goes to the top of the list. */
const UNSETTLED: readonly CaseStatus[] = ['received', 'mediating']

/** A case that may escalate and is not yet settled: listed first and highlighted. */
export const riskFirst = (file: CaseFile) => file.caseDoc.highRisk && UNSETTLED.includes(file.state.status)

/** The list's order: unsettled 可能激化 cases first, then the newest first. */
export function sortCases(files: readonly CaseFile[]): CaseFile[] {
  return [...files].sort(
    (a, b) => Number(riskFirst(b)) - Number(riskFirst(a)) || b.caseDoc.receivedAt.localeCompare(a.caseDoc.receivedAt),
  )
}

/** Does this person see the parties' names in full without opening the file? Only the case's mediators. */
export const seesNames = (file: CaseFile, operator: string) => !!operator && isCaseMediator(file.state, operator)

/** A party's name as this viewer may see it. */
export const shownName = (party: Pick<Party, 'name'>, full: boolean) => (full ? party.name : maskName(party.name))

/** A side's names, joined: 张* 、张** */
export const sideNames = (parties: readonly Pick<Party, 'name'>[], full: boolean, separator: string) =>
  parties.map((party) => shownName(party, full)).join(separator)

// A mediator chosen from a team is held in the dropdown as "team␁name"; a name typed in has no team.
const SEPARATOR = '\u0001'

export const mediatorValue = (mediator: Mediator) => (mediator.team ? `${mediator.team}${SEPARATOR}${mediator.name}` : mediator.name)

export function mediatorOf(value: string): Mediator {
  const at = value.indexOf(SEPARATOR)
  return at < 0 ? { team: '', name: value.trim() } : { team: value.slice(0, at), name: value.slice(at + 1).trim() }
}

export interface MediatorGroup {
  label: string
  title: string
  /** the team's name findable too: typing it lists the whole team */
  keys: string
  options: { value: string; label: string; keys: string }[]
}

/**
 * The teams' members as dropdown groups, each member findable by pinyin. Mediators already on the case
 * whose team no longer lists them stay choosable (under their own team's name), so re-assigning keeps them.
 */
export function mediatorGroups(teams: readonly MediationTeamDoc[], current: readonly Mediator[], otherLabel: string): MediatorGroup[] {
  const groups = new Map<string, MediatorGroup>()
  const add = (team: string, name: string) => {
    const label = team || otherLabel
    const group = groups.get(label) ?? { label, title: label, keys: searchKeysFor(label), options: [] }
    groups.set(label, group)
    const value = mediatorValue({ team, name })
    if (!group.options.some((option) => option.value === value)) group.options.push({ value, label: name, keys: searchKeysFor(name) })
  }
  for (const team of teams) for (const member of team.members) if (member.name.trim()) add(team.name, member.name.trim())
  for (const mediator of current) add(mediator.team, mediator.name)
  return [...groups.values()].filter((group) => group.options.length > 0)
}

/** A number of yuan as people write it: 1,200.5 */
export const yuan = (amount: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(amount)
