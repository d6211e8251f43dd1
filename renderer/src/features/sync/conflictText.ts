import type { TFunction } from 'i18next'
import { itemPath, type Lang } from '../../domain/categories'
import { maskIdCard } from '../../domain/personal'

// How the conflict screen words a contested field: its label (the one the form that edits it uses) and
// its values, readable (a category's name, not its code; an ID number masked; a list as 星河村、东风村).

/** The label key of each field people edit, by the type of document; the form's own labels. */
export const FIELD_LABEL_KEYS: Record<string, Record<string, string>> = {
  need: {
    'resident.name': 'register.field.residentName',
    'resident.phone': 'register.field.phone',
    'resident.idCard': 'detail.idCard',
    village: 'register.field.village',
    address: 'register.field.address',
    categoryItem: 'detail.category',
    channel: 'register.field.channel',
    urgency: 'register.field.urgency',
    description: 'register.field.description',
  },
  station: {
    name: 'settings.field.name',
    phone: 'settings.field.phone',
    villages: 'settings.field.villages',
    staff: 'settings.field.staff',
    deadlineDays: 'settings.field.deadlineDays',
    deadlineMode: 'settings.field.deadlineMode',
  },
}

/** A field's label in the language on screen; the field's path itself for a field no form knows. */
export function fieldLabel(t: TFunction, docType: string, field: string): string {
  const key = FIELD_LABEL_KEYS[docType]?.[field]
  return key ? t(key) : field
}

/** Terms whose values are words of the app (受理渠道, 紧急程度, 计时方式): their i18n prefix. */
const TERMS: Record<string, string> = { channel: 'channel', urgency: 'urgency', deadlineMode: 'deadlineMode' }

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)

/** One value of a field as shown: '—' for none. */
export function fieldValueText(t: TFunction, lang: Lang, field: string, value: unknown): string {
  if (isEmpty(value)) return '—'
  if (Array.isArray(value)) return value.map(String).join('、')
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (field === 'resident.idCard') return maskIdCard(text)
  if (field === 'categoryItem') return itemPath(text, lang)
  if (field === 'deadlineDays') return t('conflicts.days', { count: Number(value) })
  const term = TERMS[field]
  return term ? t(`${term}.${text}`, { defaultValue: text }) : text
}
