import { FileAddOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { todaysWork, needsAttention } from '../../domain/needs'
import { DutyBoard } from '../duty/DutyBoard'
import { AttentionList } from './AttentionList'

// 首页 · 今日工作: who is on duty (DutyBoard, at the top), what needs doing today at a glance, and the way to
// register a new need.

const LIST_LIMIT = 10
/** The ledger pre-filtered to the lists shown here (LedgerPage reads these parameters). */
const OVERDUE_IN_LEDGER = `${paths.ledger}?overdue=1&sort=dueDate&order=asc`
const OPEN_BY_DUE_DATE_IN_LEDGER = `${paths.ledger}?status=pending,inProgress&sort=dueDate&order=asc`

export function HomePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { ledger, version } = useLedger()
  const today = useToday()
  const rows = ledger.all()
  // version changes whenever the ledger does; rows is the same array object in between.
  const work = useMemo(() => todaysWork(rows, today), [rows, version, today])
  const lists = useMemo(() => needsAttention(rows, today, LIST_LIMIT), [rows, version, today])
  const { can } = useStation()
  // A role that may not see residents' needs (a technician, a leader) sees who is on duty, nothing more.
  if (!can('need.view')) return <DutyBoard />

  const registerButton = can('need.register') && (
    <Button type="primary" size="large" icon={<FileAddOutlined />} onClick={() => navigate(paths.register)} style={{ height: 56, fontSize: 20, paddingInline: 32 }}>
      {t('app.nav.register')} (F2)
    </Button>
  )

  if (rows.length === 0)
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <DutyBoard />
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Space orientation="vertical">
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('home.emptyTitle')}
                </Typography.Title>
                <Typography.Text type="secondary">{t('home.emptyHint')}</Typography.Text>
              </Space>
            }
          >
            {registerButton}
          </Empty>
        </Card>
      </Space>
    )

  const stats = [
    { key: 'registeredToday', value: work.registeredToday, color: undefined },
    { key: 'dueToday', value: work.dueToday, color: work.dueToday > 0 ? '#d4380d' : undefined },
    { key: 'overdue', value: work.overdue, color: work.overdue > 0 ? '#cf1322' : undefined },
    { key: 'open', value: work.open, color: undefined },
  ] as const

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <DutyBoard />
      <Row justify="space-between" align="middle" gutter={[16, 16]}>
        <Col>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('home.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{today}</Typography.Text>
        </Col>
        <Col>{registerButton}</Col>
      </Row>
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} lg={6}>
            <Card>
              <Statistic
                title={t(`home.${stat.key}`)}
                value={stat.value}
                data-testid={`stat-${stat.key}`}
                styles={{ content: { fontSize: 36, ...(stat.color ? { color: stat.color } : {}) } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AttentionList
            testId="overdue-list"
            title={t('home.overdueList')}
            rows={lists.overdue}
            total={lists.overdueTotal}
            empty={t('home.noneOverdue')}
            viewAll={OVERDUE_IN_LEDGER}
            today={today}
          />
        </Col>
        <Col xs={24} xl={12}>
          <AttentionList
            testId="due-today-list"
            title={t('home.dueTodayList')}
            rows={lists.dueToday}
            total={lists.dueTodayTotal}
            empty={t('home.noneDueToday')}
            viewAll={OPEN_BY_DUE_DATE_IN_LEDGER}
            today={today}
          />
        </Col>
      </Row>
    </Space>
  )
}
