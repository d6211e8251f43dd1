import { CheckOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { clock } from '../../ui/clock'
import { shell } from '../../shell/browserShell'
import './recoveryCode.css'

// The administrator's recovery code, shown once (at setup, and after each use): to print or copy out, then
// confirmed as noted. Only its hash is stored; nobody can show it again.

async function printRecoveryCode(): Promise<void> {
  document.body.classList.add('printing-recovery-code')
  try {
    await shell.print()
  } finally {
    document.body.classList.remove('printing-recovery-code')
  }
}

export function RecoveryCodeCard({ code, stationName, onNoted }: { code: string; stationName: string; onNoted(): void }) {
  const { t } = useTranslation()
  return (
    <section className="recovery-code" aria-labelledby="recovery-code-title">
      <Typography.Title level={3} id="recovery-code-title" style={{ marginTop: 0 }}>
        {t('people.recoveryCode.title')}
      </Typography.Title>
      <Typography.Paragraph className="recovery-code-print-only" strong>
        {t('people.recoveryCode.printTitle', { station: stationName })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ fontSize: 16 }}>{t('people.recoveryCode.body')}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('people.recoveryCode.label')}</Typography.Text>
      <div
        data-testid="recovery-code"
        style={{ fontFamily: 'monospace', fontSize: 30, letterSpacing: 3, fontWeight: 600, margin: '4px 0 8px', userSelect: 'all' }}
      >
        {code}
      </div>
      <Typography.Paragraph type="secondary">{t('people.recoveryCode.printedOn', { date: clock.today() })}</Typography.Paragraph>
      <Flex gap={12} wrap className="no-print">
        <Button size="large" icon={<PrinterOutlined aria-hidden />} onClick={() => void printRecoveryCode()}>
          {t('people.recoveryCode.print')}
        </Button>
        <Button size="large" type="primary" icon={<CheckOutlined aria-hidden />} onClick={onNoted}>
          {t('people.recoveryCode.noted')}
        </Button>
      </Flex>
    </section>
  )
}
