#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, otherwise the same renderer bundle served
// to a browser. Never `require('electron')`: without its binary that starts a download.
//
// Usage: npm start [-- --web] [-- <electron args, e.g. --kiosk>]     PORT=5173 by default
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { constants } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { waitForServer } from './serverReady.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const FORWARDED_SIGNALS = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP']

/** The JS file of a package's bin, run with this Node (no shell, no .cmd shims on Windows). */
function binScript(pkgName, binName = pkgName) {
  const pkgJson = require.resolve(`${pkgName}/package.json`)
  const { bin } = JSON.parse(readFileSync(pkgJson, 'utf8'))
  return join(dirname(pkgJson), typeof bin === 'string' ? bin : bin[binName])
}

/** Path of a runnable Electron binary, or a reason why there is none. */
function findElectron() {
  // electron-vite's own override, so both tools agree on which binary to use.
  const exec = process.env.ELECTRON_EXEC_PATH
  if (exec) return existsSync(exec) ? withDisplay(exec) : { reason: `ELECTRON_EXEC_PATH missing: ${exec}` }
  const electronDir = join(root, 'node_modules', 'electron')
  let executable
  try {
    executable = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
  } catch {
    return { reason: 'binary not downloaded' }
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  const binary = join(distDir, executable)
  return existsSync(binary) ? withDisplay(binary) : { reason: `binary missing at ${binary}` }
}

function withDisplay(binary) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display' }
  }
  return { binary }
}

function parsePort(raw) {
  if (raw === undefined || raw === '') return 5173
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(port >= 1 && port <= 65535)) {
    console.error(`PORT must be a number from 1 to 65535 (端口号无效): ${raw}`)
    process.exit(2)
  }
  return port
}

let child = null
let stopSignal = null

for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    stopSignal = signal
    // Let the child shut down cleanly; we exit when it does (see run()).
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal)
    else process.exit(128 + (constants.signals[signal] ?? 1))
  })
}

/** Runs a command to completion with inherited stdio; exits this process if it fails or we were stopped. */
function run(command, args) {
  return new Promise((resolveRun) => {
    const env = { ...process.env }
    delete env.ELECTRON_RUN_AS_NODE // would turn the Electron binary into plain Node
    child = spawn(command, args, { cwd: root, stdio: 'inherit', env })
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      process.exit(1)
    })
    child.on('exit', (code, signal) => {
      child = null
      if (signal) process.exit(128 + (constants.signals[signal] ?? 1))
      if (code !== 0) process.exit(code ?? 1)
      if (stopSignal) process.exit(128 + (constants.signals[stopSignal] ?? 1))
      resolveRun()
    })
  })
}

async function main() {
  const args = process.argv.slice(2)
  const forceWeb = args.includes('--web')
  const electronArgs = args.filter((arg) => arg !== '--web')
  const port = parsePort(process.env.PORT)
  const electron = forceWeb ? { reason: '--web given' } : findElectron()

  if (electron.binary) {
    await run(process.execPath, [binScript('electron-vite'), 'build'])
    await run(electron.binary, [root, ...electronArgs])
    return
  }

  // The address is printed only once it answers: building and starting take 5–60 s, and an address printed
  // at once was opened at once, and refused.
  console.log(
    `Electron is not available on this machine: ${electron.reason} (桌面程序无法启动); starting the same app for a browser… (正在启动网页版…)`,
  )
  const url = `http://127.0.0.1:${port}/`
  const vite = binScript('vite')
  const config = join('renderer', 'vite.config.ts')
  // Preview of the built bundle rather than the dev server: it serves exactly the files the desktop app
  // ships (production React, same chunks), not on-the-fly transforms. `npm run dev` is for development.
  await run(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'])
  const served = run(process.execPath, [
    // Vite's own banner would print the address too; ours follows once it answers.
    vite, 'preview', '--config', config, '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--logLevel', 'warn',
  ])
  void waitForServer(url, { timeoutMs: 120_000 }).then((ready) =>
    console.log(
      ready
        ? `Ready: open ${url} in a browser (已启动，请在浏览器中打开)`
        : `Still not answering at ${url} after 2 minutes (两分钟仍未启动); see the messages above`,
    ),
  )
  await served
}

await main()
