import { describe, expect, it } from 'vitest'
import { checkIdCard, idCardCheckChar, maskIdCard } from './idCard'

const today = '2026-06-15'

// The example printed in GB 11643-1999 itself; its check character is X.
const STANDARD_SAMPLE = '11010519491231002X'
// Another widely published sample. Its checksum is right, but its holder was born in 1880.
const OLD_SAMPLE = '440524188001010014'

describe('checkIdCard', () => {
  it('accepts the sample number from the national standard', () => {
    expect(checkIdCard(STANDARD_SAMPLE, today)).toEqual({ ok: true, value: STANDARD_SAMPLE })
  })

  it('accepts a lowercase x and stores it as X', () => {
    expect(checkIdCard('11010519491231002x', today)).toEqual({ ok: true, value: STANDARD_SAMPLE })
  })

  it('forgives spaces and full-width digits typed with a Chinese input method', () => {
    expect(checkIdCard(' 110105 19491231 002X ', today)).toEqual({ ok: true, value: STANDARD_SAMPLE })
    expect(checkIdCard('１１０１０５１９４９１２３１００２Ｘ', today)).toEqual({ ok: true, value: STANDARD_SAMPLE })
  })

  it('agrees with the published check characters of both samples', () => {
    expect(idCardCheckChar(STANDARD_SAMPLE)).toBe('X')
    expect(idCardCheckChar(OLD_SAMPLE)).toBe('4')
  })

  it('refuses a sample with a correct checksum whose holder was born before 1900', () => {
    expect(checkIdCard(OLD_SAMPLE, today)).toEqual({ ok: false, error: 'idCard.birthDate' })
  })

  it('refuses an ID number whose check character is wrong', () => {
    expect(checkIdCard('110105194912310021', today)).toEqual({ ok: false, error: 'idCard.checksum' })
  })

  it('refuses the sample with one digit of its sequence number changed', () => {
    expect(checkIdCard('11010519491231003X', today)).toEqual({ ok: false, error: 'idCard.checksum' })
    expect(checkIdCard('11010519491231012X', today)).toEqual({ ok: false, error: 'idCard.checksum' })
  })

  it('refuses the sample with one digit of its region changed', () => {
    expect(checkIdCard('11010619491231002X', today)).toEqual({ ok: false, error: 'idCard.checksum' })
  })

  it('refuses a sample with one digit of its birth date changed', () => {
    expect(checkIdCard('11010519491221002X', today)).toEqual({ ok: false, error: 'idCard.checksum' })
    // 1880 → 1980: the date becomes acceptable, the check character no longer fits.
    expect(checkIdCard('440524198001010014', today)).toEqual({ ok: false, error: 'idCard.checksum' })
  })

  it('refuses a number that is not 17 digits and a check character', () => {
    for (const typed of ['', '11010519491231002', '11010519491231002X1', '1101051949123100XX', '11010519491231002Y']) {
      expect(checkIdCard(typed, today)).toEqual({ ok: false, error: 'idCard.length' })
    }
  })

  it('refuses a region code no province has', () => {
    for (const province of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '72', '80', '84', '90', '92']) {
      expect(checkIdCard(`${province}0105199001010011`, today)).toEqual({ ok: false, error: 'idCard.region' })
    }
  })

  it('accepts every province code, Hong Kong, Macao, Taiwan and foreigners\' permanent residence', () => {
    const codes = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54]
      .concat([61, 62, 63, 64, 65, 71, 81, 82, 83, 91])
    for (const code of codes) {
      const first17 = `${code}0105199001010011`.slice(0, 17)
      expect(checkIdCard(first17 + idCardCheckChar(first17), today)).toMatchObject({ ok: true })
    }
  })

  it('refuses a birth date that is not on the calendar', () => {
    for (const birth of ['19490231', '19491301', '19490001', '19490100', '19000229', '20230229']) {
      const first17 = `110105${birth}002`
      expect(checkIdCard(first17 + idCardCheckChar(first17), today)).toEqual({ ok: false, error: 'idCard.birthDate' })
    }
  })

  it('accepts 29 February in a leap year, 2000 included', () => {
    for (const birth of ['19960229', '20000229', '20240229']) {
      const first17 = `110105${birth}002`
      expect(checkIdCard(first17 + idCardCheckChar(first17), today)).toMatchObject({ ok: true })
    }
  })

  it('accepts a baby born today but not one born tomorrow', () => {
    const bornToday = '11010520260615002'
    const bornTomorrow = '11010520260616002'
    expect(checkIdCard(bornToday + idCardCheckChar(bornToday), today)).toMatchObject({ ok: true })
    expect(checkIdCard(bornTomorrow + idCardCheckChar(bornTomorrow), today)).toEqual({ ok: false, error: 'idCard.birthDate' })
  })

  it('accepts 1 January 1900 and refuses the day before', () => {
    const first = '11010519000101002'
    const before = '11010518991231002'
    expect(checkIdCard(first + idCardCheckChar(first), today)).toMatchObject({ ok: true })
    expect(checkIdCard(before + idCardCheckChar(before), today)).toEqual({ ok: false, error: 'idCard.birthDate' })
  })
})

describe('maskIdCard', () => {
  it('shows the first 6 and last 4 characters with 8 asterisks between', () => {
    expect(maskIdCard(STANDARD_SAMPLE)).toBe('110105********002X')
  })

  it('hides a number too short to mask partly', () => {
    expect(maskIdCard('1101051949')).toBe('********')
  })
})
