import { Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { paths } from '../../app/paths'
import type { LedgerRow } from '../../domain/ledger'
import { DueBadge, StatusTag, useCategoryPath } from '../needs/needTags'

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
  const categoryPath = useCategoryPath()
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
              <li key={row.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
                <Link to={paths.need(row.id)} style={{ display: 'block', padding: '10px 24px', color: 'inherit' }}>
                  <Flex justify="space-between" align="center" gap={12} wrap>
                    <span>
                      <Typography.Text strong>{row.residentName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {row.number} · {row.village} · {categoryPath(row.categoryItem)}
                      </Typography.Text>
                    </span>
                    <span>
                      <StatusTag status={row.status} />
                      <DueBadge dueDate={row.dueDate} status={row.status} today={today} />
                    </span>
                  </Flex>
                </Link>
              </li>
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
