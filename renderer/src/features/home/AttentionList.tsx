import { Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LedgerRow } from '../../domain/needs'
import { NeedListItem } from '../needs/NeedListItem'

// A short list of needs on the home page; each line opens the need.

export function AttentionList({
  title,
  rows,
  total,
  empty,
  viewAll,
  today,
  testId,
}: {
  title: string
  rows: LedgerRow[]
  total: number
  empty: string
  /** the ledger, filtered to the same needs */
  viewAll: string
  today: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Card
      title={
        <span>
          {title} <Typography.Text type="secondary">({total})</Typography.Text>
        </span>
      }
      extra={total > 0 && <Link to={viewAll}>{t('home.viewAll')}</Link>}
      data-testid={testId}
      styles={{ body: { padding: rows.length ? 0 : undefined } }}
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <>
          <ul aria-label={title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {rows.map((row) => (
              <NeedListItem key={row.id} row={row} today={today} />
            ))}
          </ul>
          {total > rows.length && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '8px 24px' }}>
              {t('home.shownOf', { total, count: rows.length })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  )
}
