import { z } from 'zod'
import table from '@resources/categories/wuwei.json'

// 五为 service categories (为老、为小、为困难群体、为需要心理疏导和情感慰藉群体、为社会公共需要) plus 其他.
// The table itself is data: resources/categories/wuwei.json.

export type Lang = 'zh-CN' | 'en'
export type Label = Record<Lang, string>

export interface CategoryItem {
  code: string
  label: Label
  /** 牵头部门 */
  leadDepartment: Label
}

export interface Category {
  code: string
  label: Label
  items: CategoryItem[]
}

const text = z.string().trim().min(1)
const labelSchema = z.object({ 'zh-CN': text, en: text })
const categoryCode = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase ASCII letters, digits and hyphens')
const itemCode = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'expected <category>.<item> in lowercase ASCII')

export const categoryTableSchema = z.object({
  version: z.literal(1),
  categories: z
    .array(
      z.object({
        code: categoryCode,
        label: labelSchema,
        items: z.array(z.object({ code: itemCode, label: labelSchema, leadDepartment: labelSchema })).min(1),
      }),
    )
    .min(1),
})

/** Reads and checks a category table; throws an Error naming every problem found. */
export function parseCategoryTable(json: unknown): Category[] {
  const parsed = categoryTableSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new Error(`Invalid category table: ${problems.join('; ')}`)
  }
  const problems: string[] = []
  const seen = new Set<string>()
  for (const category of parsed.data.categories) {
    for (const code of [category.code, ...category.items.map((item) => item.code)]) {
      if (seen.has(code)) problems.push(`duplicate code "${code}"`)
      seen.add(code)
    }
    for (const item of category.items) {
      if (!item.code.startsWith(`${category.code}.`)) {
        problems.push(`item code "${item.code}" does not start with "${category.code}."`)
      }
    }
  }
  if (problems.length > 0) throw new Error(`Invalid category table: ${problems.join('; ')}`)
  return parsed.data.categories
}

export const categories: Category[] = parseCategoryTable(table)

const categoryByCode = new Map(categories.map((c) => [c.code, c]))
const itemByCode = new Map(categories.flatMap((c) => c.items.map((i) => [i.code, { item: i, category: c }] as const)))

export function findItem(code: string): CategoryItem | undefined {
  return itemByCode.get(code)?.item
}

export function categoryOfItem(code: string): Category | undefined {
  return itemByCode.get(code)?.category
}

/** 牵头部门 of an item; '' if the item is unknown. */
export function leadDepartmentFor(itemCode: string, lang: Lang): string {
  return findItem(itemCode)?.leadDepartment[lang] ?? ''
}

/** Label of a category or item code; the code itself if unknown, so old records still show something. */
export function labelOf(code: string, lang: Lang): string {
  return (categoryByCode.get(code) ?? findItem(code))?.label[lang] ?? code
}

/** "为老 / 生活照料" for an item, the category label for a category, the code itself if unknown. */
export function itemPath(code: string, lang: Lang): string {
  const found = itemByCode.get(code)
  return found ? `${found.category.label[lang]} / ${found.item.label[lang]}` : labelOf(code, lang)
}
