import { Flex, Table, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { SMALL_TEXT } from '../../ui/displayTheme'
import { useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import type { RefusedDoc } from '../../data/deviceStore'
import { localDateTime } from '../../domain/calendar'
import { refusedDocs } from '../../sync/refusedDocs'
import { needOf, recordKind, recordPath, refusalText } from './refusedText'

// On the sync page: which records central refused and why, each with the way to its page to correct
// it. A record leaves the list by itself once an upload of it gets through (sync/refusedDocs.ts).

/** How many records central has refused, live (the header shows it beside what waits for upload). */
export function useRefusedCount(): number {
  const { services } = useStation()
  return useLiveQuery(() => services.device.refusedDocs.count(), [services.device], 0)
}

export function RefusedDocsList() {
  const { t } = useTranslation()
  const { services } = useStation()
  const refused = useLiveQuery(() => refusedDocs(services.device), [services.device])
  if (!refused?.length) return null
  return (
    <Flex vertical gap={8} data-testid="refused-docs">
      <Typography.Text strong>{t('sync.refused.title', { count: refused.length })}</Typography.Text>
      <Typography.Text type="secondary">{t('sync.refused.hint')}</Typography.Text>
      <Table<RefusedDoc>
        size="small"
        rowKey="id"
        dataSource={refused}
        pagination={refused.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { key: 'record', title: t('sync.refused.column.record'), render: (_, doc) => <RecordName id={doc.id} /> },
          {
            key: 'why',
            title: t('sync.refused.column.why'),
            render: (_, doc) => (
              <Flex vertical>
                <Typography.Text type="danger">{refusalText(t, doc.id, doc.reason)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: SMALL_TEXT }}>
                  {t('sync.refused.server', { reason: doc.reason })}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'at', title: t('sync.refused.column.at'), render: (_, doc) => localDateTime(doc.at), width: 170 },
        ]}
      />
    </Flex>
  )
}

/** 诉求 20261123-001 · 张三 (as the ledger has it), else the kind of record; a link to its page where it has one. */
function RecordName({ id }: { id: string }) {
  const { t } = useTranslation()
  const { ledger } = useLedger()
  const need = needOf(id)
  const row = need ? ledger.get(need) : undefined
  const kind = recordKind(t, id)
  const name = row ? t('sync.refused.named', { kind, number: row.number, name: row.residentName }) : kind
  const to = recordPath(id)
  return to ? <Link to={to}>{name}</Link> : <span>{name}</span>
}
