import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { PageGate } from '../../ui/PageGate'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { shownCaseNumber, type MediationCaseDoc } from '../../domain/mediation'
import { type NeedDoc, allowedEvents, needState, type NeedEventDoc, timelineEntries } from '../../domain/needs'
import { CorrectNeedButton } from './CorrectNeedButton'
import { NeedActions } from './NeedActions'
import { NeedSummary } from './NeedSummary'
import { NeedTimeline } from './NeedTimeline'
import { DueBadge, StatusTag } from './needTags'
import { ReceiptModal } from './ReceiptModal'

// 诉求详情 (/needs/:id): everything about one need, its history, and the steps it may take next.

type Loaded =
  | { state: 'loading' }
  | { state: 'notFound' }
  | { state: 'failed'; message: string }
  | { state: 'found'; need: NeedDoc; events: NeedEventDoc[]; cases: MediationCaseDoc[] }

export function NeedDetailPage() {
  const { t } = useTranslation()
  // The router hands the id back decoded (paths.need encodes it).
  const { id = '' } = useParams()
  const { services } = useStation()
  const { version } = useLedger()
  const today = useToday()
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [reread, setReread] = useState(0)

  // Re-read whenever the ledger moves, so a step recorded on another desk shows once it syncs in.
  useEffect(() => {
    let live = true
    // Other documents (the station, a timeline step) share the database; only needs belong here.
    if (!id.startsWith('need:')) {
      setLoaded({ state: 'notFound' })
      return
    }
    Promise.all([services.needs.get(id), services.needs.timeline(id), services.mediation.casesOfNeed(id)])
      .then(([need, events, cases]) => {
        if (!live) return
        setLoaded(need && need.type === 'need' ? { state: 'found', need, events, cases } : { state: 'notFound' })
      })
      .catch((error: unknown) => {
        if (live) setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) })
      })
    return () => {
      live = false
    }
  }, [services, id, version, reread])

  const refresh = useCallback(() => setReread((n) => n + 1), [])

  return (
    <PageGate
      value={loaded.state === 'found' ? loaded : loaded.state === 'notFound' ? null : undefined}
      failure={loaded.state === 'failed' ? t('detail.loadFailed', { message: loaded.message }) : ''}
      loadingText={t('detail.loading')}
      notFound={t('need.error.notFound')}
      back={{ to: paths.ledger, label: t('detail.backToLedger') }}
    >
      {(found) => <NeedDetail need={found.need} events={found.events} cases={found.cases} today={today} onChanged={refresh} />}
    </PageGate>
  )
}

function NeedDetail({
  need,
  events,
  cases,
  today,
  onChanged,
}: {
  need: NeedDoc
  events: NeedEventDoc[]
  /** 调解案件 this need was converted into */
  cases: MediationCaseDoc[]
  today: string
  onChanged(): void
}) {
  const { t } = useTranslation()
  const { station } = useStation()
  const navigate = useNavigate()
  const [receiptOpen, setReceiptOpen] = useState(false)
  const state = useMemo(() => needState(need, events), [need, events])
  const entries = useMemo(() => timelineEntries(need, events), [need, events])

  return (
    <>
      {/* While the receipt is up, only the receipt goes to paper. */}
      <div className={receiptOpen ? 'no-print' : undefined} data-testid="need-detail">
        <Space style={{ marginBottom: 12 }}>
          <Link to={paths.ledger}>← {t('detail.backToLedger')}</Link>
        </Space>
        <Card
          title={
            <Space wrap size="middle">
              <Typography.Title level={3} style={{ margin: 0 }}>
                <span style={{ fontWeight: 'normal', fontSize: '0.7em', marginRight: 8 }}>{t('detail.number')}</span>
                <span data-testid="need-number">{need.number}</span>
              </Typography.Title>
              <StatusTag status={state.status} />
              <DueBadge dueDate={state.dueDate} status={state.status} today={today} />
            </Space>
          }
          extra={
            <Space wrap>
              <CorrectNeedButton need={need} onChanged={onChanged} />
              {/* A dispute goes on to the mediation desk: converting refers the need there, so only while it is open. */}
              {allowedEvents(state.status).includes('refer') && (
                <Button onClick={() => navigate(`${paths.mediationNew}?needId=${encodeURIComponent(need._id)}`)} data-testid="convert-to-case">
                  {t('mediation.needPage.convert')}
                </Button>
              )}
              <Button onClick={() => setReceiptOpen(true)}>{t('detail.receipt.button')}</Button>
            </Space>
          }
        >
          {cases.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="need-cases"
              title={
                <Space wrap>
                  {t('mediation.needPage.cases')}
                  {cases.map((c) => (
                    <Link key={c._id} to={paths.mediationCase(c._id)}>
                      {shownCaseNumber(c.number)}
                    </Link>
                  ))}
                </Space>
              }
            />
          )}
          <NeedSummary need={need} state={state} />
        </Card>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={10}>
            <Card title={t('detail.actions.title')}>
              <NeedActions need={need} state={state} onChanged={onChanged} />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('detail.timeline.title')}>
              <NeedTimeline entries={entries} />
            </Card>
          </Col>
        </Row>
      </div>
      <ReceiptModal open={receiptOpen} need={need} station={station} dueDate={state.dueDate} onClose={() => setReceiptOpen(false)} />
    </>
  )
}
