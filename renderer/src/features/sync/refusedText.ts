import type { TFunction } from 'i18next'
import { STATION_DOC_TYPES, STATION_REFUSAL_REASONS } from '../../contract'
import { paths } from '../../ui/paths'
import { mediationCaseId } from '../../domain/mediation'
import { needDocId } from '../../domain/needs'
import { fieldLabel } from './conflictText'

// How the list of documents central refused words and places each one: its kind (from its id,
// `<type>:<station>:…`), the page where it is corrected, and the server's reason in the clerk's words.


export const recordType = (id: string): string => id.split(':')[0] ?? ''

/** 诉求, 调解案卷, …; the id itself for a kind the app does not know. */
export function recordKind(t: TFunction, id: string): string {
  const type = recordType(id)
  return (STATION_DOC_TYPES as readonly string[]).includes(type) ? t(`sync.refused.type.${type}`) : t('sync.refused.type.other', { id })
}

/** The need a need or one of its timeline steps (`needEvent:<station>:<need>:<step>`) belongs to. */
export function needOf(id: string): string | null {
  const [type, station, need] = id.split(':')
  return (type === 'need' || type === 'needEvent') && station && need ? needDocId(station, need) : null
}

/** The page where the record is seen and corrected; null when it has none. */
export function recordPath(id: string): string | null {
  const need = needOf(id)
  if (need) return paths.need(need)
  const [type, station, caseUlid] = id.split(':')
  switch (type) {
    case 'station':
      return paths.settings
    case 'mediationCase':
      return paths.mediationCase(id)
    // What hangs off a case: `<type>:<station>:<case>:<ulid>`
    case 'mediationStep':
    case 'mediationSession':
    case 'mediationAccess':
      return station && caseUlid ? paths.mediationCase(mediationCaseId(station, caseUlid)) : paths.mediation
    case 'mediationTeam':
      return paths.mediationTeams
    case 'dutySecretary':
    case 'dutyPattern':
      return paths.dutyRoster
    case 'dutyPlan':
    case 'dutyChange':
    case 'dutyCheck':
    case 'dutyNote':
      return paths.dutyRota
    case 'conflict':
      return paths.conflicts
    default:
      return null
  }
}

/** Why central refused it: `<reason>: <detail>`, with a missing field named by its form's label where it has one. */
export function refusalText(t: TFunction, id: string, reason: string): string {
  const colon = reason.indexOf(': ')
  const word = colon < 0 ? '' : reason.slice(0, colon)
  const missing = word === 'badShape' ? /^(\S+) (?:is|are) required$/.exec(reason.slice(colon + 2)) : null
  if (missing) return t('sync.refused.why.missing', { field: fieldLabel(t, recordType(id), missing[1]!) })
  return (STATION_REFUSAL_REASONS as readonly string[]).includes(word) ? t(`sync.refused.why.${word}`) : t('sync.refused.why.other')
}
