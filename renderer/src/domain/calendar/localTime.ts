// China keeps UTC+8 all year (no daylight saving time), so a fixed offset gives the same answer on
// every machine, whatever time zone the computer is set to.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** "2026-01-30 23:30" (China time) for an ISO instant; the input itself if it is not a valid instant. */
export function localDateTime(isoInstant: string): string {
  const ms = Date.parse(isoInstant)
  if (Number.isNaN(ms)) return isoInstant
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
