import { EditOutlined, KeyOutlined, StopOutlined, UnlockOutlined, UserAddOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../ui/clock'
import { useCommandContext, useStation } from '../../ui/session'
import { secondsLeft } from '../../domain/people'
import { IdleLockSetting } from './IdleLockSetting'
import { PersonDialog, type PersonDialogKind } from './PersonDialog'
import { usePeople, type PersonRow } from './usePeople'

// 工作人员: the station's people, their roles and whether they may sign in; for each, this desk's lock after
// wrong PINs (with its countdown, and the way to lift it). Adding, editing and new PINs in PersonDialog.

export function PeoplePage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { services, person: me } = useStation()
  const ctx = useCommandContext()
  const { value: rows, failure, reload } = usePeople()
  const [dialog, setDialog] = useState<PersonDialogKind | null>(null)
  const now = useNow(1000)

  const refused = (error: string) => void message.error(t(error))

  const toggle = ({ person }: PersonRow) => {
    const disable = !person.disabled
    modal.confirm({
      title: t(disable ? 'people.page.confirmDisable' : 'people.page.confirmEnable', { name: person.name }),
      content: disable ? t('people.page.confirmDisableBody', { name: person.name }) : undefined,
      okText: t(disable ? 'people.page.disable' : 'people.page.enable'),
      okButtonProps: { danger: disable },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await services.people.setDisabled(person._id, disable, ctx())
        if (!result.ok) return refused('error' in result ? result.error : 'people.error.notAllowed')
        void message.success(t(disable ? 'people.page.disabledDone' : 'people.page.enabledDone', { name: person.name }))
      },
    })
  }

  const unlock = async ({ person }: PersonRow) => {
    const result = await services.people.unlock(person._id, ctx())
    if (!result.ok) return refused('error' in result ? result.error : 'people.error.notAllowed')
    void message.success(t('people.page.unlockedDone', { name: person.name }))
    reload()
  }

  const columns: TableColumnsType<PersonRow> = [
    {
      key: 'name',
      title: t('people.page.column.name'),
      render: (_, { person }) => (
        <Typography.Text strong delete={person.disabled}>
          {person.name}
          {person._id === me?.id && t('people.page.you')}
        </Typography.Text>
      ),
    },
    {
      key: 'roles',
      title: t('people.page.column.roles'),
      render: (_, { person }) => (
        <Space size={4} wrap>
          {person.roles.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'red' : undefined}>
              {t(`people.role.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('people.page.column.status'),
      render: (_, { person }) =>
        person.disabled ? <Tag>{t('people.page.disabled')}</Tag> : <Tag color="green">{t('people.page.active')}</Tag>,
    },
    {
      key: 'desk',
      title: t('people.page.column.desk'),
      render: (_, row) => {
        const seconds = row.lockedUntil ? secondsLeft(row.lockedUntil, now) : 0
        if (seconds === 0) return null
        return (
          <Space wrap data-testid="locked-here">
            <Typography.Text type="danger">{t('people.page.lockedHere', { seconds })}</Typography.Text>
            <Button size="small" icon={<UnlockOutlined aria-hidden />} onClick={() => void unlock(row)}>
              {t('people.page.unlock')}
            </Button>
          </Space>
        )
      },
    },
    {
      key: 'actions',
      title: t('people.page.column.actions'),
      render: (_, row) => (
        <Space wrap>
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit', person: row.person })}>
            {t('people.page.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined aria-hidden />} onClick={() => setDialog({ kind: 'pin', person: row.person })}>
            {t('people.page.resetPin')}
          </Button>
          <Button
            size="small"
            danger={!row.person.disabled}
            icon={row.person.disabled ? <UndoOutlined aria-hidden /> : <StopOutlined aria-hidden />}
            onClick={() => toggle(row)}
          >
            {t(row.person.disabled ? 'people.page.enable' : 'people.page.disable')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('people.page.title')}
        </Typography.Title>
        <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
          {t('people.page.add')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('people.page.intro')}</Typography.Text>
      {failure && <Alert type="error" showIcon title={t('people.page.loadFailed', { message: failure })} />}
      <Table<PersonRow>
        rowKey={(row) => row.person._id}
        columns={columns}
        dataSource={rows}
        loading={!rows && !failure}
        pagination={false}
      />
      <IdleLockSetting />
      {dialog && <PersonDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Flex>
  )
}
