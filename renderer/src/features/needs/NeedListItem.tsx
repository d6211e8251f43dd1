import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '../../ui/paths'
import type { LedgerRow } from '../../domain/needs'
import { DueBadge, StatusTag, useCategoryPath } from './needTags'

/**
 * One need in a short list (home's lists, a duty shift's needs): the resident, its number and place, its
 * status and deadline, the whole line opening the need. `time` goes after the number, `extra` after the
 * line's details; `withDescription` adds the need's first line below.
 */
export function NeedListItem({
  row,
  today,
  time,
  extra,
  withDescription = false,
}: {
  row: LedgerRow
  today: string
  time?: string
  extra?: ReactNode
  withDescription?: boolean
}) {
  const categoryPath = useCategoryPath()
  const details = [row.number, time, row.village, categoryPath(row.categoryItem)].filter(Boolean).join(' · ')
  return (
    <li data-need-id={row.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
      <Link to={paths.need(row.id)} style={{ display: 'block', padding: '10px 24px', color: 'inherit' }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <span>
            <Typography.Text strong>{row.residentName}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {details}
            </Typography.Text>
            {extra}
          </span>
          <span>
            <StatusTag status={row.status} />
            <DueBadge dueDate={row.dueDate} status={row.status} today={today} />
          </span>
        </Flex>
        {withDescription && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>
            {row.description}
          </Typography.Paragraph>
        )}
      </Link>
    </li>
  )
}
