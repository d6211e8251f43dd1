import { BgColorsOutlined, FontSizeOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useDisplayPrefs } from './displayPrefs'

/**
 * 大字 / 高对比: two toggle buttons, on every screen beside the language. Words, not icons alone, so the clerk
 * who needs them can find them; aria-pressed tells a screen reader which are on.
 */
export function DisplaySwitch() {
  const { t } = useTranslation()
  const { largeText, highContrast, setLargeText, setHighContrast } = useDisplayPrefs()
  return (
    <Space.Compact role="group" aria-label={t('app.display.label')}>
      <Button
        type={largeText ? 'primary' : 'default'}
        aria-pressed={largeText}
        icon={<FontSizeOutlined aria-hidden />}
        onClick={() => setLargeText(!largeText)}
        data-testid="display-large-text"
      >
        {t('app.display.largeText')}
      </Button>
      <Button
        type={highContrast ? 'primary' : 'default'}
        aria-pressed={highContrast}
        icon={<BgColorsOutlined aria-hidden />}
        onClick={() => setHighContrast(!highContrast)}
        data-testid="display-high-contrast"
      >
        {t('app.display.highContrast')}
      </Button>
    </Space.Compact>
  )
}
