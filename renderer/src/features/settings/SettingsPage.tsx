import { DatabaseOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Flex, Space, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { version } from '../../../../package.json'
import { useStation } from '../../ui/session'
import { StationFormFields } from './StationFormFields'

/** 设置: the station's details (code locked), and the local data's upkeep. */
export function SettingsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { station } = useStation()

  return (
    <Flex vertical gap={24} style={{ maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card title={t('settings.stationSection')}>
        <StationFormFields station={station} submitLabel={t('settings.save')} onSaved={() => void message.success(t('settings.saved'))} />
      </Card>
      <LocalDataSection />
    </Flex>
  )
}

function LocalDataSection() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { services } = useStation()
  const [documents, setDocuments] = useState<number | null>(null)
  const [rebuilding, setRebuilding] = useState(false)

  const count = useCallback(() => {
    void services.db.info().then((info) => setDocuments(info.doc_count))
  }, [services])
  useEffect(count, [count])

  const rebuild = async () => {
    setRebuilding(true)
    try {
      const read = await services.rebuildReadModel()
      void message.success(t('settings.localData.rebuilt', { count: read }))
      count()
    } catch (error) {
      void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setRebuilding(false)
    }
  }

  const confirmRebuild = () =>
    modal.confirm({
      title: t('settings.localData.confirmTitle'),
      content: t('settings.localData.confirmBody'),
      okText: t('settings.localData.confirmOk'),
      cancelText: t('app.cancel'),
      // The dialog stays open, its button spinning, until the rebuild is done.
      onOk: rebuild,
    })

  return (
    <Card title={t('settings.localData.title')}>
      <Typography.Paragraph type="secondary">{t('settings.localData.intro')}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { key: 'version', label: t('settings.localData.version'), children: version },
          { key: 'database', label: t('settings.localData.database'), children: services.db.name },
          { key: 'readModel', label: t('settings.localData.readModel'), children: services.readModel.name },
          { key: 'documents', label: t('settings.localData.documents'), children: documents ?? '…' },
        ]}
      />
      <Space orientation="vertical" size={4}>
        <Button icon={<DatabaseOutlined />} loading={rebuilding} onClick={confirmRebuild} autoInsertSpace={false}>
          {t('settings.localData.rebuild')}
        </Button>
        <Typography.Text type="secondary">{t('settings.localData.rebuildHint')}</Typography.Text>
      </Space>
    </Card>
  )
}
