// A flaky network between a station and the tests' central server: a TCP proxy on 127.0.0.1 that
// delays connections and the chunks on them, cuts some connections in the middle of a transfer,
// refuses some new ones outright, and can be switched fully down and up again. Its choices come
// from a seeded generator, so a run's faults are repeatable as far as the timing of the traffic
// allows (each connection draws from its own generator, seeded by the seed and its number).
// It counts what it did, so a test can check that the faults really happened.
import { connect, createServer, type Server, type Socket } from 'node:net'

export interface FlakyOptions {
  /** The seed of the random choices (default 1) */
  seed?: number
  /** Each new connection waits a random 0–connectDelayMs before it is forwarded */
  connectDelayMs?: number
  /** Each chunk waits a random 0–chunkDelayMs (the order of the chunks is kept) */
  chunkDelayMs?: number
  /** The fraction of connections cut (reset) once some bytes went through them */
  dropRate?: number
  /** A doomed connection is cut after a random number of bytes (both ways together) in this range */
  dropAfterBytes?: [min: number, max: number]
  /** The fraction of new connections reset at once, before anything reaches the server */
  refuseRate?: number
}

export interface FlakyStats {
  /** Connections accepted from clients (refused ones included) */
  connections: number
  /** Reset at once: by refuseRate, or because the proxy was down */
  refused: number
  /** Cut in the middle of a transfer by dropRate */
  dropped: number
  /** Open connections cut when the proxy went down */
  cut: number
  /** Connections forwarded after a delay > 0 */
  delayedConnections: number
  /** Chunks forwarded after a delay > 0 */
  delayedChunks: number
  /** Bytes forwarded client → server and server → client */
  bytesUp: number
  bytesDown: number
  /** Client connections open now */
  open: number
}

export interface FlakyProxy {
  readonly port: number
  /** http://127.0.0.1:PORT/ */
  readonly url: string
  /** A copy of the counts so far */
  stats(): FlakyStats
  /** Changes the behaviour for what comes next (connections already doomed stay doomed) */
  configure(options: Omit<FlakyOptions, 'seed'>): void
  /** No more delays, drops or refusals (connections already doomed are spared too) */
  heal(): void
  /** Cuts every open connection and refuses new ones until up() */
  down(): void
  up(): void
  readonly isDown: boolean
  /** Stops listening and destroys every socket and timer; resolves when the listener is closed */
  close(): Promise<void>
}

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEALTHY: Required<Omit<FlakyOptions, 'seed'>> = {
  connectDelayMs: 0,
  chunkDelayMs: 0,
  dropRate: 0,
  dropAfterBytes: [1, 64 * 1024],
  refuseRate: 0,
}

/** Beyond this many chunks waiting for their delay, the sending side is paused. */
const HIGH_WATER = 64

/** Starts a proxy on 127.0.0.1 (a free port) that forwards to 127.0.0.1:targetPort. */
export async function startFlakyProxy(targetPort: number | (() => number), options: FlakyOptions = {}): Promise<FlakyProxy> {
  const target = typeof targetPort === 'function' ? targetPort : () => targetPort
  const seed = options.seed ?? 1
  let config = { ...HEALTHY, ...withoutSeed(options) }
  let healedAt = 0 // a connection doomed before the last heal() is spared
  let isDown = false
  let closed = false
  let accepted = 0
  const stats: FlakyStats = {
    connections: 0,
    refused: 0,
    dropped: 0,
    cut: 0,
    delayedConnections: 0,
    delayedChunks: 0,
    bytesUp: 0,
    bytesDown: 0,
    open: 0,
  }
  /** client socket → its upstream socket, if connected */
  const sockets = new Map<Socket, Socket | null>()
  /** every socket still open → resolves once it has emitted 'close' */
  const closing = new Map<Socket, Promise<void>>()
  const track = (socket: Socket) => {
    closing.set(socket, new Promise<void>((resolve) => socket.once('close', () => {
      closing.delete(socket)
      resolve()
    })))
  }
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let generation = 0

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
  }

  const server: Server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    stats.connections++
    const random = seededRandom(seed ^ Math.imul(++accepted, 0x9e3779b1))
    // Every connection draws the same values in the same order, whatever the configuration.
    const refuseDraw = random()
    const dropDraw = random()
    const dropAfterDraw = random()
    const connectDelayDraw = random()
    client.on('error', () => undefined)
    if (isDown || closed || refuseDraw < config.refuseRate) {
      stats.refused++
      client.resetAndDestroy()
      return
    }
    sockets.set(client, null)
    track(client)
    stats.open++
    client.once('close', () => {
      stats.open--
      const upstream = sockets.get(client)
      sockets.delete(client)
      upstream?.destroy()
    })

    const [min, max] = config.dropAfterBytes
    const dropAfter = dropDraw < config.dropRate ? min + Math.floor(dropAfterDraw * (max - min + 1)) : Infinity
    const doomedIn = healedAt
    let bytes = 0
    let doomed = false
    const upstream = connect({ port: target(), host: '127.0.0.1', allowHalfOpen: true })
    upstream.pause()
    upstream.on('error', () => client.destroy())
    sockets.set(client, upstream)
    track(upstream)

    const drop = () => {
      if (client.destroyed) return
      stats.dropped++
      upstream.destroy()
      client.resetAndDestroy()
    }

    /**
     * Forwards from → to with a random delay per chunk, in order (one queue per direction, drained
     * by one timer), cutting the connection once `dropAfter` bytes went through it both ways.
     */
    const forward = (from: Socket, to: Socket, direction: 'bytesUp' | 'bytesDown') => {
      type Item = { at: number; piece?: Uint8Array; then?: 'drop' | 'end' | 'destroy' }
      const queue: Item[] = []
      let pumping = false
      let lastAt = 0
      const push = (delay: number, item: Omit<Item, 'at'>) => {
        lastAt = Math.max(lastAt, Date.now() + delay)
        queue.push({ ...item, at: lastAt })
        if (queue.length > HIGH_WATER) from.pause()
        if (!pumping) pump()
      }
      const pump = () => {
        pumping = false
        while (queue.length > 0 && queue[0]!.at <= Date.now()) {
          const { piece, then } = queue.shift()!
          if (to.destroyed || client.destroyed) {
            queue.length = 0
            return
          }
          if (piece && piece.length > 0) {
            to.write(piece)
            stats[direction] += piece.length
          }
          if (then === 'drop') return drop()
          if (then === 'end') to.end()
          if (then === 'destroy') to.destroy()
        }
        if (queue.length <= HIGH_WATER / 2 && !from.destroyed && !doomed) from.resume()
        if (queue.length > 0) {
          pumping = true
          later(queue[0]!.at - Date.now(), pump)
        }
      }
      from.on('data', (chunk: Buffer) => {
        if (doomed) return
        // A view, not a copy (and a type this @types/node lets socket.write take).
        let piece = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)
        let then: Item['then']
        if (dropAfter !== Infinity && doomedIn === healedAt && bytes + chunk.length >= dropAfter) {
          piece = piece.subarray(0, Math.max(0, dropAfter - bytes))
          then = 'drop'
          doomed = true
          from.pause()
        }
        bytes += piece.length
        const delay = Math.floor(random() * (config.chunkDelayMs + 1))
        if (delay > 0) stats.delayedChunks++
        push(delay, { piece, then })
      })
      // What was sent before the end (or the reset) arrives first, then the end (or the reset).
      let ended = false
      from.on('end', () => {
        ended = true
        push(0, { then: 'end' })
      })
      from.once('close', () => {
        if (!doomed && !ended) push(0, { then: 'destroy' })
      })
    }

    const delay = Math.floor(connectDelayDraw * (config.connectDelayMs + 1))
    if (delay > 0) stats.delayedConnections++
    const open = generation
    const begin = () => {
      if (client.destroyed || upstream.destroyed || open !== generation) {
        upstream.destroy()
        client.destroy()
        return
      }
      forward(client, upstream, 'bytesUp')
      forward(upstream, client, 'bytesDown')
      client.resume()
      upstream.resume()
    }
    upstream.once('connect', () => (delay > 0 ? later(delay, begin) : begin()))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as { port: number }

  const cutAll = () => {
    for (const [client, upstream] of sockets) {
      stats.cut++
      upstream?.destroy()
      client.resetAndDestroy()
    }
  }

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    stats: () => ({ ...stats }),
    configure(next) {
      config = { ...config, ...withoutSeed(next) }
    },
    heal() {
      config = { ...HEALTHY }
      healedAt++
    },
    down() {
      isDown = true
      generation++
      cutAll()
    },
    up() {
      isDown = false
    },
    get isDown() {
      return isDown
    },
    async close() {
      if (closed) return
      closed = true
      generation++
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const [client, upstream] of sockets) {
        upstream?.destroy()
        client.destroy()
      }
      await Promise.all([stopped, ...closing.values()])
    },
  }
}

function withoutSeed(options: FlakyOptions): Omit<FlakyOptions, 'seed'> {
  const { seed: _seed, ...rest } = options
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined))
}
