import { Badge, Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useToday } from '../../ui/clock'
import { SMALL_TEXT } from '../../ui/displayTheme'
import { paths } from '../../ui/paths'
import { useStation } from '../../ui/session'
import { useSync } from '../../ui/syncContext'
import type { SyncPhase } from '../../domain/sync'
import { useRefusedCount } from './RefusedDocsList'
import { lastSyncedText, pendingText, phaseText } from './syncText'

const BADGE: Record<SyncPhase, 'success' | 'processing' | 'default' | 'error' | 'warning'> = {
  online: 'success',
  syncing: 'processing',
  offline: 'warning',
  error: 'error',
  paused: 'default',
}

/** Always in the header: online / offline / syncing / error, the last sync and what waits for upload. */
export function SyncStatusIndicator() {
  const { t } = useTranslation()
  const { status, settings } = useSync()
  const today = useToday()
  const navigate = useNavigate()
  const { can } = useStation()
  const refused = useRefusedCount()
  const configured = settings !== null
  const phase = phaseText(t, status, configured)
  const details = [configured || status.lastSyncedAt ? lastSyncedText(t, status, today) : null, pendingText(t, status, refused)].filter(Boolean)
  const summary = [phase, ...details].join('，')
  return (
    <Button
      type="text"
      data-testid="sync-status"
      data-phase={status.phase}
      aria-label={t('sync.indicator.label', { summary })}
      title={summary}
      // The status is for everyone; the sync screen only for those who may change its settings.
      onClick={can('sync.settings') ? () => navigate(paths.sync) : undefined}
      style={{ height: 'auto', paddingBlock: 4 }}
    >
      <Badge status={configured || status.running ? BADGE[status.phase] : 'default'} />
      <span style={{ fontWeight: 500 }}>{phase}</span>
      {details.length > 0 && (
        <Typography.Text type={refused ? 'danger' : status.pending ? 'warning' : 'secondary'} style={{ fontSize: SMALL_TEXT }}>
          {details.join(' · ')}
        </Typography.Text>
      )}
    </Button>
  )
}
