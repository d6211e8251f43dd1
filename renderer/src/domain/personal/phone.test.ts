import { describe, expect, it } from 'vitest'
import { checkPhone, maskPhone, normalizePhone } from './phone'

describe('mobile numbers', () => {
  it('accepts an 11-digit mobile number as typed', () => {
    expect(checkPhone('13800138000')).toEqual({ ok: true, value: '13800138000', kind: 'mobile' })
  })

  it('accepts every mobile prefix from 13 to 19', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(checkPhone(`${prefix}912345678`)).toMatchObject({ ok: true, kind: 'mobile' })
    }
  })

  it('drops a +86, 86 or 0086 country code', () => {
    for (const typed of ['+8613800138000', '+86 138 0013 8000', '86-138-0013-8000', '008613800138000']) {
      expect(normalizePhone(typed)).toBe('13800138000')
    }
  })

  it('ignores spaces and dashes between the digit groups', () => {
    expect(normalizePhone(' 138 0013 8000 ')).toBe('13800138000')
    expect(normalizePhone('138-0013-8000')).toBe('13800138000')
  })

  it('reads full-width digits typed with a Chinese input method', () => {
    expect(checkPhone('１３８００１３８０００')).toEqual({ ok: true, value: '13800138000', kind: 'mobile' })
  })

  it('refuses a mobile number starting 10, 11 or 12', () => {
    for (const typed of ['10800138000', '11800138000', '12800138000']) {
      expect(checkPhone(typed)).toEqual({ ok: false, error: 'phone.invalid' })
    }
  })

  it('refuses a mobile number with a digit too many or too few', () => {
    expect(checkPhone('1380013800')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('138001380001')).toEqual({ ok: false, error: 'phone.invalid' })
  })
})

describe('landlines', () => {
  it('writes a landline as area code, dash, number', () => {
    expect(checkPhone('0531-88888888')).toEqual({ ok: true, value: '0531-88888888', kind: 'landline' })
    expect(normalizePhone('053188888888')).toBe('0531-88888888')
  })

  it('tells three-digit area codes (010, 02x) from four-digit ones without a dash', () => {
    expect(normalizePhone('01062345678')).toBe('010-62345678')
    expect(normalizePhone('02187654321')).toBe('021-87654321')
    expect(normalizePhone('05336123456')).toBe('0533-6123456')
  })

  it('accepts a seven-digit local number', () => {
    expect(checkPhone('0941-8123456')).toEqual({ ok: true, value: '0941-8123456', kind: 'landline' })
  })

  it('accepts the area code in brackets or followed by a space', () => {
    expect(normalizePhone('(0531) 88888888')).toBe('0531-88888888')
    expect(normalizePhone('（0531）88888888')).toBe('0531-88888888')
    expect(normalizePhone('0531 88888888')).toBe('0531-88888888')
  })

  it('accepts the local number written in two groups', () => {
    expect(normalizePhone('0531 8888 8888')).toBe('0531-88888888')
  })

  it('keeps an extension typed with a dash or with 转', () => {
    expect(normalizePhone('0531-88888888-123')).toBe('0531-88888888-123')
    expect(checkPhone('0531-88888888转123')).toEqual({ ok: true, value: '0531-88888888-123', kind: 'landline' })
    expect(normalizePhone('010 62345678 转 8001')).toBe('010-62345678-8001')
  })

  it('refuses two extensions at once', () => {
    expect(checkPhone('0531-88888888-12转34')).toEqual({ ok: false, error: 'phone.invalid' })
  })

  it('refuses a local number without its area code', () => {
    expect(checkPhone('88888888')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('6123456')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('8888-8888')).toEqual({ ok: false, error: 'phone.invalid' })
  })

  it('refuses a three-digit area code that does not exist', () => {
    expect(checkPhone('053-88888888')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('053 8888 8888')).toEqual({ ok: false, error: 'phone.invalid' })
  })

  it('refuses a local number that starts with 0 or 1', () => {
    expect(checkPhone('0531-08888888')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('010-12345678')).toEqual({ ok: false, error: 'phone.invalid' })
  })

  it('refuses a local number with too many or too few digits', () => {
    expect(checkPhone('0531-888888888')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('0531-888888')).toEqual({ ok: false, error: 'phone.invalid' })
  })
})

describe('other input', () => {
  it('says the number is missing when nothing or only spaces were typed', () => {
    expect(checkPhone('')).toEqual({ ok: false, error: 'phone.empty' })
    expect(checkPhone('   ')).toEqual({ ok: false, error: 'phone.empty' })
  })

  it('refuses letters and words', () => {
    expect(checkPhone('138001380OO')).toEqual({ ok: false, error: 'phone.invalid' })
    expect(checkPhone('无')).toEqual({ ok: false, error: 'phone.invalid' })
  })

  it('leaves only the digits of a number it cannot read, so it can still be searched', () => {
    expect(normalizePhone('8888-8888')).toBe('88888888')
  })
})

describe('maskPhone', () => {
  it('shows the first three and last four digits of a mobile or landline', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('0531-88886666')).toBe('053*-****6666')
  })

  it('keeps only the last two digits of a short number, and leaves an empty one alone', () => {
    expect(maskPhone('12345')).toBe('***45')
    expect(maskPhone('')).toBe('')
  })
})
