import { PlusOutlined, TeamOutlined } from '@ant-design/icons'
import { Alert, Badge, Button, Card, Checkbox, Empty, Flex, Select, Spin, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import type { CaseFile } from '../../data/mediationRepository'
import { localDate } from '../../domain/calendar'
import {
  DISPUTE_TYPES,
  shownCaseNumber,
  type DisputeType,
  CASE_STATUSES,
  followUpsDue,
  type CaseStatus,
} from '../../domain/mediation'
import { matchesQuery, searchKeysFor } from '../../domain/personal'
import { CaseStatusTag, HighRiskTag } from './caseTags'
import { FollowUpsDue } from './FollowUpsDue'
import './mediation.css'
import { MediationFigures } from './MediationFigures'
import { riskFirst, seesNames, sideNames, sortCases } from './mediationText'
import { useMediation } from './useMediation'

// 矛盾调处: the station's cases, unsettled 可能激化 ones first and tinted red; the parties' names masked
// (张*) except for the case's own mediators. Beside them, the follow-up visits due and the figures.

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

export function MediationListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { files, failure } = useMediation()
  const today = useToday()
  const dueCount = useMemo(() => (files ?? []).reduce((n, file) => n + followUpsDue(file.state, today).length, 0), [files, today])

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mediation.list.title')}
        </Typography.Title>
        <Flex gap={12} wrap>
          <Button icon={<TeamOutlined aria-hidden />} onClick={() => navigate(paths.mediationTeams)}>
            {t('mediation.teams.title')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(paths.mediationNew)}>
            {t('mediation.list.newCase')}
          </Button>
        </Flex>
      </Flex>
      {failure && <Alert type="error" showIcon title={t('mediation.loadFailed', { message: failure })} />}
      {!files ? (
        !failure && <Spin />
      ) : (
        <Card>
          <Tabs
            items={[
              { key: 'cases', label: t('mediation.list.tab.cases'), children: <CaseList files={files} /> },
              {
                key: 'followUps',
                label: (
                  <span>
                    {t('mediation.list.tab.followUps')} <Badge count={dueCount} size="small" />
                  </span>
                ),
                children: <FollowUpsDue files={files} />,
              },
              { key: 'figures', label: t('mediation.list.tab.figures'), children: <MediationFigures files={files} /> },
            ]}
          />
        </Card>
      )}
    </Flex>
  )
}

function CaseList({ files }: { files: CaseFile[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { operator } = useStation()
  const [status, setStatus] = useState<CaseStatus | undefined>()
  const [disputeType, setDisputeType] = useState<DisputeType | undefined>()
  const [riskOnly, setRiskOnly] = useState(false)

  const rows = useMemo(
    () =>
      sortCases(files).filter(
        (file) =>
          (!status || file.state.status === status) &&
          (!disputeType || file.caseDoc.disputeType === disputeType) &&
          (!riskOnly || file.caseDoc.highRisk),
      ),
    [files, status, disputeType, riskOnly],
  )
  const typeOptions = useMemo(
    () => DISPUTE_TYPES.map((type) => ({ value: type, label: t(`mediation.disputeType.${type}`), keys: searchKeysFor(t(`mediation.disputeType.${type}`)) })),
    [t],
  )
  const separator = t('mediation.listSeparator')

  const columns: TableColumnsType<CaseFile> = [
    {
      key: 'number',
      title: t('mediation.list.column.number'),
      width: 170,
      render: (_, file) => (
        <Flex vertical gap={4} align="flex-start">
          <Link to={paths.mediationCase(file.caseDoc._id)} onClick={(event) => event.stopPropagation()} style={{ fontWeight: 600 }}>
            {shownCaseNumber(file.caseDoc.number)}
          </Link>
          {file.caseDoc.highRisk && <HighRiskTag />}
        </Flex>
      ),
    },
    { key: 'received', title: t('mediation.list.column.received'), width: 110, render: (_, file) => localDate(file.caseDoc.receivedAt) },
    { key: 'type', title: t('mediation.list.column.type'), width: 110, render: (_, file) => t(`mediation.disputeType.${file.caseDoc.disputeType}`) },
    { key: 'source', title: t('mediation.list.column.source'), width: 120, render: (_, file) => t(`mediation.source.${file.caseDoc.source}`) },
    { key: 'status', title: t('mediation.list.column.status'), width: 100, render: (_, file) => <CaseStatusTag status={file.state.status} /> },
    {
      key: 'parties',
      title: t('mediation.list.column.parties'),
      render: (_, file) => {
        const full = seesNames(file, operator)
        return (
          <div data-testid="case-parties" data-masked={!full}>
            <div>
              <Typography.Text type="secondary">{t('mediation.list.applicants')}</Typography.Text>
              {sideNames(file.caseDoc.applicants, full, separator)}
            </div>
            <div>
              <Typography.Text type="secondary">{t('mediation.list.respondents')}</Typography.Text>
              {sideNames(file.caseDoc.respondents, full, separator)}
            </div>
          </div>
        )
      },
    },
    {
      key: 'mediators',
      title: t('mediation.list.column.mediators'),
      width: 170,
      render: (_, file) =>
        file.state.mediators.length ? (
          file.state.mediators.map((m) => m.name).join(separator)
        ) : (
          <Typography.Text type="secondary">{t('mediation.detail.mediatorsNone')}</Typography.Text>
        ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Select
          allowClear
          aria-label={t('mediation.list.filter.status')}
          placeholder={t('mediation.list.filter.status')}
          style={{ minWidth: 150 }}
          value={status}
          onChange={(value?: CaseStatus) => setStatus(value)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`mediation.status.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('mediation.list.filter.type')}
          placeholder={t('mediation.list.filter.type')}
          style={{ minWidth: 150 }}
          value={disputeType}
          onChange={(value?: DisputeType) => setDisputeType(value)}
          showSearch={{ filterOption: optionMatches }}
          options={typeOptions}
        />
        <Checkbox checked={riskOnly} onChange={(event) => setRiskOnly(event.target.checked)}>
          {t('mediation.list.filter.highRiskOnly')}
        </Checkbox>
        <Typography.Text type="secondary">{t('mediation.list.count', { count: rows.length })}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{t('mediation.list.maskedHint')}</Typography.Text>
      <Table<CaseFile>
        data-testid="mediation-cases"
        size="middle"
        rowKey={(file) => file.caseDoc._id}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        rowClassName={(file) => (riskFirst(file) ? 'mediation-case-row mediation-risk-row' : 'mediation-case-row')}
        onRow={(file) => ({ onClick: () => navigate(paths.mediationCase(file.caseDoc._id)) })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={files.length === 0 ? t('mediation.list.empty') : t('mediation.list.noMatch')}
            />
          ),
        }}
      />
    </Flex>
  )
}
