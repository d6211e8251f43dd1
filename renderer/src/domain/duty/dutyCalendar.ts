import { shiftInstant } from './dutyPlan'
import type { RotaShift } from './dutyRota'

// 值班日历: one secretary's shifts as an iCalendar file (RFC 5545), for the phone's calendar. Times are
// written in UTC, so no time-zone table is needed and every calendar app places them right.

export interface CalendarText {
  /** calendar name, e.g. 李书记 · 星河驿站值班 */
  calendarName: string
  /** each event's title */
  summary: string
  location: string
  /** a line under each event, e.g. the centre's phone */
  description: string
}

/** `20261102T003000Z` */
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** Lines longer than 75 octets are folded, never inside a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // The first line holds 75 octets; each continuation starts with a space, so holds 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** The .ics text of these shifts (the caller picks one secretary's). `now` stamps the file. */
export function dutyCalendar(shifts: readonly RotaShift[], text: CalendarText, stationCode: string, now: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tongxin Station//Duty rota//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text.calendarName)}`,
  ]
  for (const shift of shifts) {
    lines.push(
      'BEGIN:VEVENT',
      // Stable per shift: importing a newer file updates the event instead of adding a second one.
      `UID:${shift.key}@${stationCode}.tongxin`,
      `DTSTAMP:${icsTime(now)}`,
      `DTSTART:${icsTime(shiftInstant(shift.date, shift.start))}`,
      `DTEND:${icsTime(shiftInstant(shift.date, shift.end))}`,
      `SUMMARY:${escapeText(text.summary)}`,
      `LOCATION:${escapeText(text.location)}`,
      `DESCRIPTION:${escapeText(text.description)}`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
