// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check character.

export type IdCardError = 'idCard.length' | 'idCard.checksum' | 'idCard.birthDate' | 'idCard.region'
export type IdCardCheck = { ok: true; value: string } | { ok: false; error: IdCardError }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
// ISO 7064 MOD 11-2: the check character for each remainder of the weighted sum.
const CHECK_CHARS = '10X98765432'

// First two digits: provinces, plus 71/81/82 (Taiwan, Hong Kong, Macao), 83 (Taiwan residents' permits)
// and 91 (foreigners' permanent residence ID).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82, 83, 91,
])

/** The check character the first 17 digits call for. */
export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth
}

/** An ID number as typed, in the one form it is stored and compared in: half-width, no spaces, an upper-case X. */
export const normalizedIdCard = (input: string): string => input.normalize('NFKC').replace(/\s/g, '').toUpperCase()

/**
 * Checks an ID number as typed (spaces, full-width digits and a lowercase x are forgiven).
 * `today` is the local date, YYYY-MM-DD: nobody is born after it. Errors are i18n keys.
 */
export function checkIdCard(input: string, today: string): IdCardCheck {
  const id = normalizedIdCard(input)
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: 'idCard.length' }
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return { ok: false, error: 'idCard.region' }

  const birth = id.slice(6, 14)
  const [year, month, day] = [birth.slice(0, 4), birth.slice(4, 6), birth.slice(6, 8)].map(Number) as [number, number, number]
  // Fixed-width YYYYMMDD strings compare in date order.
  if (year < 1900 || !isRealDate(year, month, day) || birth > today.replaceAll('-', ''))
    return { ok: false, error: 'idCard.birthDate' }

  if (idCardCheckChar(id) !== id[17]) return { ok: false, error: 'idCard.checksum' }
  return { ok: true, value: id }
}

/** For screens and exports: first 6 and last 4 characters, 8 asterisks between (the length is not given away). */
export function maskIdCard(id: string): string {
  const text = id.trim()
  if (text.length <= 10) return '*'.repeat(8)
  return `${text.slice(0, 6)}********${text.slice(-4)}`
}
