import { Button, Modal, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NeedDoc } from '../../domain/needs'
import type { StationDoc } from '../../domain/station'
import { NeedReceipt, printReceipt } from './NeedReceipt'

// Reprinting a receipt, e.g. when the resident lost the slip. printReceipt() puts only the slip on paper.

export function ReceiptModal({
  open,
  need,
  station,
  dueDate,
  onClose,
}: {
  open: boolean
  need: NeedDoc
  station: StationDoc
  /** the deadline now, if a handler was given a new one */
  dueDate: string
  onClose(): void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      open={open}
      title={<span className="no-print">{t('detail.receipt.title')}</span>}
      onCancel={onClose}
      width={720}
      rootClassName="receipt-modal"
      destroyOnHidden
      footer={
        <Space className="no-print">
          <Button onClick={onClose}>{t('app.close')}</Button>
          <Button type="primary" autoFocus onClick={() => void printReceipt()}>
            {t('app.print')}
          </Button>
        </Space>
      }
    >
      <NeedReceipt need={need} station={station} dueDate={dueDate} />
    </Modal>
  )
}
