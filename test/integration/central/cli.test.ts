// The technician's command, `npm run central -- setup …`, against the tests' central server (the
// compiled program itself is run in cliBuild.test.ts).
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT, runCli } from '../../../central/cli'
import { startCentral, type Central } from '../../support/centralServer'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('npm run central -- setup', () => {
  let central: Central
  beforeAll(async () => {
    central = await startCentral()
  })
  afterAll(async () => {
    await central?.stop()
    if (central) rmSync(central.dataDir, { recursive: true, force: true })
  })

  it('sets a station up, shows its made-up password once, and says "already set up" the second time', async () => {
    const args = ['setup', '--url', central.adminUrl, '--station', 'xingfu', '--name', '幸福村党群服务中心']
    const first = await run(...args)
    expect(first.code).toBe(EXIT.ok)
    expect(first.out).toMatch(/新建 created\s+database station-xingfu/)
    const password = /Station password \(shown only this once, note it down\): (\S+)/.exec(first.out)?.[1]
    expect(password).toMatch(/^[a-zA-Z2-9]{20}$/)

    const second = await run(...args)
    expect(second.code).toBe(EXIT.ok)
    expect(second.out).toContain('已配置好，没有任何改动 / Already set up: nothing changed.')
    expect(second.out).not.toContain(password)
  })

  it('answers bad input with a message in Chinese and English and an exit code of its own', async () => {
    const setup = (url: string, station = 'xingfu') => run('setup', '--url', url, '--station', station, '--name', '幸福村')

    const missing = await run('setup', '--url', central.adminUrl)
    expect(missing.code).toBe(EXIT.usage)
    expect(missing.err).toContain('缺少 / Missing: --station --name')

    expect((await run('teardown')).code).toBe(EXIT.usage)
    expect((await run('setup', '--station', 'x', '--bogus')).code).toBe(EXIT.usage)

    const badCode = await setup(central.adminUrl, 'Xing Fu')
    expect(badCode.code).toBe(EXIT.usage)
    expect(badCode.err).toContain('驿站代码“Xing Fu”不对')
    expect(badCode.err).toContain('Station code "Xing Fu" is not valid')

    const unreachable = await setup('http://admin:pw@127.0.0.1:9')
    expect(unreachable.code).toBe(EXIT.unreachable)
    expect(unreachable.err).toContain('无法连接中心服务器')
    expect(unreachable.err).toContain('Cannot reach the central server')

    const wrongPassword = await setup(`http://admin:wrong@127.0.0.1:${central.port}`)
    expect(wrongPassword.code).toBe(EXIT.notAdmin)
    expect(wrongPassword.err).toContain('The admin name or password is wrong')

    const noAdmin = await setup(central.url)
    expect(noAdmin.code).toBe(EXIT.notAdmin)
    expect(noAdmin.err).toContain('不是中心服务器的管理员')
    expect(noAdmin.err).toContain('is not a server admin')

    expect((await run('--help')).code).toBe(EXIT.ok)
  })
})
