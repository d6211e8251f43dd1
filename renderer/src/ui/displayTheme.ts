import type { ThemeConfig } from 'antd'

// How the screens look for the person at the desk (适老化): antd theme tokens for the normal look, large text
// and high contrast. Text colours are chosen by their contrast on the page (WCAG 2: 4.5:1 for text, 7:1 in
// high contrast); displayTheme.test.ts measures each one, so a colour changed here cannot quietly fall below.

/** 党建红: the station's own colour (the app's title); 5.9:1 on white, readable in every mode. */
export const BRAND_RED = '#c8161d'

/**
 * Small print (a timeline's notes, a status line's details): relative to the text around it, so it grows with
 * large text — 13 px beside the normal 15, about 16 px beside 18.
 */
export const SMALL_TEXT = '0.87em'

export interface DisplayMode {
  /** base text 18 px, larger controls and click targets */
  largeText: boolean
  /** black text, strong borders, no light grey on white */
  highContrast: boolean
}

type Token = NonNullable<ThemeConfig['token']>
type Components = NonNullable<ThemeConfig['components']>
type Hue = 'blue' | 'purple' | 'cyan' | 'green' | 'magenta' | 'red' | 'orange' | 'yellow' | 'volcano' | 'geekblue' | 'gold' | 'lime'

/**
 * A tag's text is its colour's 7th shade (on the 1st): these give the 7th shade of some hues a darker colour.
 * antd keeps each shade under two names, `gold7` and `gold-7`, and its CSS variable (--ant-gold-7) is made
 * from the second, so both are set.
 */
function tagText(shades: Partial<Record<Hue, string>>): Token {
  return Object.fromEntries(Object.entries(shades).flatMap(([hue, color]) => [[`${hue}7`, color], [`${hue}-7`, color]]))
}

/**
 * Every mode: antd's defaults put light grey (#8c8c8c, 3.4:1) under descriptions and form hints, #bfbfbf under
 * drop-down placeholders, #1677ff (4.1:1) on primary buttons and links, and 7th-shade tag text (gold #d48806,
 * 2.8:1) — all below WCAG's 4.5:1. The tag colours are antd's palette shades (a tag's text is shade 7 on
 * shade 1), so shade 7 takes a darker shade of the same hue.
 */
const READABLE: Token = {
  fontSize: 15,
  colorPrimary: '#0958d9',
  // Seeds of their own in antd, not derived from the primary colour.
  colorLink: '#0958d9',
  colorInfo: '#0958d9',
  colorError: '#cf1322',
  colorErrorText: '#cf1322',
  colorWarningText: '#ad4e00',
  colorSuccessText: '#237804',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.54)',
  ...tagText({
    gold: '#874d00',
    yellow: '#876800',
    lime: '#3f6600',
    orange: '#ad4e00',
    volcano: '#ad2102',
    green: '#237804',
    cyan: '#006d75',
  }),
}

/** Black on white, borders that stand out, links underlined (not told by colour alone), a thicker focus ring. */
const HIGH_CONTRAST: Token = {
  colorPrimary: '#003eb3',
  colorLink: '#003eb3',
  colorInfo: '#003eb3',
  colorError: '#a8071a',
  colorErrorText: '#a8071a',
  colorWarningText: '#873800',
  colorSuccessText: '#135200',
  colorText: '#000000',
  colorTextHeading: '#000000',
  colorTextLabel: '#000000',
  colorTextSecondary: '#1f1f1f',
  colorTextTertiary: '#262626',
  colorTextDescription: '#262626',
  colorTextQuaternary: '#333333',
  colorTextPlaceholder: '#404040',
  colorTextDisabled: '#595959',
  colorIcon: '#1f1f1f',
  colorBgLayout: '#ffffff',
  colorBorder: '#262626',
  colorBorderSecondary: '#595959',
  colorSplit: 'rgba(0, 0, 0, 0.6)',
  linkDecoration: 'underline',
  lineWidthFocus: 3,
  controlOutlineWidth: 3,
  ...tagText({
    blue: '#002c8c',
    purple: '#391085',
    red: '#820014',
    magenta: '#780650',
    geekblue: '#061178',
    gold: '#613400',
    yellow: '#614700',
    lime: '#254000',
    orange: '#612500',
    volcano: '#610b00',
    green: '#092b00',
    cyan: '#002329',
  }),
}

/** Base text 18 px (small text 16), and every control and menu entry taller, for older eyes and hands. */
const LARGE_TEXT: Token = {
  fontSize: 18,
  fontSizeSM: 16,
  fontSizeLG: 20,
  fontSizeXL: 24,
  controlHeight: 44,
  controlHeightSM: 36,
  controlHeightLG: 52,
  controlInteractiveSize: 22,
}

const LARGE_COMPONENTS: Components = {
  Menu: { itemHeight: 52, iconSize: 18 },
  Switch: { trackHeight: 28, trackMinWidth: 52, handleSize: 24 },
}

/** "No data" (an empty table, an empty drop-down) is written in the disabled grey, #bfbfbf: it is text to read. */
const EMPTY_READABLE: Components = {
  Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
}

/** The antd theme for a display mode. */
export function displayTheme({ largeText, highContrast }: DisplayMode): ThemeConfig {
  return {
    token: { ...READABLE, ...(highContrast ? HIGH_CONTRAST : {}), ...(largeText ? LARGE_TEXT : {}) },
    components: { ...EMPTY_READABLE, ...(largeText ? LARGE_COMPONENTS : {}) },
  }
}
