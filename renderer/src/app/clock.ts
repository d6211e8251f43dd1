import { useEffect, useState } from 'react'
import { localDate } from '../domain/deadline'

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
