import type { NeedForm } from '../../renderer/src/domain/needs'

// Needs for tests that place them in time exactly: ids whose ULID time part is a chosen instant.

const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID with the time part of `ms` and a counter `n` in place of randomness (sortable, repeatable). */
export function ulidAt(ms: number, n: number): string {
  let time = ''
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = B32[t % 32] + time
  return time + String(n).padStart(16, '0')
}

/** The i-th resident's form: distinct names, phones and descriptions. */
export const residentForm = (i: number, fields: Partial<NeedForm> = {}): NeedForm => ({
  residentName: `居民${i}`,
  phone: `139${String(10_000_000 + i)}`,
  idCard: '',
  village: '星河村',
  address: '',
  categoryItem: 'other.other',
  channel: 'window',
  urgency: 'normal',
  description: `第 ${i} 件`,
  ...fields,
})

/** 张三's leaking roof: the one need the correction and conflict tests edit. */
export const leakingRoof: NeedForm = {
  residentName: '张三',
  phone: '13800138000',
  idCard: '',
  village: '星河村',
  address: '一组 3 号',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: '屋顶漏雨',
}

/** A need brought to the secretary on duty (书记轮值). */
export const dutyNeed = (residentName: string, description: string): NeedForm => ({
  ...leakingRoof,
  residentName,
  phone: '13900139000',
  address: '',
  channel: 'dutySecretary',
  description,
})
