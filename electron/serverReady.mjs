// When the browser version started by `npm start` (electron/start.mjs) can be opened: its address is printed only
// once a GET to it is answered, so a newcomer who opens it at once is not refused while Vite is still building
// and starting. Plain JavaScript, as start.mjs runs before anything is built; typed in serverReady.d.mts.
import { request } from 'node:http'

/** One GET; true if the server answered at all (any status: it is up), false if refused or too slow. */
function answers(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume() // the body is not wanted; drain it so the socket closes
      resolve(true)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })
}

/**
 * Asks `url` every `intervalMs` until it answers (true) or `timeoutMs` has passed (false).
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export async function waitForServer(url, { timeoutMs = 120_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const left = deadline - Date.now()
    if (left <= 0) return false
    if (await answers(url, Math.min(2_000, left))) return true
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))))
  }
}
