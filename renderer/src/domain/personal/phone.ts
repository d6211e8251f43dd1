// A resident's phone number as a clerk types it: a mobile, or a landline with its area code
// (without the area code a landline cannot be called back from another district's phone).

export type PhoneKind = 'mobile' | 'landline'

export type PhoneCheck =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; error: 'phone.empty' | 'phone.invalid' }

// 11 digits, 13x–19x, after an optional country code.
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/

// Area codes: 010 and 02x have three digits, 03xx–09xx four, so the first two digits tell which.
// Local numbers have 7 or 8 digits and never start with 0 (trunk prefix) or 1 (service numbers).
const AREA = '0(?:10|2\\d|[3-9]\\d\\d)'
const LOCAL = '[2-9]\\d{6,7}'
const LANDLINE = new RegExp(`^(${AREA})-?(${LOCAL})(?:-(\\d{1,6}))?$`)

/** Full-width digits, ＋ and － from a Chinese input method become their ASCII forms. */
const toAscii = (input: string) => input.normalize('NFKC').trim()

function parsePhone(input: string): { value: string; kind: PhoneKind } | null {
  const text = toAscii(input)

  const mobile = MOBILE.exec(text.replace(/[\s()-]/g, ''))
  if (mobile) return { value: mobile[1]!, kind: 'mobile' }

  // 转 marks an extension; split it off first so it cannot be mistaken for part of the number.
  const [, rest = text, spokenExtension] = /^(.*?)\s*转\s*(\d{1,6})$/.exec(text) ?? []
  // "(0531) 88888888": brackets and spaces around the area code act like its dash.
  const dashed = rest.replace(/^\((0\d{2,3})\)/, '$1-').replace(/[\s-]+/g, '-')
  // "0531 8888 8888": digits grouped inside the number. Only the groups after the first are joined:
  // digits are never moved across the dash the resident put after the area code.
  const [first, ...others] = dashed.split('-')
  const landline = LANDLINE.exec(dashed) ?? LANDLINE.exec(`${first}-${others.join('')}`)
  if (!landline || (landline[3] && spokenExtension)) return null
  const [, area, local, extension = spokenExtension] = landline
  return { value: `${area}-${local}${extension ? `-${extension}` : ''}`, kind: 'landline' }
}

/**
 * The number in its one stored form: a mobile as 11 digits, a landline as `0531-88888888` (`-123` for an
 * extension). Anything unrecognised comes back as just its digits, so it can still be searched.
 */
export function normalizePhone(input: string): string {
  return parsePhone(input)?.value ?? toAscii(input).replace(/\D/g, '')
}

/** Checks a phone number; errors are i18n keys. */
export function checkPhone(input: string): PhoneCheck {
  if (toAscii(input) === '') return { ok: false, error: 'phone.empty' }
  const parsed = parsePhone(input)
  return parsed ? { ok: true, ...parsed } : { ok: false, error: 'phone.invalid' }
}

/**
 * A phone number as shown by default: the first three and last four digits (`138****8000`,
 * `053****8888`), so a clerk can confirm it with the resident without the screen showing it whole.
 */
export function maskPhone(phone: string): string {
  const digits = [...phone].filter((c) => /\d/.test(c)).length
  if (digits === 0) return phone
  const keepHead = digits >= 8 ? 3 : 0
  const keepTail = digits >= 8 ? 4 : Math.min(2, digits)
  let seen = 0
  return [...phone]
    .map((c) => {
      if (!/\d/.test(c)) return c
      seen++
      return seen <= keepHead || seen > digits - keepTail ? c : '*'
    })
    .join('')
}
