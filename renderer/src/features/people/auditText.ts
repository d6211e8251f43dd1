import type { TFunction } from 'i18next'
import { localDateTime } from '../../domain/calendar'
import { ROLES, type AuditDoc, type Role } from '../../domain/people'

// One audit record as the 操作留痕 page shows it and its export writes it: the same words in both.

export interface AuditLine {
  id: string
  time: string
  person: string
  action: string
  target: string
  detail: string
  desk: string
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

function detailText(record: AuditDoc, t: TFunction): string {
  const detail = record.detail ?? ''
  if (!detail) return ''
  switch (record.action) {
    case 'personAdded':
    case 'rolesChanged': {
      const roles = detail.split(',')
      return roles.every(isRole) ? roles.map((role) => t(`people.role.${role}`)).join(t('people.forbidden.separator')) : detail
    }
    case 'signInLocked':
      return t('people.audit.detail.until', { time: localDateTime(detail) })
    case 'lock':
      return detail === 'idle' || detail === 'manual' ? t(`people.audit.lockReason.${detail}`) : detail
    case 'export':
      return /^\d+$/.test(detail) ? t('people.audit.detail.rows', { count: Number(detail) }) : detail
    default:
      return detail
  }
}

/**
 * @param names people's names by id, so a record about a person names them
 * @param thisDevice this computer's id, named as 本机
 */
export function auditLines(records: readonly AuditDoc[], t: TFunction, names: ReadonlyMap<string, string>, thisDevice: string): AuditLine[] {
  return records.map((record) => ({
    id: record._id,
    time: localDateTime(record.createdAt),
    person: record.personName,
    action: t(`people.audit.action.${record.action}`),
    target: record.target ? (names.get(record.target) ?? record.target) : '',
    detail: detailText(record, t),
    desk: record.device === thisDevice ? t('people.audit.thisDesk') : record.device,
  }))
}
