import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../i18n'
import { useSession } from './session'

/** 中文 / English; the choice is this device's and survives a restart. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const { services } = useSession()
  const change = (language: Language) => {
    void i18n.changeLanguage(language)
    void services.device.set('language', language)
  }
  return (
    <Segmented
      aria-label={t('app.language')}
      value={i18n.language as Language}
      // Each language is named in itself, so a clerk can find theirs whatever is on screen.
      options={LANGUAGES.map((lng) => ({ value: lng, label: i18n.getFixedT(lng)('app.languageName') }))}
      onChange={(value) => change(value as Language)}
    />
  )
}
