import { useEffect, useState } from 'react'
import { localDate } from '../domain/calendar'

// The one place the UI reads the clock; commands and the domain are given the time.
export const clock = {
  now: (): string => new Date().toISOString(),
  today: (): string => localDate(new Date().toISOString()),
}

/** Today's local date (UTC+8), re-read every minute so a screen left open past midnight moves on. */
export function useToday(): string {
  const [today, setToday] = useState(clock.today)
  useEffect(() => {
    const timer = setInterval(() => setToday(clock.today()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return today
}

/**
 * The current instant (ISO), re-read every `intervalMs` (30 s by default) so a board left open moves on
 * from one shift to the next. Reads clock.now(), so tests that fix the clock fix this too.
 */
export function useNow(intervalMs = 30_000): string {
  const [now, setNow] = useState(clock.now)
  useEffect(() => {
    setNow(clock.now())
    const timer = setInterval(() => setNow(clock.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
