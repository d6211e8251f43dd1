import { App, Button, Card, Flex, InputNumber, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../ui/session'

/** 自动锁屏: how long this computer waits, unused, before locking the screen (a device setting, never synced). */
export function IdleLockSetting() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { idleLockMinutes, setIdleLockMinutes } = useStation()
  const [minutes, setMinutes] = useState<number | null>(idleLockMinutes)

  const save = async () => {
    if (!minutes) return
    await setIdleLockMinutes(minutes)
    void message.success(t('people.page.idle.saved', { minutes }))
  }

  return (
    <Card title={t('people.page.idle.title')}>
      <Flex align="center" gap={8} wrap>
        <label htmlFor="idle-lock-minutes">{t('people.page.idle.label')}</label>
        <InputNumber
          id="idle-lock-minutes"
          min={1}
          max={120}
          precision={0}
          value={minutes}
          onChange={(value) => setMinutes(value)}
          suffix={t('people.page.idle.minutes')}
          style={{ width: 140 }}
        />
        <Button onClick={() => void save()} disabled={!minutes || minutes === idleLockMinutes}>
          {t('people.page.idle.save')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('people.page.idle.hint')}
      </Typography.Paragraph>
    </Card>
  )
}
