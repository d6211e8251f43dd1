import { Tag, Timeline, Typography, type TimelineProps } from 'antd'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseFile } from '../../data/mediationRepository'
import { localDate, localDateTime } from '../../domain/calendar'
import type { CaseStepDoc, MediationSessionDoc } from '../../domain/mediation'
import { SMALL_TEXT } from '../../ui/displayTheme'

// 办理过程: intake, every step and every session of a case, in time order (a session at its date, so one
// logged days later still sits on the day it happened). What was said (笔录, terms, reasons) is case content:
// shown only once the file is opened; who did what and when is always shown.

const BLUE = '#1677ff'
const GREEN = '#52c41a'
const RED = '#cf1322'
const PURPLE = '#722ed1'
const GRAY = '#bfbfbf'
const COLOR: Record<CaseStepDoc['kind'] | 'intake' | 'session', string> = {
  intake: BLUE,
  assign: BLUE,
  accept: BLUE,
  session: PURPLE,
  agree: GREEN,
  fail: RED,
  withdraw: GRAY,
  perform: GREEN,
  followUp: GREEN,
  close: GREEN,
}

type Entry =
  | { key: string; sort: string; kind: 'intake'; when: string; by: string }
  | { key: string; sort: string; kind: 'step'; when: string; by: string; step: CaseStepDoc; applied: boolean }
  | { key: string; sort: string; kind: 'session'; when: string; by: string; session: MediationSessionDoc }

export function CaseTimeline({ file, revealed }: { file: CaseFile; revealed: boolean }) {
  const { t } = useTranslation()
  const separator = t('mediation.listSeparator')
  const entries: Entry[] = [
    // Intake comes first whatever the clocks say.
    { key: 'intake', sort: '', kind: 'intake' as const, when: localDateTime(file.caseDoc.receivedAt), by: file.caseDoc.createdBy },
    ...file.steps.map((step) => ({
      key: step._id,
      sort: localDateTime(step.at),
      kind: 'step' as const,
      when: localDateTime(step.at),
      by: step.by,
      step,
      applied: !file.state.skipped.includes(step._id),
    })),
    // A session logged on its day sorts when it was logged; one logged later, at the start of its day.
    ...file.sessions.map((session) => ({
      key: session._id,
      sort: localDate(session.createdAt) === session.date ? localDateTime(session.createdAt) : `${session.date} 00:00`,
      kind: 'session' as const,
      when: session.date,
      by: session.createdBy,
      session,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort) || a.key.localeCompare(b.key))

  const items: TimelineProps['items'] = entries.map((entry) => {
    const kind = entry.kind === 'step' ? entry.step.kind : entry.kind
    const applied = entry.kind !== 'step' || entry.applied
    const title = entry.kind === 'step' ? t(`mediation.step.${entry.step.kind}`) : t(`mediation.step.${entry.kind}`)
    return {
      key: entry.key,
      color: applied ? COLOR[kind] : GRAY,
      content: (
        <div data-testid="case-timeline-entry" data-kind={kind} style={applied ? undefined : { opacity: 0.55 }}>
          <div>
            <Typography.Text strong delete={!applied}>
              {title}
            </Typography.Text>
            {!applied && <Tag style={{ marginLeft: 8 }}>{t('mediation.timeline.notApplied')}</Tag>}
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {entry.when} · {t('mediation.timeline.by', { by: entry.by })}
            </Typography.Text>
          </div>
          <div className="mediation-text" style={{ marginTop: 4 }}>
            {entry.kind === 'step' && stepLines(entry.step, revealed, separator, t)}
            {entry.kind === 'session' && sessionLines(entry.session, revealed, separator, t)}
          </div>
        </div>
      ),
    }
  })
  return (
    <>
      {!revealed && (
        <Typography.Paragraph type="secondary" style={{ fontSize: SMALL_TEXT }}>
          {t('mediation.timeline.contentHidden')}
        </Typography.Paragraph>
      )}
      <Timeline items={items} />
    </>
  )
}

function lines(list: (string | false | null | undefined)[]): ReactNode {
  return list.filter(Boolean).map((line, i) => <div key={i}>{line}</div>)
}

/** What a step said. Who the mediators are is always shown; what the parties agreed or why, only when opened. */
function stepLines(step: CaseStepDoc, revealed: boolean, separator: string, t: TFunction): ReactNode {
  switch (step.kind) {
    case 'assign':
      return lines([t('mediation.timeline.mediators', { names: step.mediators.map((m) => m.name).join(separator) })])
    case 'accept':
      return lines([t('mediation.timeline.accepted', { name: step.mediator })])
    case 'agree':
      return revealed
        ? lines([
            ...step.terms.map((term, i) => t('mediation.timeline.term', { n: i + 1, text: term.text })),
            t('mediation.timeline.performance', { performance: step.performance, date: step.performBy }),
          ])
        : lines([t('mediation.timeline.performBy', { date: step.performBy })])
    case 'fail':
      return lines([
        t('mediation.timeline.referral', { referral: t(`mediation.referral.${step.referral}`), to: step.to || '—' }),
        revealed && t('mediation.timeline.reason', { reason: step.reason }),
      ])
    case 'withdraw':
      return lines([revealed && t('mediation.timeline.reason', { reason: step.reason })])
    case 'perform':
      return lines([
        step.performed ? t('mediation.form.performedYes') : t('mediation.form.performedNo'),
        revealed && step.note && t('mediation.timeline.note', { note: step.note }),
      ])
    case 'followUp':
      return lines([t('mediation.timeline.visit', { visit: step.visit }), revealed && t('mediation.timeline.note', { note: step.note })])
    case 'close':
      return lines([revealed && step.note && t('mediation.timeline.note', { note: step.note })])
  }
}

function sessionLines(session: MediationSessionDoc, revealed: boolean, separator: string, t: TFunction): ReactNode {
  return lines([
    t('mediation.timeline.place', { place: session.place }),
    revealed && t('mediation.timeline.attendees', { names: session.attendees.join(separator) }),
    revealed && t('mediation.timeline.record', { record: session.record }),
  ])
}
