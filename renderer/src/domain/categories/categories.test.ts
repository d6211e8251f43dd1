import { describe, expect, it } from 'vitest'
import table from '@resources/categories/wuwei.json'
import {
  categories,
  categoryOfItem,
  findItem,
  itemPath,
  labelOf,
  leadDepartmentFor,
  parseCategoryTable,
} from './categories'

/** A fresh, editable copy of the shipped table. */
const copy = () => structuredClone(table) as { version: number; categories: Array<Record<string, any>> }

describe('the shipped 五为 table', () => {
  it('parses', () => {
    expect(() => parseCategoryTable(table)).not.toThrow()
    expect(categories.length).toBe(6)
  })

  it('keeps the seed order and ends with 其他', () => {
    expect(categories.map((c) => c.label['zh-CN'])).toEqual([
      '为老',
      '为小',
      '为困难群体',
      '为需要心理疏导和情感慰藉群体',
      '为社会公共需要',
      '其他',
    ])
    const last = categories.at(-1)
    expect(last?.code).toBe('other')
    expect(last?.items.map((i) => i.code)).toEqual(['other.other'])
    expect(last?.items[0]?.leadDepartment['zh-CN']).toBe('党群服务中心')
  })

  it('gives every item a lead department in both languages', () => {
    for (const item of categories.flatMap((c) => c.items)) {
      expect(item.leadDepartment['zh-CN'], item.code).not.toBe('')
      expect(item.leadDepartment.en, item.code).not.toBe('')
    }
  })

  it('uses each code once, and item codes start with their category code', () => {
    const codes = categories.flatMap((c) => [c.code, ...c.items.map((i) => i.code)])
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of categories) for (const i of c.items) expect(i.code.startsWith(`${c.code}.`)).toBe(true)
  })
})

describe('a broken table', () => {
  it('is rejected when a code is used twice', () => {
    const t = copy()
    t.categories[0]!.items[1]!.code = t.categories[0]!.items[0]!.code
    expect(() => parseCategoryTable(t)).toThrow(/duplicate code "elderly.daily-care"/)
  })

  it('is rejected when two categories share a code', () => {
    const t = copy()
    t.categories[1]!.code = 'elderly'
    expect(() => parseCategoryTable(t)).toThrow(/duplicate code "elderly"/)
  })

  it('is rejected when an item code does not start with its category code', () => {
    const t = copy()
    t.categories[0]!.items[0]!.code = 'children.daily-care'
    expect(() => parseCategoryTable(t)).toThrow(/"children.daily-care" does not start with "elderly."/)
  })

  it('is rejected when a label is missing, naming where', () => {
    const t = copy()
    delete t.categories[2]!.items[0]!.label.en
    expect(() => parseCategoryTable(t)).toThrow(/categories\.2\.items\.0\.label\.en/)
  })

  it('is rejected when a lead department is blank', () => {
    const t = copy()
    t.categories[0]!.items[0]!.leadDepartment['zh-CN'] = '  '
    expect(() => parseCategoryTable(t)).toThrow(/leadDepartment\.zh-CN/)
  })

  it('is rejected when a code is not lowercase ASCII', () => {
    const t = copy()
    t.categories[0]!.code = '为老'
    expect(() => parseCategoryTable(t)).toThrow(/categories\.0\.code/)
  })

  it('is rejected when it is not a table at all', () => {
    expect(() => parseCategoryTable(null)).toThrow(/Invalid category table/)
    expect(() => parseCategoryTable({ version: 2, categories: [] })).toThrow(/version/)
  })
})

describe('lookups', () => {
  it('find an item and its category', () => {
    expect(findItem('elderly.daily-care')?.label['zh-CN']).toBe('生活照料')
    expect(categoryOfItem('hardship.legal-aid')?.code).toBe('hardship')
  })

  it('give the lead department in either language', () => {
    expect(leadDepartmentFor('hardship.legal-aid', 'zh-CN')).toBe('区司法局')
    expect(leadDepartmentFor('public.emergency-rescue', 'en')).toBe('District Emergency Management Bureau')
  })

  it('label both categories and items', () => {
    expect(labelOf('elderly', 'zh-CN')).toBe('为老')
    expect(labelOf('elderly', 'en')).toBe('For the elderly')
    expect(labelOf('children.job-training', 'zh-CN')).toBe('就业培训')
  })

  it('show an item as category / item', () => {
    expect(itemPath('elderly.daily-care', 'zh-CN')).toBe('为老 / 生活照料')
    expect(itemPath('other.other', 'en')).toBe('Other / Other')
    expect(itemPath('elderly', 'zh-CN')).toBe('为老')
  })

  it('fall back for unknown codes so old records still show something', () => {
    expect(findItem('elderly.gone')).toBeUndefined()
    expect(categoryOfItem('elderly.gone')).toBeUndefined()
    expect(categoryOfItem('elderly')).toBeUndefined()
    expect(leadDepartmentFor('elderly.gone', 'zh-CN')).toBe('')
    expect(labelOf('elderly.gone', 'zh-CN')).toBe('elderly.gone')
    expect(itemPath('elderly.gone', 'en')).toBe('elderly.gone')
  })
})
