import { describe, expect, it } from 'vitest'
import { lockedUntil, lockoutMs, pinProblem, secondsLeft } from './pin'

describe('a new PIN', () => {
  it.each([
    ['12345', 'people.pin.tooShort'],
    ['000000', 'people.pin.common'],
    ['888888', 'people.pin.sameDigit'],
    ['123456', 'people.pin.sequence'],
    ['654321', 'people.pin.sequence'],
    ['23456789', 'people.pin.sequence'],
    ['198507', 'people.pin.birthday'],
    ['19850712', 'people.pin.birthday'],
    ['20010203', 'people.pin.birthday'],
    ['850712', 'people.pin.birthday'],
    ['730618', 'people.pin.birthday'],
  ])('refuses %s (%s)', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem)
  })

  it.each(['482915', '937415', '19851399', '3852-天气好', 'correct horse'])('accepts %s', (pin) => {
    expect(pinProblem(pin)).toBeNull()
  })
})

describe('locking an account on a desk after wrong PINs', () => {
  const now = '2026-12-04T08:00:00.000Z'

  it('allows four wrong tries, then locks for a minute, doubling each further try, at most a day', () => {
    expect([1, 2, 3, 4].map(lockoutMs)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7].map(lockoutMs)).toEqual([60_000, 120_000, 240_000])
    expect(lockoutMs(40)).toBe(24 * 60 * 60_000)
  })

  it('is locked until a minute after the fifth wrong try, and counts down', () => {
    const failures = { count: 5, lastAt: '2026-12-04T07:59:30.000Z' }
    const until = lockedUntil(failures, now)
    expect(until).toBe('2026-12-04T08:00:30.000Z')
    expect(secondsLeft(until!, now)).toBe(30)
    expect(lockedUntil(failures, '2026-12-04T08:00:31.000Z')).toBeNull()
  })

  it('is not locked with fewer than five wrong tries, or none', () => {
    expect(lockedUntil({ count: 4, lastAt: now }, now)).toBeNull()
    expect(lockedUntil(undefined, now)).toBeNull()
  })
})
