import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { shownIdCard, type NeedDoc } from '../../domain/needs'
import type { StationDoc } from '../../domain/station'
import { localDateTime } from '../../domain/calendar'
import { shell } from '../../shell/browserShell'
import { useCategoryPath } from './needTags'
import './needReceipt.css'

// 回执: the slip the resident takes home. Print it with printReceipt(): only the receipt reaches paper
// (needReceipt.css), wherever on screen it is shown.

/** Prints the receipt on screen and nothing else. */
export async function printReceipt(): Promise<void> {
  document.body.classList.add('printing-receipt')
  try {
    await shell.print()
  } finally {
    document.body.classList.remove('printing-receipt')
  }
}

export function NeedReceipt({ need, station, dueDate = need.dueDate }: { need: NeedDoc; station: StationDoc; dueDate?: string }) {
  const { t } = useTranslation()
  const categoryPath = useCategoryPath()
  const idCard = shownIdCard(need)
  return (
    <section className="need-receipt" aria-label={t('register.receipt.title')} data-testid="need-receipt">
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
        {station.name}
        <br />
        <span style={{ fontSize: '0.8em' }}>{t('register.receipt.title')}</span>
      </Typography.Title>
      <Descriptions column={1} bordered size="middle" styles={{ label: { width: '8em' } }}>
        <Descriptions.Item label={t('register.receipt.number')}>
          <strong data-testid="receipt-number" style={{ fontSize: '1.25em', letterSpacing: 1 }}>
            {need.number}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.resident')}>
          {need.resident.name}
          {idCard && <span style={{ marginLeft: 12 }}>{idCard}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.phone')}>{need.resident.phone}</Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.category')}>{categoryPath(need.categoryItem)}</Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.description')}>
          {/* Plain text, as typed: never parsed as HTML. */}
          <span className="need-receipt-description">{need.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.registeredAt')}>{localDateTime(need.registeredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('register.receipt.dueDate')}>
          <strong>{dueDate}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('register.receipt.promise', { date: dueDate })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {station.phone
          ? t('register.receipt.contact', { name: station.name, phone: station.phone })
          : t('register.receipt.contactNoPhone', { name: station.name })}
      </Typography.Paragraph>
    </section>
  )
}
