import { EyeOutlined, LockOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Tag, Typography, type DescriptionsProps } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { PageGate } from '../../ui/PageGate'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import { useSubmit } from '../../ui/useSubmit'
import { refusalKeys } from '../../data/command'
import type { CaseFile } from '../../data/mediationRepository'
import { maskIdCard } from '../../domain/personal'
import { localDateTime } from '../../domain/calendar'
import { shownCaseNumber, type Party } from '../../domain/mediation'
import { AgreementButton } from './AgreementButton'
import { CaseStatusTag, HighRiskTag } from './caseTags'
import { CaseSteps } from './CaseSteps'
import { CaseTimeline } from './CaseTimeline'
import './mediation.css'
import { seesNames, shownName, yuan } from './mediationText'

// 调解案卷 (/mediation/cases/:id): a case, its mediators, the steps it may take next and its history.
// Case content is sensitive: until 查看完整案卷 is pressed the parties' names are masked (except to the
// case's own mediators) and their details, the facts, the 笔录 and the agreement are not shown. Each
// opening is recorded (查阅记录: who, when) and listed here.

export function CaseDetailPage() {
  // The router hands the id back decoded (paths.mediationCase encodes it).
  const { id = '' } = useParams()
  // Another case is another file: nothing carries over, least of all an opened file.
  return <CaseFileView key={id} id={id} />
}

function CaseFileView({ id }: { id: string }) {
  const { t } = useTranslation()
  const { services } = useStation()
  const { value: file, failure } = useLiveRead(
    () => (id.startsWith('mediationCase:') ? services.mediation.caseFile(id) : Promise.resolve(null)),
    [`mediationCase:${id.slice('mediationCase:'.length)}`, 'mediationStep:', 'mediationSession:', 'mediationAccess:'],
  )

  return (
    <PageGate
      value={file}
      failure={failure && t('mediation.loadFailed', { message: failure })}
      loadingText={t('mediation.detail.loading')}
      notFound={t('mediation.error.caseNotFound')}
      back={{ to: paths.mediation, label: t('mediation.detail.back') }}
    >
      {(found) => <CaseDetail file={found} />}
    </PageGate>
  )
}

function CaseDetail({ file }: { file: CaseFile }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services, operator } = useStation()
  const ctx = useCommandContext()
  const [revealed, setRevealed] = useState(false)
  const { busy: opening, submit } = useSubmit((unexpected) => void message.error(unexpected))
  const { caseDoc, state } = file
  const mediatorSees = seesNames(file, operator)
  const fullNames = revealed || mediatorSees

  const openFile = () =>
    submit(async () => {
      const opened = await services.mediation.open(caseDoc._id, ctx())
      if (opened.ok) setRevealed(true)
      else void message.error(refusalKeys(opened).map((key) => t(key)).join('；'))
    })

  // Attendees to offer for a session: the mediators, and the parties when this viewer sees their names.
  const names = useMemo(
    () => [...state.mediators.map((m) => m.name), ...(fullNames ? [...caseDoc.applicants, ...caseDoc.respondents].map((p) => p.name) : [])],
    [state.mediators, caseDoc, fullNames],
  )

  return (
    <div data-testid="case-detail" style={{ maxWidth: 1400 }}>
      <Space style={{ marginBottom: 12 }}>
        <Link to={paths.mediation}>← {t('mediation.detail.back')}</Link>
      </Space>
      {caseDoc.highRisk && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('mediation.detail.highRiskBanner')} data-testid="high-risk-banner" />
      )}
      <Card
        title={
          <Space wrap size="middle">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number">
              {shownCaseNumber(caseDoc.number)}
            </Typography.Title>
            <CaseStatusTag status={state.status} />
            {caseDoc.highRisk && <HighRiskTag />}
          </Space>
        }
        extra={
          <Space wrap>
            {state.agreement && revealed && <AgreementButton file={file} />}
            {!revealed && (
              <Button type="primary" icon={<EyeOutlined aria-hidden />} loading={opening} onClick={() => void openFile()} data-testid="open-file">
                {t('mediation.detail.openFile')}
              </Button>
            )}
          </Space>
        }
      >
        <CaseSummary file={file} revealed={revealed} />
      </Card>

      <Card title={t('mediation.detail.parties')} style={{ marginTop: 16 }}>
        {!revealed && (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            style={{ marginBottom: 12 }}
            title={t(mediatorSees ? 'mediation.detail.lockedMediator' : 'mediation.detail.locked')}
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <PartiesSide title={t('mediation.intake.applicants')} parties={caseDoc.applicants} fullNames={fullNames} revealed={revealed} testId="applicants" />
          </Col>
          <Col xs={24} lg={12}>
            <PartiesSide title={t('mediation.intake.respondents')} parties={caseDoc.respondents} fullNames={fullNames} revealed={revealed} testId="respondents" />
          </Col>
        </Row>
        {revealed && (
          <>
            <Typography.Title level={5}>{t('mediation.field.summary')}</Typography.Title>
            <div className="mediation-text" data-testid="case-summary">
              {caseDoc.summary}
            </div>
          </>
        )}
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={t('mediation.detail.actions')}>
              <CaseSteps file={file} names={names} />
            </Card>
            <FollowUps file={file} />
            <AccessLog file={file} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('mediation.detail.timeline')}>
            <CaseTimeline file={file} revealed={revealed} />
          </Card>
        </Col>
      </Row>
    </div>
  )
}

function CaseSummary({ file, revealed }: { file: CaseFile; revealed: boolean }) {
  const { t, i18n } = useTranslation()
  const { caseDoc, state } = file
  const needNumber = useNeedNumber(caseDoc.needId)

  const items: DescriptionsProps['items'] = [
    {
      key: 'received',
      label: t('mediation.detail.received'),
      children: t('mediation.detail.receivedBy', { at: localDateTime(caseDoc.receivedAt), by: caseDoc.createdBy }),
    },
    { key: 'type', label: t('mediation.field.disputeType'), children: t(`mediation.disputeType.${caseDoc.disputeType}`) },
    {
      key: 'source',
      label: t('mediation.field.source'),
      children: (
        <Space wrap>
          {t(`mediation.source.${caseDoc.source}`)}
          {caseDoc.needId && (
            <Link to={paths.need(caseDoc.needId)} data-testid="case-need-link">
              {t('mediation.detail.needLink', { number: needNumber ?? '…' })}
            </Link>
          )}
        </Space>
      ),
    },
    {
      key: 'amount',
      label: t('mediation.field.amount'),
      children: caseDoc.amount === null ? '—' : t('mediation.amountValue', { amount: yuan(caseDoc.amount, i18n.language) }),
    },
    {
      key: 'mediators',
      label: t('mediation.detail.mediators'),
      span: 2,
      children: state.mediators.length ? (
        <Space wrap size={[4, 4]} data-testid="case-mediators">
          {state.mediators.map((m) => (
            <Tag key={`${m.team}/${m.name}`} color={state.accepted.includes(m.name) ? 'green' : 'default'}>
              {m.name}
              {m.team && <span style={{ opacity: 0.7 }}>（{m.team}）</span>}
              {state.accepted.includes(m.name) ? ` · ${t('mediation.detail.accepted')}` : ` · ${t('mediation.detail.notAccepted')}`}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('mediation.detail.mediatorsNone')}</Typography.Text>
      ),
    },
    ...(state.failure
      ? [
          {
            key: 'referral',
            label: t('mediation.detail.referral'),
            children: t('mediation.timeline.referral', { referral: t(`mediation.referral.${state.failure.referral}`), to: state.failure.to || '—' }),
          },
        ]
      : []),
    ...(state.agreement
      ? [
          { key: 'agreed', label: t('mediation.detail.agreedOn'), children: localDateTime(state.agreement.at) },
          { key: 'performBy', label: t('mediation.form.performBy'), children: state.agreement.performBy },
          {
            key: 'performed',
            label: t('mediation.detail.performed'),
            children:
              state.performed === null
                ? t('mediation.detail.performedUnknown')
                : state.performed
                  ? t('mediation.form.performedYes')
                  : t('mediation.form.performedNo'),
          },
        ]
      : []),
    ...(revealed && state.agreement
      ? [
          {
            key: 'terms',
            label: t('mediation.form.terms'),
            span: 'filled' as const,
            children: (
              <div className="mediation-text">
                {state.agreement.terms.map((term, i) => (
                  <div key={i}>{t('mediation.timeline.term', { n: i + 1, text: term.text })}</div>
                ))}
              </div>
            ),
          },
        ]
      : []),
  ]
  return <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2, xl: 3 }} items={items} />
}

/** The number of the need a case was converted from, to show on its link. */
function useNeedNumber(needId: string | undefined): string | null {
  const { services } = useStation()
  const [number, setNumber] = useState<string | null>(null)
  useEffect(() => {
    if (!needId) return
    let live = true
    services.needs.get(needId).then(
      (need) => live && setNumber(need?.number ?? needId),
      () => live && setNumber(needId),
    )
    return () => {
      live = false
    }
  }, [services, needId])
  return number
}

function PartiesSide({
  title,
  parties,
  fullNames,
  revealed,
  testId,
}: {
  title: string
  parties: Party[]
  fullNames: boolean
  revealed: boolean
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <div data-testid={`case-${testId}`}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {parties.map((party, i) => (
        <Descriptions
          key={i}
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 8 }}
          styles={{ label: { width: 120 } }}
          items={[
            { key: 'name', label: t('mediation.party.name'), children: <strong data-testid="party-name">{shownName(party, fullNames)}</strong> },
            ...(revealed
              ? [
                  { key: 'phone', label: t('mediation.party.phone'), children: party.phone || '—' },
                  { key: 'idCard', label: t('mediation.party.idCard'), children: party.idCard ? maskIdCard(party.idCard) : '—' },
                  { key: 'address', label: t('mediation.party.address'), children: party.address || '—' },
                ]
              : []),
          ]}
        />
      ))}
    </div>
  )
}

/** 回访: the visits due after an agreement, made or still to make. */
function FollowUps({ file }: { file: CaseFile }) {
  const { t } = useTranslation()
  const today = useToday()
  const { followUps } = file.state
  if (followUps.length === 0) return null
  return (
    <Card title={t('mediation.detail.followUps')}>
      <ul className="mediation-plain-list">
        {followUps.map((f) => (
          <li key={f.visit} data-testid="case-follow-up">
            <Space wrap>
              {t('mediation.detail.followUpVisit', { visit: f.visit, due: f.due })}
              {f.doneAt ? (
                <Tag color="green">{t('mediation.detail.followUpDone', { at: localDateTime(f.doneAt) })}</Tag>
              ) : f.due < today && file.state.status === 'agreed' ? (
                <Tag color="red">{t('mediation.detail.followUpOverdue')}</Tag>
              ) : (
                <Tag>{t('mediation.detail.followUpOpen')}</Tag>
              )}
            </Space>
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** 查阅记录: who opened the full case file, and when — newest first. */
function AccessLog({ file }: { file: CaseFile }) {
  const { t } = useTranslation()
  const accesses = [...file.accesses].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <Card title={t('mediation.detail.accessLog')} data-testid="access-log">
      {accesses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.detail.accessNone')} />
      ) : (
        <ul className="mediation-plain-list">
          {accesses.map((access) => (
            <li key={access._id} data-testid="access-entry">
              {t('mediation.detail.accessEntry', { by: access.by, at: localDateTime(access.at) })}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
