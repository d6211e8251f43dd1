import i18next from 'i18next'
import { resourcesOf } from '../../i18n'
import { buildLedgerWorkbook } from './ledgerExport'
import type { LedgerFileReply, LedgerFileRequest } from './ledgerFile'

// Builds the 台账 file off the page's thread: ExcelJS needs many seconds for a big ledger, and the
// screen must stay alive meanwhile.

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LedgerFileRequest>) => void) | null
  postMessage(message: LedgerFileReply, transfer?: Transferable[]): void
}

scope.onmessage = async ({ data: request }) => {
  try {
    const i18n = i18next.createInstance()
    await i18n.init({
      lng: request.lang,
      resources: { [request.lang]: { translation: resourcesOf(request.lang) } },
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    const data = await buildLedgerWorkbook(request.rows, { ...request, t: i18n.t })
    scope.postMessage({ ok: true, data }, [data.buffer])
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
