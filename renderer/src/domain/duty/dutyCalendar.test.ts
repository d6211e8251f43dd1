import { describe, expect, it } from 'vitest'
import { dutyCalendar } from './dutyCalendar'
import type { RotaShift } from './dutyRota'

const shift = (date: string, slot: number, start: string, end: string): RotaShift => ({
  key: `${date}#${slot}`,
  date,
  slot,
  start,
  end,
  secretaryId: 'dutySecretary:XF:A',
  plannedSecretaryId: 'dutySecretary:XF:A',
  planId: 'dutyPlan:XF:1',
  changes: [],
})

const text = {
  calendarName: '李书记 · 星河驿站值班',
  summary: '书记轮值：星河党群服务驿站',
  location: '星河村党群服务中心, 一楼大厅',
  description: '值班电话 0531-88886666; 请提前 10 分钟到岗',
}

describe('a secretary’s duty calendar', () => {
  const ics = dutyCalendar([shift('2026-11-02', 0, '08:30', '12:00'), shift('2026-11-03', 1, '14:00', '17:30')], text, 'XF', '2026-10-30T02:00:00.000Z')
  const unfolded = ics.replace(/\r\n /g, '')

  it('has one event per shift, in UTC, with a stable id', () => {
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2)
    expect(unfolded).toContain('DTSTART:20261102T003000Z')
    expect(unfolded).toContain('DTEND:20261102T040000Z')
    expect(unfolded).toContain('DTSTART:20261103T060000Z')
    expect(unfolded).toContain('UID:2026-11-02#0@XF.tongxin')
    expect(unfolded).toContain('DTSTAMP:20261030T020000Z')
  })

  it('escapes commas and semicolons in text', () => {
    expect(unfolded).toContain('LOCATION:星河村党群服务中心\\, 一楼大厅')
    expect(unfolded).toContain('DESCRIPTION:值班电话 0531-88886666\\; 请提前 10 分钟到岗')
  })

  it('uses CRLF and folds no line beyond 75 octets, never inside a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true)
    expect(ics).not.toContain('\uFFFD')
    const long = dutyCalendar([shift('2026-11-02', 0, '08:30', '12:00')], { ...text, description: '很长的说明'.repeat(30) }, 'XF', '2026-10-30T02:00:00.000Z')
    expect(long.split('\r\n').some((line) => line.startsWith(' '))).toBe(true)
    expect(long.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${'很长的说明'.repeat(30)}`)
  })
})
