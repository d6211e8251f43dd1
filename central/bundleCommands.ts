// `npm run central -- import-bundle …` and `… export-bundle …`: the technician's side of 同步包.
// The words come from the app's own translations (i18n/*/bundle.json), so the command and the
// station say the same thing about the same file.
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { BundleError, BundleWriteError, bundleFileName, type Seq } from '../renderer/src/contract'
import en from '../renderer/src/i18n/en/bundle.json'
import zh from '../renderer/src/i18n/zh-CN/bundle.json'
import { exportBundleFromCentral, importBundleToCentral } from './bundleCentral'
import { CentralSetupError } from './couchHttp'

export interface BundleCommandOutput {
  out: (line: string) => void
}

/** Bad arguments to a bundle command (a file that cannot be read, say). */
export class BundleUsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'BundleUsageError'
  }
}

/** A refused bundle in both languages, as the station would word it. */
export function bundleErrorText(error: BundleError): { zh: string; en: string } {
  const key = error.key
  const values = { station: error.detail ?? '?', id: error.detail ?? '?' }
  return { zh: fill(zh.bundle.error[key], values), en: fill(en.bundle.error[key], values) }
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')

export async function importBundleCommand(
  args: { url: string; file: string },
  io: BundleCommandOutput,
  fetchImpl?: typeof fetch,
  now = () => new Date().toISOString(),
): Promise<void> {
  const bytes = await readInput(args.file)
  let result
  try {
    result = await importBundleToCentral(args.url, bytes, now(), fetchImpl)
  } catch (error) {
    if (error instanceof BundleWriteError) {
      const list = error.refused.slice(0, 10).map((r) => `${r.id}: ${r.reason}`).join('; ')
      throw new CentralSetupError(
        'unexpected',
        `中心数据库拒绝了 ${error.refused.length} 条记录（其余已写入，可修正后重新导入）：${list}`,
        `The central database refused ${error.refused.length} record(s) (the others were written; fix and import again): ${list}`,
      )
    }
    throw error
  }
  const { manifest } = result
  io.out(`驿站 / Station: ${manifest.station}（${result.database}）`)
  io.out(`同步包 / Bundle: ${manifest.count} 条 records, 驿站变更 / station changes ${String(manifest.fromSeq)} → ${String(manifest.toSeq)}, ${manifest.createdAt}`)
  io.out(`新写入 / Written: ${result.written}`)
  io.out(`已存在 / Already present: ${result.alreadyPresent}`)
  if (result.written === 0) io.out('中心已有这个同步包的全部记录，没有任何改动 / The central server already held every record: nothing changed.')
  if (result.acknowledged !== null) {
    io.out(
      `中心已连续收到本驿站第 ${String(result.acknowledged)} 号变更及之前的记录；回程同步包会把这一点带回驿站。` +
        ` / Central holds the station's changes up to ${String(result.acknowledged)}; the return bundle tells the station.`,
    )
  }
  io.out('请在驿站的 中心同步 → 同步包 里点“标记为中心已接收”。 / At the station, press 标记为中心已接收 (mark as received by central) under 中心同步 → 同步包.')
}

export async function exportBundleCommand(
  args: { url: string; station: string; since: string; out?: string },
  io: BundleCommandOutput,
  fetchImpl?: typeof fetch,
  now = () => new Date().toISOString(),
): Promise<void> {
  const since = parseSeq(args.since)
  const at = now()
  const exported = await exportBundleFromCentral(args.url, args.station, since, at, fetchImpl)
  const path = resolve(args.out ?? bundleFileName(args.station, at, 'toStation'))
  await writeFile(path, exported.bytes)
  const { manifest } = exported
  io.out(`回程同步包 / Return bundle: ${path}`)
  io.out(`记录 / Records: ${manifest.count}（中心变更 / central changes ${String(manifest.fromSeq)} → ${String(manifest.toSeq)}）`)
  if (exported.skipped.length > 0) io.out(`未导出（不属于该驿站）/ Left out (not the station's): ${exported.skipped.join(', ')}`)
  io.out(`下次导出请用 / Next time use: --since ${String(manifest.toSeq)}`)
}

/** PouchDB's sequences are numbers, CouchDB 3's opaque strings: a plain number is taken as one. */
export function parseSeq(text: string): Seq {
  return /^\d+$/.test(text) ? Number(text) : text
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file))
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new BundleUsageError(`读不了同步包文件 ${file}：${detail}`, `Cannot read the bundle file ${file}: ${detail}`)
  }
}
