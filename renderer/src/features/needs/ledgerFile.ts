import type { Lang } from '../../domain/categories'
import type { LedgerRow } from '../../domain/needs'
import type { LedgerExportOptions } from './ledgerExport'

// The page's way to the 台账 file: built in a worker so the screen stays alive, or on the page itself
// where a worker cannot start (ExcelJS is loaded only then, and only when someone exports).

export const LEDGER_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface LedgerFileRequest {
  rows: readonly LedgerRow[]
  lang: Lang
  today: string
  stationName: string
}

export type LedgerFileReply = { ok: true; data: Uint8Array } | { ok: false; message: string }

/** Thrown when the worker itself could not run, as opposed to the export failing inside it. */
class WorkerUnavailable extends Error {}

function buildInWorker(request: LedgerFileRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./ledgerExport.worker.ts', import.meta.url), { type: 'module' })
    } catch (error) {
      reject(new WorkerUnavailable(String(error)))
      return
    }
    worker.onmessage = ({ data: reply }: MessageEvent<LedgerFileReply>) => {
      worker.terminate()
      if (reply.ok) resolve(reply.data)
      else reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new WorkerUnavailable(event.message))
    }
    worker.postMessage(request)
  })
}

/** The XLSX bytes of `rows`, in the order given. */
export async function buildLedgerFile(rows: readonly LedgerRow[], options: LedgerExportOptions): Promise<Uint8Array> {
  const { lang, today, stationName } = options
  if (typeof Worker !== 'undefined') {
    try {
      return await buildInWorker({ rows, lang, today, stationName })
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error
    }
  }
  const { buildLedgerWorkbook } = await import('./ledgerExport')
  return buildLedgerWorkbook(rows, options)
}
