import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import type { DutySecretaryDoc } from '../../domain/duty'
import { DutyRosterForm } from './DutyRosterForm'
import { DutyRosterPattern } from './DutyRosterPattern'
import { useDuty } from './useDuty'

// 轮值人员: the village party secretaries who take turns at the duty desk, and the station's shifts.

const collator = new Intl.Collator('zh-CN')

export function DutyRosterPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { data, failure } = useDuty()
  /** the secretary being edited; null: a new one; undefined: no form open */
  const [editing, setEditing] = useState<DutySecretaryDoc | null | undefined>(undefined)

  const secretaries = useMemo(
    () => [...(data?.secretaries ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name)),
    [data?.secretaries],
  )

  const columns: TableColumnsType<DutySecretaryDoc> = [
    { key: 'name', title: t('duty.roster.field.name'), dataIndex: 'name', width: 110 },
    { key: 'village', title: t('duty.roster.field.village'), dataIndex: 'village', width: 130 },
    { key: 'phone', title: t('duty.roster.field.phone'), dataIndex: 'phone', width: 150 },
    {
      key: 'active',
      title: t('duty.roster.column.active'),
      width: 110,
      render: (_, s) => (s.active ? <Tag color="green">{t('duty.roster.activeOn')}</Tag> : <Tag>{t('duty.roster.activeOff')}</Tag>),
    },
    {
      key: 'unavailable',
      title: t('duty.roster.column.unavailable'),
      width: 160,
      render: (_, s) => (s.unavailableWeekdays.length ? s.unavailableWeekdays.map((w) => t(`duty.weekday.${w}`)).join(t('duty.listSeparator')) : '—'),
    },
    {
      key: 'leaves',
      title: t('duty.roster.column.leaves'),
      render: (_, s) =>
        s.leaves.length ? (
          <Flex vertical gap={2}>
            {s.leaves.map((leave) => (
              <span key={`${leave.from}/${leave.to}`}>
                {leave.reason
                  ? t('duty.roster.leaveWithReason', { from: leave.from, to: leave.to, reason: leave.reason })
                  : t('duty.roster.leaveRange', { from: leave.from, to: leave.to })}
              </span>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('duty.roster.column.actions'),
      width: 100,
      render: (_, s) => (
        <Button type="link" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(s)} aria-label={t('duty.roster.editTitle', { name: s.name })}>
          {t('duty.roster.edit')}
        </Button>
      ),
    },
  ]

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex align="center" gap={12}>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(paths.dutyRota)}>
            {t('duty.rota.title')}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('duty.roster.title')}
          </Typography.Title>
        </Flex>
        <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setEditing(null)} disabled={!data}>
          {t('duty.roster.add')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon title={t('duty.loadFailed', { message: failure })} />}
      {!data ? (
        !failure && <Spin />
      ) : (
        <>
          <Card>
            <Typography.Paragraph type="secondary">{t('duty.roster.intro')}</Typography.Paragraph>
            <Table<DutySecretaryDoc>
              data-testid="duty-roster"
              size="middle"
              rowKey="_id"
              pagination={false}
              columns={columns}
              dataSource={secretaries}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.roster.empty')} /> }}
            />
          </Card>
          <DutyRosterPattern pattern={data.pattern} />
        </>
      )}
      {editing !== undefined && <DutyRosterForm key={editing?._id ?? 'new'} secretary={editing} onClose={() => setEditing(undefined)} />}
    </Flex>
  )
}
