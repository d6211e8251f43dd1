// Residents' personal data: ID numbers, phone numbers, and finding a name by pinyin initials.
export * from './idCard'
export * from './idKey'
export * from './phone'
export * from './pinyinMatch'
