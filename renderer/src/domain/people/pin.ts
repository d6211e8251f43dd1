// PINs and passwords: which are refused as too easy to guess, and how long a desk locks an account after
// wrong tries. Hashing is not here (it is I/O: WebCrypto, in data/).

export const PIN_MIN_LENGTH = 6
export const PIN_MAX_LENGTH = 64

export const PIN_PROBLEMS = [
  'people.pin.tooShort',
  'people.pin.tooLong',
  'people.pin.sameDigit',
  'people.pin.sequence',
  'people.pin.birthday',
  'people.pin.common',
] as const
export type PinProblem = (typeof PIN_PROBLEMS)[number]

const COMMON = new Set(['000000', '111111', '123123', '112233', '121212', '123321', '520520', '521521', '147258', '159753', '147258369', 'password', 'abc123', 'qwerty'])

/** Runs of digits each one up (or down) from the last, e.g. 123456, 987654, 890123 wraps not. */
function isSequence(digits: string): boolean {
  const steps = new Set<number>()
  for (let i = 1; i < digits.length; i++) steps.add(digits.charCodeAt(i) - digits.charCodeAt(i - 1))
  return steps.size === 1 && (steps.has(1) || steps.has(-1))
}

const validMonth = (mm: string) => Number(mm) >= 1 && Number(mm) <= 12
const validDay = (dd: string) => Number(dd) >= 1 && Number(dd) <= 31

/** 19850712, 198507, 850712 and 20010203-style dates: the first things a stranger tries. */
function isBirthday(digits: string): boolean {
  if (/^(19|20)\d{6}$/.test(digits)) return validMonth(digits.slice(4, 6)) && validDay(digits.slice(6, 8))
  if (/^(19|20)\d{4}$/.test(digits)) return validMonth(digits.slice(4, 6))
  if (/^\d{6}$/.test(digits)) return validMonth(digits.slice(2, 4)) && validDay(digits.slice(4, 6)) && Number(digits.slice(0, 2)) >= 30
  return false
}

/** Why a new PIN or password is refused, or null when it will do. */
export function pinProblem(pin: string): PinProblem | null {
  if (pin.length < PIN_MIN_LENGTH) return 'people.pin.tooShort'
  if (pin.length > PIN_MAX_LENGTH) return 'people.pin.tooLong'
  if (COMMON.has(pin.toLowerCase())) return 'people.pin.common'
  if (/^(.)\1+$/.test(pin)) return 'people.pin.sameDigit'
  if (/^\d+$/.test(pin)) {
    if (isSequence(pin)) return 'people.pin.sequence'
    if (isBirthday(pin)) return 'people.pin.birthday'
  }
  return null
}

/** Wrong tries allowed before a desk locks the account. */
export const FREE_TRIES = 5

/** How long the account stays locked on this desk after `failures` wrong tries in a row: none below five,
 *  then 1 minute, doubling with each further wrong try, at most a day. */
export function lockoutMs(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(60_000 * 2 ** (failures - FREE_TRIES), 24 * 60 * 60_000)
}

/** This desk's record of one account's wrong tries (device state, never synced). */
export interface SignInFailures {
  count: number
  /** ISO instant of the last wrong try */
  lastAt: string
}

/** Until when the account is locked on this desk (ISO instant), or null when it may try now. */
export function lockedUntil(failures: SignInFailures | undefined, now: string): string | null {
  if (!failures) return null
  const ms = lockoutMs(failures.count)
  if (ms === 0) return null
  const until = Date.parse(failures.lastAt) + ms
  return until > Date.parse(now) ? new Date(until).toISOString() : null
}

/** Seconds left on a lock, rounded up, for the countdown. */
export const secondsLeft = (until: string, now: string): number => Math.max(0, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000))
