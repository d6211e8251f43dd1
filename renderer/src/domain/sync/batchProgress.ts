// How far a one-off batch sync (立即同步) has got and how long it still needs: a pure function of
// timed samples of the documents done so far and the total expected. Time is passed in.

export interface ProgressSample {
  /** Milliseconds (any fixed origin, e.g. Date.now()) */
  at: number
  /** Documents done when the sample was taken */
  done: number
}

export interface BatchProgress {
  done: number
  /** The total shown: never below `done` (more arrived while the run went on); null when unknown */
  total: number | null
  /** 0…1, null when the total is unknown */
  fraction: number | null
  /** Documents per second over the recent window, null until it can be measured */
  ratePerSecond: number | null
  /** Time still needed, null when it cannot be estimated yet (or no progress is being made) */
  etaMs: number | null
}

export interface ProgressOptions {
  /** The rate is measured over this much recent time, so a slow start or a pause fades out */
  windowMs?: number
  /** Below this much measured time the rate is too noisy to give an estimate */
  minElapsedMs?: number
}

export const RATE_WINDOW_MS = 30_000
export const MIN_ELAPSED_MS = 2_000

/**
 * Progress at `now` (default: the last sample's time). `total` is what was counted before the run
 * (null: unknown); a total of 0 means there was nothing to do. When more is done than was counted
 * (documents written meanwhile), the total grows with `done`.
 */
export function batchProgress(
  samples: readonly ProgressSample[],
  total: number | null,
  now?: number,
  options: ProgressOptions = {},
): BatchProgress {
  const windowMs = options.windowMs ?? RATE_WINDOW_MS
  const minElapsedMs = options.minElapsedMs ?? MIN_ELAPSED_MS
  const last = samples.at(-1)
  const done = Math.max(0, last?.done ?? 0)
  const shownTotal = total === null || !Number.isFinite(total) ? null : Math.max(Math.max(0, Math.floor(total)), done)
  const fraction = shownTotal === null ? null : shownTotal === 0 ? 1 : done / shownTotal
  if (!last) return { done, total: shownTotal, fraction, ratePerSecond: null, etaMs: shownTotal === 0 ? 0 : null }

  const at = Math.max(now ?? last.at, last.at)
  // The rate over the window ending now: measured from the newest sample at or before its start
  // (or the first sample, when the run is younger than the window).
  const windowStart = at - windowMs
  let base = samples[0]!
  for (const sample of samples) {
    if (sample.at <= windowStart) base = sample
    else break
  }
  const elapsed = at - base.at
  const progressed = done - base.done
  const ratePerSecond = elapsed >= minElapsedMs ? Math.max(0, progressed) / (elapsed / 1000) : null

  let etaMs: number | null = null
  if (shownTotal !== null) {
    const remaining = shownTotal - done
    if (remaining === 0) etaMs = 0
    else if (ratePerSecond !== null && ratePerSecond > 0) etaMs = Math.round((remaining / ratePerSecond) * 1000)
  }
  return { done, total: shownTotal, fraction, ratePerSecond, etaMs }
}

/**
 * Adds a sample and drops those the rate can no longer need (older than the window, keeping one
 * at or before its start). A sample older than the last is ignored: time does not run backwards.
 */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs = RATE_WINDOW_MS): ProgressSample[] {
  const last = samples.at(-1)
  if (last && sample.at < last.at) return [...samples]
  const next = last && last.at === sample.at ? [...samples.slice(0, -1), sample] : [...samples, sample]
  const windowStart = sample.at - windowMs
  let keepFrom = 0
  for (let i = 0; i < next.length; i++) if (next[i]!.at <= windowStart) keepFrom = i
  return next.slice(keepFrom)
}

/** Whole minutes for "预计还需 N 分钟", rounded up; 0 means under a minute. null stays unknown. */
export function etaMinutes(etaMs: number | null): number | null {
  if (etaMs === null) return null
  if (etaMs < 60_000) return 0
  return Math.ceil(etaMs / 60_000)
}
