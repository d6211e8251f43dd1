import { Tag, Timeline, Typography, type TimelineProps } from 'antd'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { localDateTime } from '../../domain/calendar'
import type { NeedEventDoc, TimelineEntry } from '../../domain/needs'
import { SMALL_TEXT } from '../../ui/displayTheme'

// 办理过程: registration, then every step recorded, in the order every desk folds them.

// Explicit colours: the theme's primary is red, which would make every ordinary step look alarming.
const BLUE = '#1677ff'
const GREEN = '#52c41a'
const RED = '#cf1322'
const PURPLE = '#722ed1'
const GRAY = '#bfbfbf'
const COLOR: Record<TimelineEntry['kind'], string> = {
  register: BLUE,
  assign: BLUE,
  resolve: GREEN,
  followUp: GREEN,
  refer: PURPLE,
  decline: GRAY,
}

export function NeedTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation()
  const items: TimelineProps['items'] = entries.map((entry) => {
    const reopened = entry.event?.kind === 'followUp' && entry.event.satisfaction === 'dissatisfied' && entry.applied
    return {
      key: entry.key,
      color: !entry.applied ? GRAY : reopened ? RED : COLOR[entry.kind],
      content: (
        <div
          data-testid="timeline-entry"
          data-kind={entry.kind}
          data-applied={entry.applied}
          style={entry.applied ? undefined : { opacity: 0.55 }}
        >
          <div>
            <Typography.Text strong delete={!entry.applied}>
              {t(`event.${entry.kind}`)}
            </Typography.Text>
            {!entry.applied && <Tag style={{ marginLeft: 8 }}>{t('detail.timeline.notApplied')}</Tag>}
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {localDateTime(entry.at)} · {t('detail.timeline.by', { by: entry.by })}
            </Typography.Text>
          </div>
          {entry.event && <EventDetails event={entry.event} applied={entry.applied} t={t} />}
          {!entry.applied && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: SMALL_TEXT }}>
              {t('detail.timeline.notAppliedNote')}
            </Typography.Paragraph>
          )}
        </div>
      ),
    }
  })
  return <Timeline items={items} />
}

/** What the step said: handler, outcome, rating, where to and why. Plain text, line breaks kept. */
function EventDetails({ event, applied, t }: { event: NeedEventDoc; applied: boolean; t: TFunction }) {
  const lines: ReactNode[] = []
  switch (event.kind) {
    case 'assign':
      lines.push(t('detail.timeline.handler', { name: event.handler.name, kind: t(`handlerKind.${event.handler.kind}`) }))
      if (event.dueDate) lines.push(t('detail.timeline.newDueDate', { date: event.dueDate }))
      if (event.note?.trim()) lines.push(t('detail.timeline.note', { note: event.note }))
      break
    case 'resolve':
      lines.push(t('detail.timeline.resolution', { note: event.note }))
      break
    case 'followUp':
      lines.push(t('detail.timeline.satisfaction', { satisfaction: t(`satisfaction.${event.satisfaction}`) }))
      if (event.note?.trim()) lines.push(t('detail.timeline.note', { note: event.note }))
      if (event.satisfaction === 'dissatisfied' && applied) lines.push(t('detail.timeline.reopened'))
      break
    case 'refer':
      lines.push(t('detail.timeline.referTo', { to: event.to }))
      lines.push(t('detail.timeline.reason', { reason: event.reason }))
      break
    case 'decline':
      lines.push(t('detail.timeline.reason', { reason: event.reason }))
      break
  }
  return (
    <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: 4 }}>
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  )
}
