import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'

// Each area keeps its strings in its own file (i18n/<lang>/<area>.json) so features can grow
// apart; they are merged into one namespace, so keys read the same everywhere ('need.error.…').

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

type Tree = { [key: string]: string | Tree }

const files = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' })

/** The resources of one language, all of its files merged. */
export function resourcesOf(language: Language): Tree {
  const merged: Tree = {}
  for (const [path, tree] of Object.entries(files)) {
    if (path.startsWith(`./${language}/`)) mergeInto(merged, tree, path)
  }
  return merged
}

function mergeInto(target: Tree, source: Tree, file: string, at = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const here = target[key]
    if (typeof value === 'object' && (here === undefined || typeof here === 'object')) {
      target[key] = here ?? {}
      mergeInto(target[key] as Tree, value, file, `${at}${key}.`)
    } else if (here !== undefined) {
      throw new Error(`i18n key ${at}${key} is defined twice (again in ${file})`)
    } else {
      target[key] = value
    }
  }
}

/** Every key of a resource tree, dotted, sorted. */
export function keysOf(tree: Tree, at = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => (typeof value === 'object' ? keysOf(value, `${at}${key}.`) : [`${at}${key}`]))
    .sort()
}

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language)

export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: resourcesOf(lng) }])),
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  })
  return instance
}
