// The technician's command as `npm run central` runs it: compiled by central/vite.config.ts and run on
// Node alone (no TypeScript runner), here built into a temporary directory so the test leaves
// out/central alone. The directory is inside the project: the build's packages resolve from node_modules.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCentral, type Central } from '../../support/centralServer'

const root = resolve(import.meta.dirname, '../../..')
let dir: string
let central: Central | undefined

/** Runs the built command with `args` as a child process, from the temporary directory. */
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'out/cli.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 })

beforeAll(async () => {
  mkdirSync(join(root, 'out'), { recursive: true })
  dir = mkdtempSync(join(root, 'out/.central-test-'))
  const args = ['build', '--config', 'central/vite.config.ts', '--outDir', join(dir, 'out'), '--emptyOutDir', '--logLevel', 'warn']
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), args, { cwd: root, encoding: 'utf8', timeout: 60_000 })
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0)
}, 60_000)

afterAll(async () => {
  await central?.stop()
  if (central) rmSync(central.dataDir, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true })
})

describe('the compiled central command', () => {
  it('prints its usage for --help and exits 0', () => {
    const result = run('--help')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^用法 \/ Usage:\n {2}npm run central -- setup --url /)
    expect(result.stdout).toContain('npm run central -- import-bundle')
  })

  it('exits 2 on an unknown command or missing arguments, saying so with the usage', () => {
    const unknown = run('teardown')
    expect(unknown.status).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('未知命令 / Unknown command: teardown')
    expect(unknown.stderr).toContain('用法 / Usage:')

    const missing = run('setup')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('缺少 / Missing: --url --station --name')
  })

  it("sets a station up on a server and carries bundles, in the station's own words", async () => {
    central = await startCentral()
    const setup = run('setup', '--url', central.adminUrl, '--station', 'xingfu', '--name', '幸福村党群服务中心', '--password', 'pw-xingfu')
    expect(setup.stderr).toBe('')
    expect(setup.status).toBe(0)
    expect(setup.stdout).toContain('驿站数据库 / Station database: station-xingfu')

    const file = join(dir, 'return.tongxin.gz')
    const exported = run('export-bundle', '--url', central.adminUrl, '--station', 'xingfu', '--out', file)
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)
    expect(exported.stdout).toContain(`回程同步包 / Return bundle: ${file}`)

    // A return bundle is for the station, not for central: refused with the app's message (i18n JSON, bundled in).
    const back = run('import-bundle', '--url', central.adminUrl, '--file', file)
    expect(back.status).toBe(5)
    expect(back.stderr).toContain('同步包的方向不对')
  }, 30_000)
})
