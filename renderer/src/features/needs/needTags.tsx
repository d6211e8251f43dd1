import { Tag } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { dueStatus, type DueStatus } from '../../domain/calendar'
import { itemPath, type Lang } from '../../domain/categories'
import { CLOCK_STOPPED, type NeedStatus } from '../../domain/needs'

// How a need's status and deadline look wherever a need is listed: one look everywhere.

const STATUS_COLOR: Record<NeedStatus, string> = {
  pending: 'gold',
  inProgress: 'blue',
  resolved: 'cyan',
  closed: 'green',
  referred: 'purple',
  declined: 'default',
}

const DUE_COLOR: Record<DueStatus, string> = {
  overdue: 'red',
  dueToday: 'volcano',
  dueSoon: 'orange',
  onTrack: 'default',
  closed: 'default',
}

export function StatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  )
}

/** The deadline with a warning when it is near or past; nothing extra once the clock has stopped. */
export function DueBadge({ dueDate, status, today }: { dueDate: string; status: NeedStatus; today: string }) {
  const { t } = useTranslation()
  const due = dueStatus(dueDate, today, CLOCK_STOPPED.includes(status))
  return (
    <span data-due={due} style={{ whiteSpace: 'nowrap' }}>
      {dueDate}{' '}
      {due !== 'onTrack' && due !== 'closed' && <Tag color={DUE_COLOR[due]}>{t(`due.${due}`)}</Tag>}
    </span>
  )
}

/** "为老 / 生活照料" in the language on screen. */
export function useCategoryPath(): (code: string) => string {
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  // The same function until the language changes, so memoised rows that take it do not redraw.
  return useCallback((code: string) => itemPath(code, lang), [lang])
}
