import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clock } from '../../ui/clock'
import { SMALL_TEXT } from '../../ui/displayTheme'
import { useStation } from '../../ui/session'
import { localDateTime } from '../../domain/calendar'
import { shell } from '../../shell/browserShell'
import {
  BundleError,
  BundleWriteError,
  bundleErrorMessage,
  bundleFileName,
  databaseOrigin,
  exportBundle,
  importBundle,
  type Seq,
} from '../../contract'
import { acknowledgePending, loadBundleAck, noteExported, noteReturnBundle, type BundleAck } from '../../sync/bundleAck'

// 同步包 on the sync page: for a station with no connection at all. Export what central has not
// acknowledged to a file, import central's return bundle, and mark a bundle as received once the
// technician says it was imported centrally.

type Tone = 'success' | 'info' | 'warning' | 'error'

/** One line of the verdict, kept as a key and values so it follows a language switch. */
interface Line {
  key: string
  values?: Record<string, string | number>
}

interface Verdict {
  tone: Tone
  /** what happened, for tests and screen readers: the error key or the outcome */
  what: string
  lines: Line[]
}

const seqText = (seq: Seq) => String(seq)

export function BundlePanel() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services, station } = useStation()
  const { db, device } = services
  const [origin, setOrigin] = useState<string | null>(null)
  const [ack, setAck] = useState<BundleAck | null>(null)
  const [busy, setBusy] = useState<'export' | 'import' | 'acknowledge' | null>(null)
  const [verdict, setVerdict] = useState<Verdict | null>(null)

  useEffect(() => {
    let live = true
    void (async () => {
      const id = await databaseOrigin(db)
      const known = await loadBundleAck(device, id)
      if (!live) return
      setOrigin(id)
      setAck(known)
    })()
    return () => {
      live = false
    }
  }, [db, device])

  const run = async (what: 'export' | 'import' | 'acknowledge', job: (origin: string) => Promise<void>) => {
    if (!origin) return
    setBusy(what)
    setVerdict(null)
    try {
      await job(origin)
    } catch (error) {
      setVerdict(refusal(error))
    } finally {
      setBusy(null)
    }
  }

  const onExport = () =>
    run('export', async (origin) => {
      const now = clock.now()
      const since = (await loadBundleAck(device, origin)).acknowledgedSeq
      const exported = await exportBundle(db, { station: station.code, since, direction: 'toCentral', now, origin })
      const skipped: Line[] = exported.skipped.length > 0 ? [{ key: 'bundle.export.skipped', values: { count: exported.skipped.length } }] : []
      if (exported.manifest.count === 0) {
        setVerdict({ tone: 'info', what: 'nothing', lines: [{ key: 'bundle.export.nothing' }, ...skipped] })
        return
      }
      const fileName = bundleFileName(station.code, now)
      const saved = await shell.saveFile({ suggestedName: fileName, data: exported.bytes, mimeType: 'application/gzip' })
      if (saved === null) {
        setVerdict({ tone: 'info', what: 'cancelled', lines: [{ key: 'bundle.export.cancelled' }] })
        return
      }
      setAck(await noteExported(device, exported.manifest, fileName))
      setVerdict({
        tone: skipped.length > 0 ? 'warning' : 'success',
        what: 'exported',
        lines: [{ key: 'bundle.export.done', values: { count: exported.manifest.count, file: saved } }, ...skipped],
      })
    })

  const onImport = () =>
    run('import', async (origin) => {
      const file = await shell.openFile(['.gz'])
      if (!file) return
      const before = await loadBundleAck(device, origin)
      // Everything is checked before anything is written: a refused file leaves the station as it was.
      const result = await importBundle(db, file.data, { station: station.code, expectDirection: 'toStation' })
      const next = await noteReturnBundle(device, origin, result.manifest, clock.now())
      setAck(next)
      const lines: Line[] =
        result.written === 0
          ? [{ key: 'bundle.import.nothingNew', values: { count: result.manifest.count } }]
          : [{ key: 'bundle.import.done', values: { written: result.written, alreadyPresent: result.alreadyPresent } }]
      if (next.acknowledgedSeq !== before.acknowledgedSeq) {
        lines.push({ key: 'bundle.import.acknowledged', values: { seq: seqText(next.acknowledgedSeq) } })
      }
      setVerdict({ tone: result.written === 0 ? 'info' : 'success', what: 'imported', lines })
    })

  const onAcknowledge = () =>
    run('acknowledge', async (origin) => {
      const next = await acknowledgePending(device, origin, clock.now())
      setAck(next)
      void message.success(t('bundle.acknowledge.done', { seq: seqText(next.acknowledgedSeq) }))
    })

  const pending = ack?.pending ?? null
  const acknowledged = ack && ack.acknowledgedSeq !== 0 ? ack.acknowledgedSeq : null

  return (
    <Card title={t('bundle.title')} data-testid="bundle-panel">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('bundle.intro')}
        </Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'acknowledged',
              label: t('bundle.field.acknowledged'),
              children: (
                <span data-testid="bundle-acknowledged">
                  {acknowledged === null
                    ? t('bundle.field.acknowledgedNone')
                    : t('bundle.field.acknowledgedValue', { seq: seqText(acknowledged) })}
                  {ack?.acknowledgedAt ? `（${t('bundle.field.acknowledgedAt')} ${localDateTime(ack.acknowledgedAt)}）` : ''}
                </span>
              ),
            },
            {
              key: 'pending',
              label: t('bundle.field.pending'),
              children: (
                <span data-testid="bundle-pending">
                  {pending
                    ? t('bundle.field.pendingValue', { file: pending.fileName, count: pending.count, time: localDateTime(pending.createdAt) })
                    : t('bundle.field.none')}
                </span>
              ),
            },
            {
              key: 'centralSeq',
              label: t('bundle.field.centralSeq'),
              children: (
                <Flex vertical>
                  <Typography.Text code={ack?.centralSeq != null} copyable={ack?.centralSeq != null ? { text: seqText(ack.centralSeq) } : false}>
                    {ack?.centralSeq != null ? seqText(ack.centralSeq) : t('bundle.field.centralSeqNone')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: SMALL_TEXT }}>
                    {t('bundle.field.centralSeqHelp')}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />

        {verdict && (
          <Alert
            role={verdict.tone === 'error' ? 'alert' : 'status'}
            data-testid="bundle-verdict"
            data-verdict={verdict.what}
            type={verdict.tone}
            showIcon
            title={
              <Flex vertical gap={4}>
                {verdict.lines.map((line) => (
                  <span key={line.key}>{t(line.key, line.values)}</span>
                ))}
              </Flex>
            }
          />
        )}

        <Space wrap>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={busy === 'export'}
            disabled={!origin || (busy !== null && busy !== 'export')}
            onClick={onExport}
          >
            {t('bundle.action.export')}
          </Button>
          <Button icon={<UploadOutlined />} loading={busy === 'import'} disabled={!origin || (busy !== null && busy !== 'import')} onClick={onImport}>
            {t('bundle.action.import')}
          </Button>
          <Popconfirm
            title={t('bundle.acknowledge.confirmTitle')}
            description={<div style={{ maxWidth: 360 }}>{t('bundle.acknowledge.confirmBody')}</div>}
            okText={t('bundle.acknowledge.ok')}
            cancelText={t('bundle.acknowledge.cancel')}
            onConfirm={onAcknowledge}
            disabled={!pending || busy !== null}
          >
            <Button icon={<CheckCircleOutlined />} loading={busy === 'acknowledge'} disabled={!pending || (busy !== null && busy !== 'acknowledge')}>
              {t('bundle.action.acknowledge')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
    </Card>
  )
}

/** A refused or failed bundle, in words the clerk can act on. */
function refusal(error: unknown): Verdict {
  if (error instanceof BundleError) {
    const values = { station: error.detail ?? '', id: error.detail ?? '' }
    return { tone: 'error', what: error.key, lines: [{ key: bundleErrorMessage(error.key), values }] }
  }
  const text = error instanceof Error ? error.message : String(error)
  if (error instanceof BundleWriteError) {
    return { tone: 'error', what: 'writeFailed', lines: [{ key: 'bundle.error.writeFailed', values: { message: text } }] }
  }
  return { tone: 'error', what: 'unexpected', lines: [{ key: 'bundle.error.unexpected', values: { message: text } }] }
}
