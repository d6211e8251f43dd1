import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { App, Button, Flex, Modal } from 'antd'
import { useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../ui/session'
import type { CaseFile } from '../../data/mediationRepository'
import { agreementContent, type AgreementContent } from '../../domain/mediation'
import { shell } from '../../shell/browserShell'
import { fileSafe } from '../duty/dutyRotaText'
import { AgreementSheet } from './AgreementSheet'

// 打印调解协议书: a case with an agreement opens a preview of the 人民调解协议书, with 打印 and 保存为 PDF.
// While the preview is open a copy of the sheet sits directly under <body>, and only that copy reaches
// paper (agreement.css), whichever way the window is printed. In the desktop shell 保存为 PDF writes the
// file itself (printToPDF, A4); a browser has no such call, so it opens the print dialog, where the clerk
// picks 另存为 PDF.

/** The preview of an agreement, as it will print, with 关闭, 保存为 PDF and 打印. */
export function AgreementPrintModal({ content, onClose }: { content: AgreementContent; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null)

  const failed = (error: unknown) =>
    void message.error(t('mediationPrint.agreement.printFailed', { message: error instanceof Error ? error.message : String(error) }))

  const print = async () => {
    setBusy('print')
    try {
      await shell.print()
    } catch (error) {
      failed(error)
    } finally {
      setBusy(null)
    }
  }

  const savePdf = async () => {
    setBusy('pdf')
    try {
      if (shell.platform === 'browser') void message.info(t('mediationPrint.agreement.pdfInBrowser'))
      // 人民调解协议书-调〔2026〕001号(.pdf)
      const saved = await shell.printToPdf(fileSafe(t('mediationPrint.agreement.fileName', { number: content.caseNumber })))
      if (saved) void message.success(t('mediationPrint.agreement.pdfSaved', { path: saved }))
      else if (shell.platform !== 'browser') void message.info(t('mediationPrint.agreement.pdfCancelled'))
    } catch (error) {
      failed(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Modal
      open
      title={t('mediationPrint.agreement.previewTitle', { number: content.caseNumber })}
      onCancel={onClose}
      width="min(calc(210mm + 80px), 96vw)"
      style={{ top: 24 }}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" className="no-print">
          <Button onClick={onClose}>{t('app.close')}</Button>
          <Button icon={<FilePdfOutlined aria-hidden />} loading={busy === 'pdf'} disabled={busy === 'print'} onClick={() => void savePdf()}>
            {t('mediationPrint.agreement.savePdf')}
          </Button>
          <Button
            type="primary"
            autoFocus
            icon={<PrinterOutlined aria-hidden />}
            loading={busy === 'print'}
            disabled={busy === 'pdf'}
            onClick={() => void print()}
          >
            {t('app.print')}
          </Button>
        </Flex>
      }
    >
      <div className="agreement-preview" tabIndex={0} role="region" aria-label={t('mediationPrint.agreement.preview')}>
        <div className="agreement-paper">
          <AgreementSheet content={content} />
        </div>
      </div>
      {createPortal(
        <div className="agreement-print-root" aria-hidden data-testid="agreement-print-root">
          <AgreementSheet content={content} testId="agreement-sheet-print" />
        </div>,
        document.body,
      )}
    </Modal>
  )
}

/** 打印调解协议书: nothing unless the case has an agreement. */
export function AgreementButton({ file }: { file: CaseFile }) {
  const { t } = useTranslation()
  const { station } = useStation()
  const [open, setOpen] = useState(false)
  const content = useMemo(() => agreementContent(file.caseDoc, file.state, station.name), [file.caseDoc, file.state, station.name])
  if (!content) return null
  return (
    <>
      <Button icon={<PrinterOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('mediationPrint.agreement.button')}
      </Button>
      {open && <AgreementPrintModal content={content} onClose={() => setOpen(false)} />}
    </>
  )
}
