import { describe, expect, it } from 'vitest'
import { localDate } from '../calendar'
import { formatNeedNumber, needNumberPrefix, nextNeedNumber } from './needNumber'

describe('need numbers', () => {
  it('are the local date without dashes and a three-digit sequence', () => {
    expect(formatNeedNumber('2026-11-23', 1)).toBe('20261123-001')
    expect(formatNeedNumber('2026-11-23', 42)).toBe('20261123-042')
    expect(needNumberPrefix('2026-11-23')).toBe('20261123-')
  })

  it('start at 001 on a day nothing was numbered yet', () => {
    expect(nextNeedNumber('2026-11-23', null)).toBe('20261123-001')
  })

  it('count on from the highest number given out that day', () => {
    expect(nextNeedNumber('2026-11-23', '20261123-001')).toBe('20261123-002')
    expect(nextNeedNumber('2026-11-23', '20261123-009')).toBe('20261123-010')
    expect(nextNeedNumber('2026-11-23', '20261123-099')).toBe('20261123-100')
  })

  it('grow to four digits after 999 rather than wrapping around', () => {
    expect(nextNeedNumber('2026-11-23', '20261123-999')).toBe('20261123-1000')
    expect(nextNeedNumber('2026-11-23', '20261123-1000')).toBe('20261123-1001')
  })

  it('restart at 001 the next day', () => {
    const numbers: string[] = []
    let highest: string | null = null
    for (let i = 0; i < 3; i++) numbers.push((highest = nextNeedNumber('2026-11-23', highest)))
    numbers.push(nextNeedNumber('2026-11-24', null))
    expect(numbers).toEqual(['20261123-001', '20261123-002', '20261123-003', '20261124-001'])
  })

  it('take the day from the China date, so a registration at 01:00 China time (17:00Z the day before) counts as the new day', () => {
    const day = localDate('2026-11-23T17:00:00.000Z')
    expect(day).toBe('2026-11-24')
    expect(nextNeedNumber(day, null)).toBe('20261124-001')
  })

  it('cross a month and a year end', () => {
    expect(nextNeedNumber('2026-12-31', '20261231-017')).toBe('20261231-018')
    expect(nextNeedNumber('2027-01-01', null)).toBe('20270101-001')
  })

  it('start again at 001 when the highest number is unreadable', () => {
    expect(nextNeedNumber('2026-11-23', 'garbled')).toBe('20261123-001')
    expect(nextNeedNumber('2026-11-23', '20261123-abc')).toBe('20261123-001')
  })
})
