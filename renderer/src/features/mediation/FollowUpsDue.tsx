import { Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, type HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import type { CaseFile } from '../../data/mediationRepository'
import { maskName, shownCaseNumber, FOLLOW_UP_DAYS, followUpsDue } from '../../domain/mediation'

// 待回访: every follow-up visit (回访) of an agreed case not made yet — overdue ones first, in red, then by
// due date. Names are masked (张*) whoever looks: the list is seen at the desk by people not on the case;
// the case itself opens through its page, where opening the full file is recorded.

export interface FollowUpRow {
  key: string
  caseId: string
  number: string
  applicants: string
  respondents: string
  highRisk: boolean
  visit: number
  due: string
  overdue: boolean
  /** days past the due date (positive) or until it (negative or nought) */
  daysLate: number
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/** The open follow-up visits of these cases on `today`, overdue first (longest overdue first), then by due date. */
export function followUpRows(files: readonly CaseFile[], today: string): FollowUpRow[] {
  const masked = (parties: readonly { name: string }[]) => parties.map((p) => maskName(p.name)).join('、')
  return files
    .flatMap((file) =>
      followUpsDue(file.state, today).map((f) => ({
        key: `${file.caseDoc._id}#${f.visit}`,
        caseId: file.caseDoc._id,
        number: shownCaseNumber(file.caseDoc.number),
        applicants: masked(file.caseDoc.applicants),
        respondents: masked(file.caseDoc.respondents),
        highRisk: file.caseDoc.highRisk,
        visit: f.visit,
        due: f.due,
        overdue: f.overdue,
        daysLate: dayNumber(today) - dayNumber(f.due),
      })),
    )
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.number.localeCompare(b.number))
}

export function FollowUpsDue({ files }: { files: CaseFile[] }) {
  const { t } = useTranslation()
  const today = useToday()
  const rows = useMemo(() => followUpRows(files, today), [files, today])
  const overdue = rows.filter((r) => r.overdue).length

  const columns: TableColumnsType<FollowUpRow> = [
    {
      key: 'number',
      title: t('mediationPrint.followUps.column.number'),
      width: 150,
      render: (_, row) => (
        <>
          <span className="followup-number">{row.number}</span>
          {row.highRisk && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('mediationPrint.followUps.highRisk')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'parties',
      title: t('mediationPrint.followUps.column.parties'),
      render: (_, row) => <span data-testid="followup-parties">{t('mediationPrint.followUps.parties', { applicants: row.applicants, respondents: row.respondents })}</span>,
    },
    {
      key: 'visit',
      title: t('mediationPrint.followUps.column.visit'),
      render: (_, row) => t('mediationPrint.followUps.visit', { visit: row.visit, days: FOLLOW_UP_DAYS[row.visit - 1] ?? '' }),
    },
    { key: 'due', title: t('mediationPrint.followUps.column.due'), dataIndex: 'due', width: 120 },
    {
      key: 'state',
      title: t('mediationPrint.followUps.column.state'),
      width: 130,
      render: (_, row) =>
        row.overdue ? (
          <Tag color="red">{t('mediationPrint.followUps.overdue', { count: row.daysLate })}</Tag>
        ) : row.daysLate === 0 ? (
          <Tag color="orange">{t('mediationPrint.followUps.dueToday')}</Tag>
        ) : (
          <Tag color={-row.daysLate <= 7 ? 'gold' : 'default'}>{t('mediationPrint.followUps.dueIn', { count: -row.daysLate })}</Tag>
        ),
    },
    {
      key: 'open',
      title: t('mediationPrint.followUps.column.open'),
      width: 100,
      render: (_, row) => <Link to={paths.mediationCase(row.caseId)}>{t('mediationPrint.followUps.open')}</Link>,
    },
  ]

  return (
    <section data-testid="followups-due" aria-label={t('mediationPrint.followUps.title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('mediationPrint.followUps.title')}
      </Typography.Title>
      {rows.length > 0 && (
        <Typography.Paragraph type={overdue ? 'danger' : 'secondary'} data-testid="followups-summary">
          {t('mediationPrint.followUps.summary', { count: rows.length, overdue })}
        </Typography.Paragraph>
      )}
      <Table<FollowUpRow>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('mediationPrint.followUps.empty') }}
        rowClassName={(row) => (row.overdue ? 'followup-overdue' : '')}
        onRow={(row) => ({ 'data-case-id': row.caseId, 'data-overdue': String(row.overdue), style: row.overdue ? { color: '#cf1322' } : undefined }) as HTMLAttributes<HTMLElement>}
      />
    </section>
  )
}
