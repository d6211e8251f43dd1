import { describe, expect, it } from 'vitest'
import { matchesQuery, searchKeysFor } from './pinyinMatch'

const finds = (name: string, query: string) => matchesQuery(searchKeysFor(name), query)

describe('finding a resident by name', () => {
  it('finds 张三 by its characters, full pinyin, a syllable or the initials', () => {
    for (const query of ['张三', '张', '三', 'zhangsan', 'zhang', 'san', 'zs']) {
      expect(finds('张三', query)).toBe(true)
    }
  })

  it('ignores case, surrounding spaces and spaces between syllables', () => {
    for (const query of ['ZS', ' Zhang ', 'zhang san', 'ZhangSan']) {
      expect(finds('张三', query)).toBe(true)
    }
  })

  it('finds everybody with an empty query', () => {
    expect(finds('张三', '')).toBe(true)
    expect(finds('张三', '   ')).toBe(true)
  })

  it('does not find 张三 by someone else\'s name or initials', () => {
    for (const query of ['李', 'lisi', 'zl', 'zhangshan', 'sz']) {
      expect(finds('张三', query)).toBe(false)
    }
  })

  it('reads polyphonic surnames as surnames: 单 shan, 曾 zeng, 仇 qiu, 尉迟 yuchi', () => {
    expect(finds('单田芳', 'shantianfang')).toBe(true)
    expect(finds('单田芳', 'stf')).toBe(true)
    expect(finds('单田芳', 'dan')).toBe(false)
    expect(finds('曾国藩', 'zengguofan')).toBe(true)
    expect(finds('仇英', 'qiuying')).toBe(true)
    expect(finds('尉迟恭', 'yuchigong')).toBe(true)
  })

  it('reads polyphones in given names from context: 长 in 长孙 is zhang, 乐 is the surname yue', () => {
    expect(finds('长孙无忌', 'zhangsun')).toBe(true)
    expect(finds('乐嘉', 'yuejia')).toBe(true)
  })

  it('finds 吕 by lv, as pinyin keyboards write ü, and by lu', () => {
    expect(finds('吕布', 'lvbu')).toBe(true)
    expect(finds('吕布', 'lubu')).toBe(true)
    expect(finds('吕布', 'lb')).toBe(true)
  })

  it('ignores the middle dot in names such as 买买提·艾力', () => {
    expect(finds('买买提·艾力', 'maimaitiaili')).toBe(true)
    expect(finds('买买提·艾力', 'mmtal')).toBe(true)
    expect(finds('买买提·艾力', '买买提·艾力')).toBe(true)
  })

  it('finds a name written in Latin letters as typed, in any case', () => {
    expect(finds('Tom Li', 'tomli')).toBe(true)
    expect(finds('Tom Li', 'tom li')).toBe(true)
  })

  it('does not match across the pinyin of one name and the initials after it', () => {
    // 张三's keys end "zhangsan" and "zs"; "sanzs" would only match if they were simply concatenated.
    expect(finds('张三', 'sanzs')).toBe(false)
  })

  it('gives an empty key for an empty name', () => {
    expect(searchKeysFor('  ')).toBe('')
  })

  it('keeps the keys lowercase', () => {
    const keys = searchKeysFor('张三')
    expect(keys).toBe(keys.toLowerCase())
    expect(keys.split('\u0001')).toEqual(['张三', 'zhangsan', 'zs'])
  })
})
