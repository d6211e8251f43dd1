// `npm run central -- setup --url http://admin:pw@host:5984 --station CODE --name NAME [--password …]`
// The technician's command for the central CouchDB 3. Safe to run again: it changes only what is
// missing or different and says so.
// `import-bundle` / `export-bundle` carry a station's 同步包 (bundle file) into the central server
// and central's changes back out (see bundleCommands.ts).
// Run compiled: central/run.mjs builds this file into out/central/cli.mjs (vite.config.ts) and runs it.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { BundleError, validateSources } from '../renderer/src/contract'
import { BundleUsageError, bundleErrorText, exportBundleCommand, importBundleCommand } from './bundleCommands'
import { CentralSetupError, type CentralErrorCode } from './couchHttp'
import { setupStation, type StepOutcome } from './provision'

/** Exit codes, for scripts that provision many stations. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3, notAdmin: 4, badBundle: 5 } as const

const exitFor: Record<CentralErrorCode, number> = {
  badUrl: EXIT.usage,
  badStationCode: EXIT.usage,
  badStationName: EXIT.usage,
  unreachable: EXIT.unreachable,
  badCredentials: EXIT.notAdmin,
  notAdmin: EXIT.notAdmin,
  unexpected: EXIT.failed,
}

const USAGE = `用法 / Usage:
  npm run central -- setup --url http://admin:密码@主机:5984 --station 代码 --name 名称 [--password 密码] [--replication-url 地址]

  --url              中心 CouchDB 3 的地址，带管理员用户名和密码 / the central CouchDB 3, with a server admin's name and password
  --station          驿站代码（与驿站设置里一致）/ the station code, as in the station's settings
  --name             驿站名称 / the station's name
  --password         驿站账号的密码；不给则新建账号时自动生成并只显示一次 / the station user's password; made up and shown once for a new user if left out
  --replication-url  服务器访问自己的地址，供汇总复制使用（docker 里通常是 http://127.0.0.1:5984）/ the server's address as it reaches itself, for the roll-up replication (in docker usually http://127.0.0.1:5984)

  npm run central -- import-bundle --url http://admin:密码@主机:5984 --file 同步包-代码-时间.tongxin.gz
    把驿站导出的同步包导入中心（先校验整个文件，再写入 station-<代码>；重复导入不会有任何改动）
    imports a station's bundle into the central server (the whole file is verified before anything is written; importing it again changes nothing)

  npm run central -- export-bundle --url http://admin:密码@主机:5984 --station 代码 [--since 序号] [--out 文件]
    把中心上这个驿站的更新导出成回程同步包，带回驿站导入（--since：驿站“同步包”一栏显示的“中心回程包的起点”，默认 0 即全部）
    exports central's changes for that station as a return bundle (--since: the "where central's next return bundle starts" the station shows; 0, everything, by default)`

const outcomeWords: Record<StepOutcome, string> = {
  created: '新建 created  ',
  updated: '更新 updated  ',
  unchanged: '不变 unchanged',
}

const COMMANDS = ['setup', 'import-bundle', 'export-bundle'] as const
type Command = (typeof COMMANDS)[number]
const REQUIRED: Record<Command, Array<'url' | 'station' | 'name' | 'file'>> = {
  setup: ['url', 'station', 'name'],
  'import-bundle': ['url', 'file'],
  'export-bundle': ['url', 'station'],
}

export interface CliOutput {
  out: (line: string) => void
  err: (line: string) => void
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) }

export async function runCli(argv: string[], io: CliOutput = consoleOutput, fetchImpl?: typeof fetch): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        station: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        'replication-url': { type: 'string' },
        file: { type: 'string' },
        out: { type: 'string' },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    io.err(USAGE)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(USAGE)
    return EXIT.ok
  }
  const command = positionals[0]
  if (!command || !(COMMANDS as readonly string[]).includes(command) || positionals.length > 1) {
    io.err(command ? `未知命令 / Unknown command: ${positionals.join(' ')}` : '缺少命令 / Missing command')
    io.err(USAGE)
    return EXIT.usage
  }
  const required = REQUIRED[command as Command]
  const missing = required.filter((key) => !values[key])
  if (missing.length > 0) {
    io.err(`缺少 / Missing: ${missing.map((key) => `--${key}`).join(' ')}`)
    io.err(USAGE)
    return EXIT.usage
  }

  try {
    if (command === 'import-bundle') {
      await importBundleCommand({ url: values.url!, file: values.file! }, io, fetchImpl)
      return EXIT.ok
    }
    if (command === 'export-bundle') {
      const args = { url: values.url!, station: values.station!, since: values.since ?? '0', ...(values.out ? { out: values.out } : {}) }
      await exportBundleCommand(args, io, fetchImpl)
      return EXIT.ok
    }
    const report = await setupStation({
      serverUrl: values.url!,
      station: values.station!,
      name: values.name!,
      ...(values.password !== undefined ? { password: values.password } : {}),
      ...(values['replication-url'] ? { replicationUrl: values['replication-url'] } : {}),
      sources: validateSources(),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    })
    for (const step of report.steps) io.out(`  ${outcomeWords[step.outcome]}  ${step.what}`)
    if (report.alreadySetUp) {
      io.out(`已配置好，没有任何改动 / Already set up: nothing changed.`)
    } else {
      const count = (outcome: StepOutcome) => report.steps.filter((s) => s.outcome === outcome).length
      io.out(
        `完成 / Done: ${count('created')} 新建 created, ${count('updated')} 更新 updated, ${count('unchanged')} 不变 unchanged.`,
      )
    }
    io.out(`驿站数据库 / Station database: ${report.stationDb}`)
    io.out(`驿站账号 / Station user: ${report.stationUser}`)
    if (report.generatedPassword) {
      io.out(`驿站密码（只显示这一次，请记下）/ Station password (shown only this once, note it down): ${report.generatedPassword}`)
    }
    io.out('在驿站的 设置 → 中心同步 里填入服务器地址、驿站代码、账号和密码。')
    io.out("Pair the station in its Settings → 中心同步 (sync): server address, station code, user and password.")
    return EXIT.ok
  } catch (error) {
    if (error instanceof CentralSetupError) {
      io.err(error.zh)
      io.err(error.en)
      return exitFor[error.code]
    }
    if (error instanceof BundleError) {
      const { zh, en } = bundleErrorText(error)
      io.err(zh)
      io.err(en)
      return EXIT.badBundle
    }
    if (error instanceof BundleUsageError) {
      io.err(error.zh)
      io.err(error.en)
      return EXIT.usage
    }
    io.err(`意外错误 / Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return EXIT.failed
  }
}

/**
 * Whether Node was started on this module: `node out/central/cli.mjs …` (bundled, import.meta.url is
 * the built file) or a TypeScript runner on cli.ts. Compared as real paths, so a symlinked checkout
 * or a relative argv[1] still matches; central/run.mjs imports the built file and calls runCli itself.
 */
function isEntryPoint(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) process.exitCode = await runCli(process.argv.slice(2))
