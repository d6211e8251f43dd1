import { pinyin } from 'pinyin-pro'

// Finding a resident by name: 张三 is found by "张三", "张", "zhangsan", "zhang" or "zs".
// Keys are built once per row (the ledger holds up to ~100,000 rows), so matching is a plain substring test.

/** Joins the keys; a control character nobody can type, so no query matches across two keys. */
export const KEY_SEPARATOR = '\u0001'

/**
 * The name, its toneless pinyin and its initials, lowercase, without spaces or punctuation
 * (买买提·艾力 → maimaitiaili). ü is written v as pinyin keyboards do, and also u (吕 → lv, lu).
 * Surnames are read as surnames: 单 shan, 曾 zeng, 尉迟 yuchi.
 */
export function searchKeysFor(name: string): string {
  const text = name.trim().toLowerCase().replace(/\s+/g, '')
  if (!text) return ''
  // One pinyin-pro call; the initials are the first letters of its syllables (half the cost of a second call).
  const syllables = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
  const full = syllables.join('')
  const initials = syllables.map((syllable) => syllable[0]).join('')
  const keys = [text]
  if (full !== text) keys.push(full, initials)
  if (full.includes('v')) keys.push(full.replaceAll('v', 'u'))
  return keys.join(KEY_SEPARATOR)
}

/** Whether the typed query is part of any key; case and spaces are ignored, an empty query matches all. */
export function matchesQuery(keys: string, query: string): boolean {
  const text = query.toLowerCase().replace(/[\s\u0001]+/g, '')
  return text === '' || keys.includes(text)
}
