#!/usr/bin/env node
// `npm run typecheck`, and `npm test`'s typecheck step: each room of the code under its own tsconfig.
// The renderer has the browser's types and not Node's; central and electron have Node's and no DOM
// lib; the tests (and the root config) have both. Fails if any fails, naming which.
import { spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECTS = [
  { name: 'renderer', config: 'renderer/tsconfig.json' },
  { name: 'tests', config: 'tsconfig.json' },
  { name: 'central', config: 'central/tsconfig.json' },
  { name: 'electron', config: 'electron/tsconfig.json' },
]

function check(root, { config }) {
  const args = ['--noEmit', '-p', config, ...(process.stdout.isTTY ? ['--pretty'] : [])]
  return new Promise((done) => {
    // Each project's output is held and printed whole, so two running at once do not interleave.
    const child = spawn(join(root, 'node_modules/.bin/tsc'), args, { cwd: root })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => done({ ok: false, output: String(error) }))
    child.on('close', (code) => done({ ok: code === 0, output }))
  })
}

/** Type-checks every project, two at a time (each tsc is single-threaded); returns the names of those that failed. */
export async function typecheck(root) {
  const failed = []
  const queue = [...PROJECTS]
  const worker = async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const started = performance.now()
      const { ok, output } = await check(root, project)
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      console.log(`${ok ? '✓' : '✗'} ${project.name} (tsc -p ${project.config}, ${seconds} s)`)
      if (output.trim()) console.log(output.trimEnd())
      if (!ok) failed.push(project.name)
    }
  }
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker))
  return PROJECTS.map((p) => p.name).filter((name) => failed.includes(name))
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const failed = await typecheck(resolve(dirname(fileURLToPath(import.meta.url)), '..'))
  if (failed.length > 0) console.error(`typecheck failed: ${failed.join(', ')}`)
  process.exit(failed.length > 0 ? 1 : 0)
}
