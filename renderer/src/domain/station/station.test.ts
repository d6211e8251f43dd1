import { describe, expect, it } from 'vitest'
import { checkStationForm, defaultStationForm, joinNames, splitNames, stationDoc, suggestStationCode, type StationForm } from './station'

const form = (over: Partial<StationForm> = {}): StationForm => ({
  ...defaultStationForm,
  name: '星河社区党群服务中心',
  code: 'xinghe-01',
  villages: ['星河村'],
  staff: ['王芳'],
  ...over,
})

describe('names typed or pasted one a line', () => {
  it('splits lines, as pasted from a spreadsheet column (Windows line ends too)', () => {
    expect(splitNames('星河村\r\n东湖社区\n\n  柳树湾村  \n')).toEqual(['星河村', '东湖社区', '柳树湾村'])
  })

  it('also splits on Chinese and ASCII commas, 、 and semicolons', () => {
    expect(splitNames('星河村，东湖社区、柳树湾村;南岭村；北山村,西坡村')).toEqual(['星河村', '东湖社区', '柳树湾村', '南岭村', '北山村', '西坡村'])
  })

  it('drops repeats and keeps spaces inside a name', () => {
    expect(splitNames('星河村\n星河村 \nXinghe Village')).toEqual(['星河村', 'Xinghe Village'])
  })

  it('nothing typed is an empty list, and a list joins back one a line', () => {
    expect(splitNames('  \n ')).toEqual([])
    expect(joinNames(['星河村', '东湖社区'])).toBe('星河村\n东湖社区')
    expect(splitNames(joinNames(['星河村', '东湖社区']))).toEqual(['星河村', '东湖社区'])
  })
})

describe('checking the station form', () => {
  it('accepts a complete form and returns it as stored', () => {
    const checked = checkStationForm(form({ name: ' 星河社区 ', villages: ['星河村', ' 星河村', ''], staff: ['王芳', '李强'] }))
    expect(checked).toEqual({ ok: true, value: form({ name: '星河社区', villages: ['星河村'], staff: ['王芳', '李强'] }) })
  })

  it('reports every problem at once, one message per field, as i18n keys', () => {
    const checked = checkStationForm(form({ name: ' ', code: 'Xing He', villages: [], staff: [' '], phone: '12345' }))
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'station.error.nameRequired' },
        { field: 'code', message: 'station.error.codeFormat' },
        { field: 'villages', message: 'station.error.villagesRequired' },
        { field: 'staff', message: 'station.error.staffRequired' },
        { field: 'phone', message: 'station.error.phone' },
      ]),
    )
    expect(checked.errors).toHaveLength(5)
  })

  it('codes are lowercase letters, digits and hyphens, 2–32 long', () => {
    for (const code of ['xh', 'xinghe-01', '0531-xinghe']) expect(checkStationForm(form({ code })).ok).toBe(true)
    for (const code of ['x', 'Xinghe', '星河', 'xing he', '-xinghe', 'x'.repeat(33)]) {
      expect(checkStationForm(form({ code }))).toEqual({ ok: false, errors: [{ field: 'code', message: 'station.error.codeFormat' }] })
    }
  })

  it('the service phone may be left empty; otherwise it is checked and stored in one form', () => {
    expect(checkStationForm(form({ phone: '  ' }))).toMatchObject({ ok: true, value: { phone: '' } })
    expect(checkStationForm(form({ phone: '(0531) 8888 8888' }))).toMatchObject({ ok: true, value: { phone: '0531-88888888' } })
    expect(checkStationForm(form({ phone: '１３８００１３８０００' }))).toMatchObject({ ok: true, value: { phone: '13800138000' } })
    expect(checkStationForm(form({ phone: '88888888' }))).toEqual({ ok: false, errors: [{ field: 'phone', message: 'station.error.phone' }] })
  })

  it('a time limit outside 1–30 days, or missing, has a message the clerk can read', () => {
    for (const deadlineDays of [0, 31, 2.5, Number.NaN, null as unknown as number]) {
      expect(checkStationForm(form({ deadlineDays }))).toEqual({ ok: false, errors: [{ field: 'deadlineDays', message: 'station.error.deadlineDays' }] })
    }
  })

  it('a name longer than the limit is too long', () => {
    expect(checkStationForm(form({ villages: ['村'.repeat(61)] }))).toEqual({ ok: false, errors: [{ field: 'villages', message: 'station.error.tooLong' }] })
  })

  it('saving again keeps the code the station was created with', () => {
    const actor = { by: '王芳', at: '2025-03-01T09:00:00+08:00' }
    const first = stationDoc(form(), actor)
    const next = stationDoc(form({ code: 'other', name: '新名称' }), actor, first)
    expect(next._id).toBe('station:xinghe-01')
    expect(next.code).toBe('xinghe-01')
    expect(next.name).toBe('新名称')
  })
})

describe('a code suggested from the name', () => {
  it('uses the pinyin initials of a Chinese name', () => {
    expect(suggestStationCode('星河社区党群服务中心')).toBe('xhsqdqfwzx')
  })

  it('keeps letters and digits, and turns anything else into single hyphens', () => {
    expect(suggestStationCode('Xinghe Centre No.1')).toBe('xinghe-centre-no-1')
    expect(suggestStationCode('星河 01')).toBe('xh-01')
  })

  it('always gives a valid code, or nothing', () => {
    expect(suggestStationCode('')).toBe('')
    expect(suggestStationCode('（）')).toBe('')
    expect(suggestStationCode('星')).toBe('')
    const long = suggestStationCode('星河社区党群服务中心'.repeat(5))
    expect(long).toHaveLength(32)
    for (const name of ['星河社区党群服务中心'.repeat(5), '星河 - 01 -', '(东湖)社区']) {
      expect(checkStationForm(form({ code: suggestStationCode(name) })).ok, name).toBe(true)
    }
  })
})
