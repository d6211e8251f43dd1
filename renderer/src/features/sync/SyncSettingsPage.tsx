import { ApiOutlined, CloudSyncOutlined, LockOutlined, PauseCircleOutlined } from '@ant-design/icons'
import { Alert, App, Badge, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import { SMALL_TEXT } from '../../ui/displayTheme'
import { useStation } from '../../ui/session'
import { useSync } from '../../ui/syncContext'
import { useFormErrors } from '../../ui/useFormErrors'
import type { SyncJournalEntry } from '../../data/deviceStore'
import { localDateTime } from '../../domain/calendar'
import { initialSyncForm, type SyncForm, type ConnectionVerdict, type SyncRun } from '../../domain/sync'
import { shell } from '../../shell/browserShell'
import { recentRuns } from '../../sync/syncJournal'
import { BatchSyncPanel } from './BatchSyncPanel'
import { BundlePanel } from './BundlePanel'
import { ConflictsLink } from './ConflictsLink'
import { RefusedDocsList, useRefusedCount } from './RefusedDocsList'
import { pendingText, phaseText, shortTime } from './syncText'

type Field = keyof SyncForm
const FIELD_ORDER: Field[] = ['url', 'username', 'password']
/** Only the desktop app keeps a password encrypted; a browser asks the clerk to opt in. */
const REMEMBER_BY_DEFAULT = shell.platform === 'electron'

/** 中心同步: pair this station with the central server, see how sync is doing, carry bundle files, and the journal. */
export function SyncSettingsPage() {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={24} style={{ maxWidth: 900 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('sync.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('sync.intro')}
        </Typography.Paragraph>
      </div>
      <StatusCard />
      <BatchSyncPanel />
      <ConflictsLink />
      <SettingsCard />
      <BundlePanel />
      <JournalCard />
    </Flex>
  )
}

function StatusCard() {
  const { t } = useTranslation()
  const refused = useRefusedCount()
  const { status, settings } = useSync()
  const today = useToday()
  const configured = settings !== null
  const problemType = status.phase === 'error' || status.problem === 'needsPassword' ? 'error' : 'warning'
  return (
    <Card title={t('sync.status.title')}>
      <Flex vertical gap={16}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            {
              key: 'phase',
              label: t('sync.status.phase'),
              children: (
                <span data-testid="sync-phase" data-phase={status.phase}>
                  <Badge status={status.phase === 'online' ? 'success' : status.phase === 'error' ? 'error' : status.phase === 'syncing' ? 'processing' : status.phase === 'offline' ? 'warning' : 'default'} />{' '}
                  {phaseText(t, status, configured)}
                </span>
              ),
            },
            {
              key: 'last',
              label: t('sync.status.lastSyncedAt'),
              children: status.lastSyncedAt ? shortTime(status.lastSyncedAt, today) : t('sync.indicator.never'),
            },
            { key: 'pending', label: t('sync.status.pending'), children: pendingText(t, status, refused) ?? '—' },
            {
              key: 'session',
              label: t('sync.status.session'),
              children: t('sync.status.sessionValue', { up: status.totals.up, down: status.totals.down }),
            },
          ]}
        />
        {status.problem && <Alert role="alert" type={problemType} showIcon title={t(`sync.problem.${status.problem}`)} />}
        {status.totals.denied > 0 && <Alert type="error" showIcon title={t('sync.status.denied', { count: status.totals.denied })} />}
        <RefusedDocsList />
      </Flex>
    </Card>
  )
}

function SettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { station } = useStation()
  const { status, settings, hasPassword, saveAndStart, test, stop } = useSync()
  const [form] = Form.useForm<SyncForm>()
  const errors = useFormErrors<Field>(form, { order: FIELD_ORDER, scroll: true })
  const [verdict, setVerdict] = useState<ConnectionVerdict | null>(null)
  const [busy, setBusy] = useState<'test' | 'save' | 'stop' | null>(null)
  const remember = Form.useWatch('remember', form)

  // Settings load after the first render: fill the form once they are known.
  useEffect(() => {
    form.setFieldsValue(initialSyncForm(station.code, settings, REMEMBER_BY_DEFAULT))
  }, [form, station.code, settings])

  const values = (): SyncForm => ({ ...initialSyncForm(station.code, settings, REMEMBER_BY_DEFAULT), ...form.getFieldsValue(), stationCode: station.code })

  const run = async (what: 'test' | 'save' | 'stop', job: () => Promise<void>) => {
    setBusy(what)
    try {
      await job()
    } catch (error) {
      void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(null)
    }
  }

  const onTest = () =>
    run('test', async () => {
      setVerdict(null)
      const result = await test(values())
      if (!result.ok) return void errors.show(result.errors)
      errors.reset()
      setVerdict(result.verdict)
    })

  const onSave = () =>
    run('save', async () => {
      setVerdict(null)
      const result = await saveAndStart(values())
      if (!result.ok) {
        if ('errors' in result) return void errors.show(result.errors)
        errors.reset()
        return setVerdict(result.verdict)
      }
      errors.reset()
      form.setFieldValue('password', '')
      if (result.verdict === 'unreachable') void message.warning(t('sync.saved.unreachable'))
      else void message.success(t(result.kept === 'device' ? 'sync.saved.device' : 'sync.saved.session'))
    })

  const onStop = () =>
    run('stop', async () => {
      await stop()
      void message.info(t('sync.stopped'))
    })

  const onValuesChange = (changed: Partial<SyncForm>) => {
    setVerdict(null)
    errors.clearChanged(changed)
  }

  return (
    <Card title={t('sync.settingsTitle')}>
      <Form<SyncForm>
        form={form}
        layout="vertical"
        size="large"
        initialValues={initialSyncForm(station.code, settings, REMEMBER_BY_DEFAULT)}
        onFinish={onSave}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="url" label={t('sync.field.url')} required {...errors.itemProps('url', t('sync.field.urlHelp'))}>
          <Input autoFocus inputMode="url" spellCheck={false} autoComplete="off" maxLength={500} placeholder={t('sync.field.urlPlaceholder')} />
        </Form.Item>
        <Form.Item name="stationCode" label={t('sync.field.stationCode')} extra={t('sync.field.stationCodeHelp')}>
          <Input
            readOnly
            prefix={<LockOutlined aria-hidden />}
            style={{ fontFamily: 'monospace', maxWidth: 360 }}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
        </Form.Item>
        <Form.Item name="username" label={t('sync.field.username')} required {...errors.itemProps('username')}>
          <Input spellCheck={false} autoComplete="username" maxLength={100} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('sync.field.password')}
          required={!hasPassword}
          {...errors.itemProps('password', hasPassword ? t('sync.field.passwordKept') : undefined)}
        >
          <Input.Password autoComplete="current-password" maxLength={200} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="remember" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('sync.field.remember')}</Checkbox>
        </Form.Item>
        <Alert
          style={{ marginBottom: 24 }}
          type={shell.platform === 'browser' && remember ? 'warning' : 'info'}
          showIcon
          title={t(shell.platform === 'electron' ? 'sync.field.rememberElectron' : 'sync.field.rememberBrowser')}
        />

        {verdict && (
          <Alert
            role="status"
            data-testid="sync-verdict"
            data-verdict={verdict}
            style={{ marginBottom: 24 }}
            type={verdict === 'ok' ? 'success' : 'error'}
            showIcon
            title={t(`sync.verdict.${verdict}`, { code: station.code })}
          />
        )}

        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<CloudSyncOutlined />} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
            {t('sync.action.save')}
          </Button>
          <Button icon={<ApiOutlined />} loading={busy === 'test'} disabled={busy !== null && busy !== 'test'} onClick={onTest}>
            {t('sync.action.test')}
          </Button>
          {(status.running || status.phase === 'error') && (
            <Button danger icon={<PauseCircleOutlined />} loading={busy === 'stop'} disabled={busy !== null && busy !== 'stop'} onClick={onStop}>
              {t('sync.action.stop')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  )
}

const OUTCOME_COLOR: Record<SyncRun['outcome'], string> = { synced: 'green', offline: 'orange', error: 'red', stopped: 'default' }

function JournalCard() {
  const { t } = useTranslation()
  const { services } = useStation()
  const runs = useLiveQuery(() => recentRuns(services.device, 20), [services.device])
  return (
    <Card title={t('sync.journal.title')}>
      <Table<SyncJournalEntry>
        size="small"
        rowKey={(run) => run.id ?? run.at}
        loading={runs === undefined}
        dataSource={runs ?? []}
        pagination={false}
        locale={{ emptyText: t('sync.journal.empty') }}
        columns={[
          { key: 'at', title: t('sync.journal.at'), render: (_, run) => localDateTime(run.at), width: 170 },
          {
            key: 'outcome',
            title: t('sync.journal.outcome'),
            render: (_, run) => (
              <>
                <Tag color={OUTCOME_COLOR[run.outcome]}>{t(`sync.outcome.${run.outcome}`)}</Tag>
                {run.kind === 'batch' && <Tag>{t('sync.journal.batch')}</Tag>}
              </>
            ),
            width: 170,
          },
          { key: 'up', title: t('sync.journal.up'), dataIndex: 'up', align: 'right', width: 80 },
          { key: 'down', title: t('sync.journal.down'), dataIndex: 'down', align: 'right', width: 80 },
          { key: 'denied', title: t('sync.journal.denied'), dataIndex: 'denied', align: 'right', width: 80 },
          {
            key: 'errors',
            title: t('sync.journal.errors'),
            render: (_, run) =>
              run.errors.length > 0 ? (
                <Typography.Text type="danger" style={{ fontSize: SMALL_TEXT }} ellipsis={{ tooltip: run.errors.join('\n') }}>
                  {run.errors.join('；')}
                </Typography.Text>
              ) : null,
          },
        ]}
      />
    </Card>
  )
}
