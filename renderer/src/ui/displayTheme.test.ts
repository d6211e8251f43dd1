import { theme } from 'antd'
import { describe, expect, it } from 'vitest'
import { BRAND_RED, displayTheme, type DisplayMode } from './displayTheme'

// The tokens as antd computes them from the theme, measured as WCAG 2 does: text 4.5:1 on the page in every
// mode, 7:1 in high contrast.

type Rgb = [number, number, number]

function parse(color: string): { rgb: Rgb; alpha: number } {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color)
  const hex = short ? [color, short.slice(1).map((c) => c + c).join('')] : /^#([0-9a-f]{6})$/i.exec(color)
  if (hex) return { rgb: [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as Rgb, alpha: 1 }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(color.replace(/\s/g, ''))
  if (!rgba) throw new Error(`not a colour: ${color}`)
  const [r, g, b, a = '1'] = rgba[1]!.split(',')
  return { rgb: [Number(r), Number(g), Number(b)], alpha: Number(a) }
}

/** The colour seen: `color` laid over the opaque `background`. */
function over(color: string, background: string): Rgb {
  const { rgb, alpha } = parse(color)
  const base = parse(background).rgb
  return rgb.map((c, i) => c * alpha + base[i]! * (1 - alpha)) as Rgb
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(color: string, background: string): number {
  const [a, b] = [luminance(over(color, background)), luminance(parse(background).rgb)].sort((x, y) => y - x)
  return (a! + 0.05) / (b! + 0.05)
}

const MODES: DisplayMode[] = [
  { largeText: false, highContrast: false },
  { largeText: true, highContrast: false },
  { largeText: false, highContrast: true },
  { largeText: true, highContrast: true },
]
const HUES = ['blue', 'purple', 'cyan', 'green', 'magenta', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'gold', 'lime']
const tokens = (mode: DisplayMode) => theme.getDesignToken(displayTheme(mode)) as unknown as Record<string, string> & ReturnType<typeof theme.getDesignToken>

describe('display theme', () => {
  it('keeps the normal look at 15 px and makes large text 18 px, small print 16, with taller controls', () => {
    expect(tokens(MODES[0]!).fontSize).toBe(15)
    const large = tokens(MODES[1]!)
    expect(large.fontSize).toBeGreaterThanOrEqual(18)
    expect(large.fontSizeSM).toBeGreaterThanOrEqual(16)
    expect(large.controlHeight).toBeGreaterThanOrEqual(44)
    expect(large.controlHeightSM).toBeGreaterThan(tokens(MODES[0]!).controlHeight)
  })

  for (const mode of MODES) {
    const name = `${mode.largeText ? 'large text' : 'normal text'}, ${mode.highContrast ? 'high contrast' : 'normal contrast'}`
    const least = mode.highContrast ? 7 : 4.5

    it(`${name}: every kind of text reads at ${least}:1 on the page and on cards`, () => {
      const token = tokens(mode)
      const texts = ['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorLink', 'colorErrorText', 'colorWarningText', 'colorSuccessText'] as const
      const failing = [token.colorBgContainer, token.colorBgLayout].flatMap((background) =>
        texts.filter((text) => contrast(token[text], background) < least).map((text) => `${text} ${token[text]} on ${background}`),
      )
      expect(failing).toEqual([])
      // Placeholders and the menu's chosen entry: 4.5:1 whatever the mode.
      expect(contrast(token.colorTextPlaceholder, token.colorBgContainer)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(token.colorPrimary, token.controlItemBgActive)).toBeGreaterThanOrEqual(4.5)
      // White on a primary button.
      expect(contrast(token.colorTextLightSolid, token.colorPrimary)).toBeGreaterThanOrEqual(least)
    })

    it(`${name}: every tag colour's text reads at 4.5:1 on its own tint`, () => {
      const token = tokens(mode)
      // The CSS variable antd's tags use (--ant-gold-7) comes from the `gold-7` name.
      const failing = HUES.filter((hue) => contrast(token[`${hue}-7`]!, token[`${hue}1`]!) < 4.5)
      expect(failing).toEqual([])
    })
  }

  it('keeps the brand red readable on white', () => {
    expect(contrast(BRAND_RED, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('draws stronger borders in high contrast', () => {
    const normal = tokens(MODES[0]!)
    const high = tokens(MODES[2]!)
    expect(contrast(high.colorBorder, '#ffffff')).toBeGreaterThan(contrast(normal.colorBorder, '#ffffff'))
    expect(contrast(high.colorBorder, '#ffffff')).toBeGreaterThanOrEqual(3) // WCAG's 3:1 for a control's edge
    expect(high.linkDecoration).toBe('underline')
  })
})
