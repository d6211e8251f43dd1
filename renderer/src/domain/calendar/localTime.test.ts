import { describe, expect, it } from 'vitest'
import { localDateTime } from './localTime'

describe('localDateTime', () => {
  it('shows China time, crossing midnight', () => {
    expect(localDateTime('2026-01-30T15:30:00.000Z')).toBe('2026-01-30 23:30')
    expect(localDateTime('2026-01-30T16:05:59.999Z')).toBe('2026-01-31 00:05')
  })
  it('gives back what it cannot read', () => {
    expect(localDateTime('yesterday')).toBe('yesterday')
  })
})
