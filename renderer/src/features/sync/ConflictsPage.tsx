import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Flex, Radio, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { refusalKeys } from '../../data/command'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import { useLedger } from '../../ui/useLedger'
import type { Lang } from '../../domain/categories'
import type { ConflictChoice, ConflictDoc, ContestedField, FieldVersion } from '../../domain/sync'
import { localDateTime } from '../../domain/calendar'
import { fieldLabel, fieldValueText } from './conflictText'
import { useConflicts } from './useConflicts'

// 冲突处理 (/sync/conflicts), for technicians: where two computers changed the same field apart, the merge kept
// the newest value; here each such field shows the value kept and the other computer's, and a technician
// confirms the one that is right. Handled records stay listed, folded away, under 已处理.

export function ConflictsPage() {
  const { t } = useTranslation()
  const { records, failure, reload } = useConflicts()
  const open = records?.filter((record) => record.status === 'open') ?? []
  const resolved = records?.filter((record) => record.status === 'resolved') ?? []

  return (
    <Flex vertical gap={24} style={{ maxWidth: 1100 }} data-testid="conflicts-page">
      <div>
        <Link to={paths.sync}>← {t('conflicts.back')}</Link>
        <Typography.Title level={2} style={{ margin: '12px 0 0' }}>
          {t('conflicts.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('conflicts.intro')}
        </Typography.Paragraph>
      </div>
      {failure && <Alert type="error" showIcon role="alert" title={t('conflicts.loadFailed', { message: failure })} />}
      {records === undefined && !failure && (
        <Space>
          <Spin />
          {t('conflicts.loading')}
        </Space>
      )}
      {records !== undefined && open.length === 0 && (
        <Card>
          <Empty description={<span data-testid="no-open-conflicts">{t('conflicts.none')}</span>}>
            <Typography.Text type="secondary">{t('conflicts.noneHint')}</Typography.Text>
          </Empty>
        </Card>
      )}
      {open.map((record) => (
        <OpenConflict key={record._id} record={record} onResolved={reload} />
      ))}
      {resolved.length > 0 && (
        <Collapse
          data-testid="resolved-conflicts"
          items={[
            {
              key: 'resolved',
              label: t('conflicts.resolvedSection', { count: resolved.length }),
              children: (
                <Flex vertical gap={16}>
                  {resolved.map((record) => (
                    <ResolvedConflict key={record._id} record={record} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  )
}

/** Which document, and when and by whom it was changed apart. */
function ConflictHeading({ record }: { record: ConflictDoc }) {
  const { t } = useTranslation()
  const editors = [
    ...new Set(record.fields.flatMap((field) => [field.kept, ...field.others].map((version) => version.stamp?.by ?? ''))),
  ].filter(Boolean)
  return (
    <Flex vertical gap={2} style={{ padding: '8px 0', whiteSpace: 'normal' }}>
      <Space wrap>
        <DocumentName record={record} />
        <Tag color={record.status === 'open' ? 'orange' : 'green'}>{t(`conflicts.status.${record.status}`)}</Tag>
      </Space>
      <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 14 }}>
        {t('conflicts.when', { at: localDateTime(record.createdAt) })}
        {editors.length > 0 && <> · {t('conflicts.editors', { names: editors.join('、') })}</>}
      </Typography.Text>
    </Flex>
  )
}

function DocumentName({ record }: { record: ConflictDoc }) {
  const { t } = useTranslation()
  const { ledger } = useLedger()
  if (record.docType === 'need') {
    // The need as the ledger has it now; failing that, as the other computer had it.
    const row = ledger.get(record.docId)
    const lost = record.losingDocs[0] as { number?: string; resident?: { name?: string } } | undefined
    const number = row?.number ?? lost?.number ?? ''
    const name = row?.residentName ?? lost?.resident?.name ?? ''
    return <Link to={paths.need(record.docId)}>{t('conflicts.doc.need', { number, name })}</Link>
  }
  if (record.docType === 'station') return <Link to={paths.settings}>{t('conflicts.doc.station')}</Link>
  return <span>{t('conflicts.doc.other', { id: record.docId })}</span>
}

function OpenConflict({ record, onResolved }: { record: ConflictDoc; onResolved(): void }) {
  const { t } = useTranslation()
  const { services } = useStation()
  const ctx = useCommandContext()
  const { message } = App.useApp()
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({})
  const { busy, failure: error, setFailure: setError, submit } = useSubmit()
  const choiceOf = (field: ContestedField): ConflictChoice => choices[field.field] ?? 'kept'

  const confirm = () =>
    submit(async () => {
      const chosen = Object.fromEntries(record.fields.map((field) => [field.field, choiceOf(field)]))
      const result = await services.conflicts.resolve(record._id, chosen, ctx())
      if (result.ok) {
        void message.success(t('conflicts.done'))
        onResolved()
      } else {
        setError(refusalKeys(result).map((key) => t(key)).join('；'))
      }
    })

  return (
    <Card title={<ConflictHeading record={record} />} data-conflict-id={record._id} data-status="open">
      <Flex vertical gap={20}>
        {record.fields.map((field) => (
          <FieldChoice
            key={field.field}
            docType={record.docType}
            field={field}
            choice={choiceOf(field)}
            onChoose={(choice) => setChoices((now) => ({ ...now, [field.field]: choice }))}
          />
        ))}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <Flex gap={16} align="center" wrap>
          <Button type="primary" size="large" loading={busy} onClick={() => void confirm()}>
            {t('conflicts.confirm')}
          </Button>
          <Typography.Text type="secondary">{t('conflicts.confirmHint')}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  )
}

/** One contested field: the kept value and each other value side by side, one to choose. */
function FieldChoice({
  docType,
  field,
  choice,
  onChoose,
}: {
  docType: string
  field: ContestedField
  choice: ConflictChoice
  onChoose(choice: ConflictChoice): void
}) {
  const { t } = useTranslation()
  const label = fieldLabel(t, docType, field.field)
  return (
    <div role="group" aria-label={label} data-field={field.field}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8, fontSize: 16 }}>
        {label}
      </Typography.Text>
      <Radio.Group value={choice} onChange={(event) => onChoose(event.target.value as ConflictChoice)} style={{ width: '100%' }}>
        <Flex gap={12} wrap>
          <VersionOption choice="kept" chosen={choice === 'kept'} title={t('conflicts.kept')} field={field.field} version={field.kept} />
          {field.others.map((version, i) => (
            <VersionOption key={version.rev} choice={i} chosen={choice === i} title={t('conflicts.other')} field={field.field} version={version} />
          ))}
        </Flex>
      </Radio.Group>
    </div>
  )
}

function VersionOption({
  choice,
  chosen,
  title,
  field,
  version,
}: {
  choice: ConflictChoice
  chosen: boolean
  title: string
  field: string
  version: FieldVersion
}) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <div
      style={{
        flex: '1 1 300px',
        minWidth: 0,
        border: `${chosen ? 2 : 1}px solid ${chosen ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 8,
        padding: chosen ? 11 : 12,
        background: chosen ? '#f0f7ff' : undefined,
      }}
    >
      <Radio value={choice} style={{ width: '100%', alignItems: 'flex-start' }}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          <div data-value style={{ fontSize: 16, whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 240, overflowY: 'auto' }}>
            {fieldValueText(t, lang, field, version.value)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {version.stamp ? t('conflicts.editedBy', { by: version.stamp.by, at: localDateTime(version.stamp.at) }) : t('conflicts.editedUnknown')}
          </Typography.Text>
        </Flex>
      </Radio>
    </div>
  )
}

function ResolvedConflict({ record }: { record: ConflictDoc }) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const resolution = record.resolution
  return (
    <Card size="small" title={<ConflictHeading record={record} />} data-conflict-id={record._id} data-status="resolved">
      {resolution && (
        <Typography.Paragraph type="secondary">
          {t('conflicts.resolvedBy', { by: resolution.by, at: localDateTime(resolution.at) })}
        </Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={record.fields.map((field) => {
          const choice = resolution?.choices[field.field] ?? 'kept'
          const version = choice === 'kept' ? field.kept : field.others[choice]
          return {
            key: field.field,
            label: fieldLabel(t, record.docType, field.field),
            children: (
              <Space wrap>
                <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{fieldValueText(t, lang, field.field, version?.value)}</span>
                <Tag>{t(choice === 'kept' ? 'conflicts.resolvedKept' : 'conflicts.resolvedOther')}</Tag>
              </Space>
            ),
          }
        })}
      />
    </Card>
  )
}
