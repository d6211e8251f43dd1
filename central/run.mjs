#!/usr/bin/env node
// `npm run central -- …`: runs the technician's command compiled (out/central/cli.mjs) on Node alone,
// building it first when it is missing or older than its sources. Prints nothing of its own but the
// one line saying it builds, so `--help` and the command's messages come out as they are.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'out/central')
const cli = join(outDir, 'cli.mjs')
/** What the built file is made of: central itself, the contract, the domain it uses, the i18n messages. */
const SOURCES = ['central', 'renderer/src/contract', 'renderer/src/domain', 'renderer/src/i18n']

/** The newest modification time under `dir`; directories count too, so a deleted file is noticed. */
function newest(dir) {
  let latest = statSync(dir).mtimeMs
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function stale() {
  if (!existsSync(cli)) return true
  const built = statSync(cli).mtimeMs
  return SOURCES.some((dir) => newest(join(root, dir)) > built)
}

if (stale()) {
  console.error('正在编译中心命令（out/central/cli.mjs）… / Building the central command (out/central/cli.mjs)…')
  const { build } = await import('vite')
  // Built beside and then renamed into place, so a command started meanwhile never reads half a file.
  mkdirSync(outDir, { recursive: true })
  const temp = mkdtempSync(join(root, 'out/.central-build-'))
  let failure
  try {
    await build({ configFile: join(root, 'central/vite.config.ts'), logLevel: 'error', build: { outDir: temp, emptyOutDir: true } })
    renameSync(join(temp, 'cli.mjs.map'), `${cli}.map`)
    renameSync(join(temp, 'cli.mjs'), cli)
  } catch (error) {
    failure = error
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  if (failure) {
    console.error(`编译失败 / The build failed: ${failure instanceof Error ? failure.message : String(failure)}`)
    process.exit(1)
  }
}

// Stack traces of an unexpected error then name central/*.ts rather than lines of the bundle.
process.setSourceMapsEnabled(true)
const { runCli } = await import(pathToFileURL(cli).href)
process.exitCode = await runCli(process.argv.slice(2))
