#!/usr/bin/env node
// `npm test`: typecheck, the rooms' import rules, desktop build and the central command's build, unit +
// integration (vitest), end-to-end (Playwright in Chromium). Ends with one plain line "N passed, N failed"
// over all of them, for CI to read.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROJECTS, typecheck } from './typecheck.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const results = join(root, 'test-results')
// Only this runner's own reports are cleared: the benchmark keeps its seeded profile in test-results/ too.
for (const old of ['vitest.json', 'playwright.json', 'e2e']) rmSync(join(results, old), { recursive: true, force: true })
mkdirSync(results, { recursive: true })
const only = process.argv.slice(2) // e.g. `npm test -- unit e2e`

let passed = 0
let failed = 0
const lines = []

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return child.status === 0
}

function count(name, ok) {
  if (ok) passed++
  else failed++
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`)
}

const wanted = (step) => only.length === 0 || only.includes(step)
const bin = (name) => join(root, 'node_modules', '.bin', name)

if (wanted('typecheck')) {
  // One step over every room's tsconfig; the line names the rooms that failed.
  console.log(`\n▶ typecheck: tsc --noEmit -p ${PROJECTS.map((p) => p.config).join(', ')}`)
  const failed = await typecheck(root)
  count(failed.length > 0 ? `typecheck (${failed.join(', ')})` : 'typecheck', failed.length === 0)
}

// The rooms' import rules (docs/ARCHITECTURE.md, test/boundaries/layers.cjs): an arrow pointing the wrong way fails here.
if (wanted('boundaries')) {
  const args = ['--config', 'test/boundaries/layers.cjs', '--output-type', 'err-long', 'renderer', 'central', 'electron', 'test']
  count('boundaries', run('boundaries', bin('depcruise'), args))
}

// The e2e tests drive the very bundle `electron-vite build` makes for the desktop app.
let built = false
if (wanted('build') || wanted('e2e')) {
  built = run('build', bin('electron-vite'), ['build'])
  count('electron-vite build', built)
}

// The technician's command (`npm run central`) runs compiled: this proves it still compiles.
if (wanted('build')) count('central build', run('central build', bin('vite'), ['build', '--config', 'central/vite.config.ts']))

if (wanted('unit')) {
  const report = join(results, 'vitest.json')
  const ok = run('unit and integration', bin('vitest'), [
    'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ])
  tally('unit and integration', report, ok, (r) => [r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)])
}

if (wanted('e2e')) {
  const report = join(results, 'playwright.json')
  if (!built) count('end-to-end (not run: the build failed)', false)
  else {
    const ok = run('end-to-end', bin('playwright'), ['test', '--config', 'test/playwright.config.ts'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    })
    tally('end-to-end', report, ok, (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected])
  }
}

/** Adds a runner's own counts; a runner that crashed before reporting counts as one failure. */
function tally(name, report, ok, read) {
  if (!existsSync(report)) return count(`${name} (no report)`, false)
  const [p, f] = read(JSON.parse(readFileSync(report, 'utf8')))
  passed += p
  failed += f
  if (!ok && f === 0) failed++ // the runner failed for a reason outside any one test
  lines.push(`${name}: ${p} passed, ${f} failed${!ok && f === 0 ? ' (runner error)' : ''}`)
}

console.log(`\n${lines.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
