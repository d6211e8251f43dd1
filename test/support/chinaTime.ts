// Tests write times as a Chinese desk clock reads them; the app stores instants (UTC ISO strings).

/** The instant a clock in China (UTC+8, no daylight saving) shows as `wallClock`, e.g. '2026-11-23T09:30:00'. */
export const china = (wallClock: string) => new Date(`${wallClock}+08:00`).toISOString()
