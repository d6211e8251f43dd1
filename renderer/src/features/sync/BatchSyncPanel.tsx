import { CaretRightOutlined, CloseCircleOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Progress, Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { SMALL_TEXT } from '../../ui/displayTheme'
import { useStation } from '../../ui/session'
import { useSync } from '../../ui/syncContext'
import { batchProgress, etaMinutes } from '../../domain/sync'
import type { BatchState } from '../../sync/batchSync'

// 立即同步 on the sync page: one button that syncs now, in batches, with a progress bar (done of
// total, time left), 取消, and 继续 after a cancel or a lost connection.

const BUSY: ReadonlySet<BatchState['phase']> = new Set(['counting', 'running', 'cancelling'])

/** What the run is doing, in words: the step under way (null when no run is under way). */
export function batchStepText(t: TFunction, state: BatchState): string | null {
  if (state.phase === 'cancelling') return t('sync.batch.step.cancelling')
  if (state.phase === 'counting') return t('sync.batch.step.counting')
  if (state.phase === 'running' && state.step) return t(`sync.batch.step.${state.step}`)
  return null
}

/** "已完成 X / 共 Y 条，预计还需 N 分钟" at `now` (ms); the time left only while it runs. */
export function batchProgressText(t: TFunction, state: BatchState, now: number): string {
  const progress = batchProgress(state.samples, state.total, now)
  const count =
    progress.total === null ? t('sync.batch.progressNoTotal', { done: progress.done }) : t('sync.batch.progress', { done: progress.done, total: progress.total })
  if (state.phase !== 'running') return count
  const minutes = etaMinutes(progress.etaMs)
  const eta = minutes === null ? t('sync.batch.etaUnknown') : minutes === 0 ? t('sync.batch.etaSoon') : t('sync.batch.eta', { count: minutes })
  return `${count}${t('sync.batch.separator')}${eta}`
}

/** 0…100 for the bar; it shows 100 only once the run is done. */
export function batchPercent(state: BatchState, now: number): number {
  if (state.phase === 'done') return 100
  const { fraction } = batchProgress(state.samples, state.total, now)
  if (fraction === null) return 0
  return Math.min(99, Math.floor(fraction * 100))
}

export function BatchSyncPanel() {
  const { t } = useTranslation()
  const { services } = useStation()
  const { settings, hasPassword, syncNow } = useSync()
  const batch = services.batch
  const state = useSyncExternalStore(batch.subscribe, batch.getState, batch.getState)
  const [refusal, setRefusal] = useState<'notSetUp' | 'needsPassword' | null>(null)
  const busy = BUSY.has(state.phase)
  const resumable = settings !== null && !busy && batch.canResume(settings)

  // The time left is re-estimated every second while a run goes on, not only when a batch lands.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!busy) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [busy])

  useEffect(() => {
    if (settings && hasPassword) setRefusal(null)
  }, [settings, hasPassword])

  const start = async (resume: boolean) => {
    setRefusal(null)
    const result = await syncNow(resume)
    if (result !== 'started') setRefusal(result)
  }

  const stepText = batchStepText(t, state)
  const shown = state.phase !== 'idle'
  const percent = batchPercent(state, now)
  const barStatus = state.phase === 'failed' ? 'exception' : state.phase === 'done' ? 'success' : busy ? 'active' : 'normal'

  return (
    <Card title={t('sync.batch.title')} data-testid="batch-panel">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('sync.batch.intro')}
        </Typography.Paragraph>

        {settings === null && <Alert type="info" showIcon title={t('sync.batch.notSetUp')} />}
        {refusal === 'needsPassword' && <Alert role="alert" type="warning" showIcon title={t('sync.batch.needsPassword')} />}

        {shown && (
          <Flex vertical gap={4} data-testid="batch-progress" data-phase={state.phase} data-done={state.done} data-total={state.total ?? ''}>
            {stepText && <Typography.Text strong>{stepText}</Typography.Text>}
            <Progress percent={percent} status={barStatus} aria-label={t('sync.batch.title')} />
            {state.phase !== 'counting' && <Typography.Text data-testid="batch-progress-text">{batchProgressText(t, state, now)}</Typography.Text>}
            {state.livePaused && busy && (
              <Typography.Text type="secondary" style={{ fontSize: SMALL_TEXT }}>
                {t('sync.batch.livePaused')}
              </Typography.Text>
            )}
          </Flex>
        )}

        <BatchVerdict state={state} />

        <Space wrap>
          {busy ? (
            <Button danger icon={<CloseCircleOutlined />} loading={state.phase === 'cancelling'} onClick={() => batch.cancel()}>
              {t('sync.batch.action.cancel')}
            </Button>
          ) : resumable ? (
            <Button type="primary" size="large" icon={<CaretRightOutlined />} onClick={() => void start(true)}>
              {t('sync.batch.action.resume')}
            </Button>
          ) : (
            <Button type="primary" size="large" icon={<ThunderboltOutlined />} disabled={settings === null} onClick={() => void start(false)}>
              {t('sync.batch.action.start')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  )
}

/** How the last run ended (nothing while one runs). */
function BatchVerdict({ state }: { state: BatchState }) {
  const { t } = useTranslation()
  const denied = state.denied > 0 && <Alert type="error" showIcon title={t('sync.status.denied', { count: state.denied })} />
  let verdict = null
  if (state.phase === 'done') {
    const nothing = state.total === 0 && state.up === 0 && state.down === 0
    verdict = (
      <Alert
        role="status"
        data-testid="batch-verdict"
        data-verdict="done"
        type="success"
        showIcon
        title={nothing ? t('sync.batch.upToDate') : t('sync.batch.done', { up: state.up, down: state.down })}
      />
    )
  } else if (state.phase === 'cancelled') {
    verdict = <Alert role="status" data-testid="batch-verdict" data-verdict="cancelled" type="info" showIcon title={t('sync.batch.cancelled', { done: state.done })} />
  } else if (state.phase === 'failed') {
    verdict = (
      <Alert
        role="alert"
        data-testid="batch-verdict"
        data-verdict={state.problem ?? 'failed'}
        type="error"
        showIcon
        title={t(`sync.batch.problem.${state.problem ?? 'unreachable'}`)}
      />
    )
  }
  if (!verdict && !denied) return null
  return (
    <Flex vertical gap={8}>
      {verdict}
      {denied}
    </Flex>
  )
}
