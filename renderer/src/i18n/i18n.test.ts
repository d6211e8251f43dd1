import { describe, expect, it } from 'vitest'
import { createI18n, keysOf, LANGUAGES, resourcesOf } from './index'

describe('translations', () => {
  it('Chinese and English have exactly the same keys', () => {
    const [zh, en] = LANGUAGES.map((lng) => keysOf(resourcesOf(lng)))
    expect(en).toEqual(zh)
    expect(zh!.length).toBeGreaterThan(50)
  })

  it('no translation is empty', () => {
    for (const lng of LANGUAGES) {
      const i18n = createI18n(lng)
      for (const key of keysOf(resourcesOf(lng))) expect(i18n.t(key), `${lng} ${key}`).not.toBe('')
    }
  })

  it('opens in Chinese by default and switches to English', async () => {
    const i18n = createI18n()
    expect(i18n.t('app.title')).toBe('同心驿站')
    await i18n.changeLanguage('en')
    expect(i18n.t('app.title')).toBe('Tongxin Station')
  })
})
