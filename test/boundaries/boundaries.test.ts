// The rooms' import rules (layers.cjs) each refuse a deliberate violation, and let the allowed arrows
// through. The rules are run by the same dependency-cruiser command `npm test` runs over the real
// tree, here over a small tree of probe files made for the test.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const config = join(root, 'test/boundaries/layers.cjs')
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

/** Each rule, and a file that breaks it by importing what it may not. */
const violations: Array<{ rule: string; file: string; imports: string }> = [
  { rule: 'domain-is-pure', file: 'renderer/src/domain/needs/readsTheDatabase.ts', imports: '../../data/localDb' },
  { rule: 'no-node-in-domain', file: 'renderer/src/domain/needs/readsAFile.ts', imports: 'node:fs' },
  { rule: 'area-through-its-index', file: 'renderer/src/data/skipsTheIndex.ts', imports: '../domain/needs/need' },
  { rule: 'domain-area-through-its-index', file: 'renderer/src/domain/duty/skipsTheIndex.ts', imports: '../needs/need' },
  { rule: 'contract-is-neutral', file: 'renderer/src/contract/usesSync.ts', imports: '../sync/stationSync' },
  { rule: 'no-node-in-contract', file: 'renderer/src/contract/readsAFile.ts', imports: 'node:path' },
  { rule: 'data-below-sync-and-ui', file: 'renderer/src/data/usesSync.ts', imports: '../sync/stationSync' },
  { rule: 'sync-below-ui', file: 'renderer/src/sync/usesTheSession.ts', imports: '../ui/session' },
  { rule: 'ui-below-features', file: 'renderer/src/ui/usesAScreen.ts', imports: '../features/needs/LedgerPage' },
  { rule: 'only-the-top-room-imports-features', file: 'renderer/src/shell/usesAScreen.ts', imports: '../features/needs/LedgerPage' },
  { rule: 'nothing-imports-the-top-room', file: 'renderer/src/features/needs/usesTheTop.ts', imports: '../../app/startServices' },
  { rule: 'no-node-in-the-renderer', file: 'renderer/src/features/needs/readsAFile.ts', imports: 'node:fs' },
  { rule: 'no-node-packages-in-the-renderer', file: 'renderer/src/sync/usesLevelDb.ts', imports: 'pouchdb-node' },
  { rule: 'central-uses-only-the-contract', file: 'central/usesTheDatabase.ts', imports: '../renderer/src/data/localDb' },
  { rule: 'electron-uses-only-the-shell-api', file: 'electron/main/usesTheDatabase.ts', imports: '../../renderer/src/data/localDb' },
  { rule: 'product-never-imports-tests', file: 'renderer/src/data/usesTestData.ts', imports: '../../../test/support/sampleNeeds' },
]

/** Arrows the rooms allow: none of these may be reported. */
const allowed: Array<{ file: string; imports: string[] }> = [
  { file: 'renderer/src/app/wiresTheScreens.ts', imports: ['../features/needs/LedgerPage', '../ui/session', '../data/localDb'] },
  { file: 'renderer/src/features/needs/usesTheRoomsBelow.ts', imports: ['../../ui/session', '../../sync/stationSync', '../../data/localDb', '../../domain/needs'] },
  { file: 'renderer/src/sync/usesData.ts', imports: ['../data/localDb', '../domain/needs', '../contract'] },
  { file: 'renderer/src/contract/usesTheDomain.ts', imports: ['../domain/needs'] },
  { file: 'renderer/src/domain/needs/usesItsOwnFile.ts', imports: ['./need', '../duty'] },
  { file: 'renderer/src/domain/needs/need.test.ts', imports: ['../../data/localDb', 'node:fs'] },
  { file: 'central/usesTheContract.ts', imports: ['../renderer/src/contract', 'node:fs'] },
  { file: 'electron/main/usesTheShellApi.ts', imports: ['../../renderer/src/shell/shellApi', 'node:path'] },
]

/** The files the probes import, so that each import resolves. */
const targets = [
  'renderer/src/data/localDb.ts',
  'renderer/src/domain/needs/need.ts',
  'renderer/src/domain/needs/index.ts',
  'renderer/src/domain/duty/index.ts',
  'renderer/src/sync/stationSync.ts',
  'renderer/src/ui/session.ts',
  'renderer/src/features/needs/LedgerPage.ts',
  'renderer/src/app/startServices.ts',
  'renderer/src/contract/index.ts',
  'renderer/src/shell/shellApi.ts',
  'test/support/sampleNeeds.ts',
  'node_modules/pouchdb-node/index.js',
]

interface Violation {
  rule: { name: string }
  from: string
  to: string
}

let tree: string
let found: Violation[]

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'boundaries-'))
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(tree, file)), { recursive: true })
    writeFileSync(join(tree, file), text)
  }
  for (const file of targets) write(file, 'export {}\n')
  write('node_modules/pouchdb-node/package.json', '{ "name": "pouchdb-node", "main": "index.js" }\n')
  write('tsconfig.json', '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler" } }\n')
  const importsOf = (specs: string[]) => specs.map((spec, i) => `import * as m${i} from '${spec}'\nvoid m${i}\n`).join('')
  for (const { file, imports } of violations) write(file, importsOf([imports]))
  for (const { file, imports } of allowed) write(file, importsOf(imports))

  const run = spawnSync(
    process.execPath,
    [depcruise, '--config', config, '--output-type', 'json', 'renderer', 'central', 'electron', 'test'],
    { cwd: tree, encoding: 'utf8' },
  )
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } }
  found = report.summary.violations
}, 30_000)

afterAll(() => rmSync(tree, { recursive: true, force: true }))

describe('the rooms refuse imports that point the wrong way', () => {
  it.each(violations)('$rule refuses $file importing $imports', ({ rule, file }) => {
    expect(found.filter((v) => v.from === file).map((v) => v.rule.name)).toContain(rule)
  })

  it('lets the allowed arrows through, and tests reach into any room', () => {
    const wrongly = found.filter((v) => allowed.some((a) => a.file === v.from))
    expect(wrongly.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([])
  })

  it('every rule of layers.cjs has a probe here', () => {
    const { forbidden } = createRequire(import.meta.url)(config) as { forbidden: Array<{ name: string }> }
    expect(forbidden.map((rule) => rule.name).sort()).toEqual([...new Set(violations.map((v) => v.rule))].sort())
  })
})
