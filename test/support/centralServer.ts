// Starts and stops the tests' central CouchDB-protocol server (see centralServerProcess.mjs) as a
// child process on 127.0.0.1, so a test can stop it, kill it mid-flight and start it again on the
// same port and the same data.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface Central {
  /** http://127.0.0.1:PORT/ — no credentials in it */
  url: string
  /** the server admin (the server is never in "admin party") */
  admin: { username: string; password: string }
  /** http://admin:password@127.0.0.1:PORT/ */
  adminUrl: string
  port: number
  dataDir: string
  /** Stops the server politely and waits for its process to end. */
  stop(): Promise<void>
  /** Starts it again on the same port and data (stops it first if it is running). */
  restart(): Promise<void>
  /** Kills the server at once (SIGKILL), as a crash or power cut would; `restart()` brings it back. */
  kill(): void
}

const processScript = resolve(import.meta.dirname, 'centralServerProcess.mjs')
const STARTUP_TIMEOUT_MS = 15_000

// A test that fails before stopping its server must not leave the process behind.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL')
})

export async function startCentral(options: { dataDir?: string; port?: number } = {}): Promise<Central> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tongxin-central-'))
  const admin = { username: 'admin', password: randomBytes(12).toString('hex') }
  let child: ChildProcess | undefined
  // A killed process may still hold the port for a moment: the next start waits for its exit.
  let dying: Promise<void> = Promise.resolve()
  let port = options.port ?? 0

  async function launch(): Promise<void> {
    await dying
    const started = spawn(process.execPath, [processScript], {
      env: {
        ...process.env,
        CENTRAL_DATA_DIR: dataDir,
        CENTRAL_PORT: String(port),
        CENTRAL_ADMIN_NAME: admin.username,
        CENTRAL_ADMIN_PASSWORD: admin.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = started
    running.add(started)
    started.once('exit', () => running.delete(started))
    port = await waitForPort(started)
  }

  async function stop(): Promise<void> {
    const current = child
    child = undefined
    if (current) await endProcess(current, 'SIGTERM')
    await dying
  }

  await launch()
  const central: Central = {
    get url() {
      return `http://127.0.0.1:${port}/`
    },
    admin,
    get adminUrl() {
      return `http://${admin.username}:${admin.password}@127.0.0.1:${port}/`
    },
    get port() {
      return port
    },
    dataDir,
    stop,
    async restart() {
      await stop()
      await launch()
    },
    kill() {
      const victim = child
      child = undefined
      if (victim) dying = endProcess(victim, 'SIGKILL')
    },
  }
  return central
}

/** Resolves with the port the child prints once it listens; rejects with its stderr if it dies first. */
function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      fail(new Error(`central server did not start within ${STARTUP_TIMEOUT_MS} ms\n${err}`))
    }, STARTUP_TIMEOUT_MS)
    const onOut = (chunk: Buffer) => {
      out += chunk.toString()
      const match = /central listening on (\d+)/.exec(out)
      if (match) {
        cleanup()
        resolvePort(Number(match[1]))
      }
    }
    const onErr = (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-4000)
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      fail(new Error(`central server exited before listening (code ${code}, signal ${signal})\n${err}`))
    }
    function fail(error: Error) {
      cleanup()
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL')
      reject(error)
    }
    function cleanup() {
      clearTimeout(timer)
      child.stdout?.off('data', onOut)
      child.stderr?.off('data', onErr)
      child.off('exit', onExit)
      // From now on whatever the server says on stderr (a crash's stack, mostly) reaches the test's output.
      child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[central ${child.pid}] ${chunk.toString()}`))
      // Keep draining the pipes so a chatty server never blocks on a full pipe.
      child.stdout?.resume()
    }
    child.stdout?.on('data', onOut)
    child.stderr?.on('data', onErr)
    child.once('exit', onExit)
  })
}

/** Sends `signal` to the child by its PID and waits for it to exit (SIGKILL after 5 s). */
function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve()
  const pid = child.pid
  return new Promise((done) => {
    const force = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL')
    }, 5000)
    child.once('exit', () => {
      clearTimeout(force)
      done()
    })
    process.kill(pid, signal)
  })
}
