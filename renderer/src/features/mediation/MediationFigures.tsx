import { Card, Col, Flex, Progress, Row, Segmented, Statistic, Table, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import type { CaseFile } from '../../data/mediationRepository'
import { localDate } from '../../domain/calendar'
import { mediationFigures, CASE_SOURCES, DISPUTE_TYPES, CASE_STATUSES } from '../../domain/mediation'

// 调解统计 for a period chosen by the date a case was received (this month, this year, all): cases by
// type, source and outcome, the success rate, the median days from intake to outcome, agreements
// performed, and follow-up visits due and overdue (of the cases received in the period). The counts are
// small tables, each with a bar for its share: no chart library for a few numbers.

export const FIGURE_PERIODS = ['month', 'year', 'all'] as const
export type FigurePeriod = (typeof FIGURE_PERIODS)[number]

/** The cases received in the period that contains `today`. */
export function filesInPeriod(files: readonly CaseFile[], period: FigurePeriod, today: string): CaseFile[] {
  const prefix = period === 'month' ? today.slice(0, 7) : period === 'year' ? today.slice(0, 4) : ''
  return files.filter((file) => localDate(file.caseDoc.receivedAt).startsWith(prefix))
}

interface CountRow {
  key: string
  label: string
  count: number
}

function CountTable({ title, rows, total, testId }: { title: string; rows: CountRow[]; total: number; testId: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<CountRow> = [
    { key: 'label', title: t('mediationPrint.figures.column.label'), dataIndex: 'label' },
    { key: 'count', title: t('mediationPrint.figures.column.count'), dataIndex: 'count', align: 'right', width: 70 },
    {
      key: 'share',
      title: t('mediationPrint.figures.column.share'),
      width: '40%',
      render: (_, row) => (
        <Progress percent={total ? Math.round((row.count / total) * 100) : 0} status="normal" size="small" strokeLinecap="butt" aria-hidden />
      ),
    },
  ]
  return (
    <Card size="small" title={title}>
      <Table<CountRow> data-testid={testId} size="small" pagination={false} rowKey="key" columns={columns} dataSource={rows} />
    </Card>
  )
}

export function MediationFigures({ files }: { files: CaseFile[] }) {
  const { t } = useTranslation()
  const today = useToday()
  const [period, setPeriod] = useState<FigurePeriod>('month')
  const figures = useMemo(() => mediationFigures(filesInPeriod(files, period, today), today), [files, period, today])

  const rows = (keys: readonly string[], counts: Record<string, number>, labels: string): CountRow[] =>
    keys.map((key) => ({ key, label: t(`mediation.${labels}.${key}`), count: counts[key] ?? 0 }))

  const none = t('mediationPrint.figures.none')
  return (
    <section data-testid="mediation-figures" aria-label={t('mediationPrint.figures.title')}>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <span>{t('mediationPrint.figures.period.label')}</span>
        <Segmented<FigurePeriod>
          value={period}
          onChange={setPeriod}
          options={FIGURE_PERIODS.map((value) => ({ value, label: t(`mediationPrint.figures.period.${value}`) }))}
        />
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}>
          <Statistic data-testid="figure-total" title={t('mediationPrint.figures.total')} value={figures.total} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            data-testid="figure-success-rate"
            title={<Tooltip title={t('mediationPrint.figures.successRateHint')}>{t('mediationPrint.figures.successRate')}</Tooltip>}
            value={figures.successRate === null ? none : `${Math.round(figures.successRate * 1000) / 10}%`}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            data-testid="figure-median-days"
            title={t('mediationPrint.figures.medianDays')}
            value={figures.medianDaysToOutcome === null ? none : t('mediationPrint.figures.days', { count: figures.medianDaysToOutcome })}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic data-testid="figure-performed" title={t('mediationPrint.figures.performed')} value={figures.agreementsPerformed} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic data-testid="figure-followups-due" title={t('mediationPrint.figures.followUpsDue')} value={figures.followUpsDue} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            data-testid="figure-followups-overdue"
            title={t('mediationPrint.figures.followUpsOverdue')}
            value={figures.followUpsOverdue}
            styles={{ content: figures.followUpsOverdue ? { color: '#cf1322' } : undefined }}
          />
        </Col>
      </Row>
      {figures.total === 0 ? (
        <Typography.Paragraph type="secondary">{t('mediationPrint.figures.empty')}</Typography.Paragraph>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <CountTable testId="figures-by-type" title={t('mediationPrint.figures.byType')} total={figures.total} rows={rows(DISPUTE_TYPES, figures.byType, 'disputeType')} />
          </Col>
          <Col xs={24} lg={8}>
            <CountTable testId="figures-by-source" title={t('mediationPrint.figures.bySource')} total={figures.total} rows={rows(CASE_SOURCES, figures.bySource, 'source')} />
          </Col>
          <Col xs={24} lg={8}>
            <CountTable testId="figures-by-outcome" title={t('mediationPrint.figures.byOutcome')} total={figures.total} rows={rows(CASE_STATUSES, figures.byOutcome, 'status')} />
          </Col>
        </Row>
      )}
    </section>
  )
}
