import { pinyin } from 'pinyin-pro'
import { z } from 'zod'
import type { DeadlineMode } from '../calendar'
import { type Editable, recordBase, type Actor, type RecordBase } from '../records'
import { checkPhone } from '../personal'

/** What a station code looks like: part of every record id and of the station's database name on central. */
export const STATION_CODE = /^[a-z0-9][a-z0-9-]{1,31}$/

// 驿站设置: set up on first run, editable later (except the code, which is part of every record id).
export const stationFormSchema = z.object({
  name: z.string().trim().min(1, 'station.error.nameRequired').max(100, 'station.error.tooLong'),
  code: z
    .string()
    .trim()
    .regex(STATION_CODE, 'station.error.codeFormat'),
  phone: z.string().trim().max(40, 'station.error.tooLong'),
  villages: z
    .array(z.string().trim().min(1).max(60, 'station.error.tooLong'))
    .min(1, 'station.error.villagesRequired'),
  staff: z
    .array(z.string().trim().min(1).max(40, 'station.error.tooLong'))
    .min(1, 'station.error.staffRequired'),
  deadlineDays: z.number().int().min(1).max(30),
  deadlineMode: z.enum(['calendar', 'working']),
})

export type StationForm = z.infer<typeof stationFormSchema>

export interface StationDoc extends RecordBase, Editable, Omit<StationForm, 'deadlineMode'> {
  type: 'station'
  deadlineMode: DeadlineMode
}

export const stationDocId = (code: string) => `station:${code}`

/** The station's own database on the central server, named after its code (CouchDB's security is per database). */
export const stationDbName = (code: string): string => `station-${code}`

/** The CouchDB user provisioned for a station, offered as the default user name of its sync settings. */
export const defaultSyncUsername = (code: string): string => `station-${code}`

export const defaultStationForm: StationForm = {
  name: '',
  code: '',
  phone: '',
  villages: [],
  staff: [],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

/** The settings edited in 设置; each merges on its own when two computers change them apart. */
export const STATION_EDITABLE_FIELDS = ['name', 'phone', 'villages', 'staff', 'deadlineDays', 'deadlineMode'] as const

/** A new station document, or the next version of an existing one (the code never changes). */
export function stationDoc(form: StationForm, actor: Actor, existing?: StationDoc): StationDoc {
  const unique = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))]
  const base = existing ?? recordBase('station', stationDocId(form.code), form.code, actor)
  return {
    ...base,
    ...form,
    code: existing?.code ?? form.code,
    villages: unique(form.villages),
    staff: unique(form.staff),
    type: 'station',
    updatedAt: actor.at,
    updatedBy: actor.by,
  }
}

/** Where a station form went wrong; `message` is an i18n key. */
export interface StationFieldError {
  field: keyof StationForm
  message: string
}

export type CheckedStation = { ok: true; value: StationForm } | { ok: false; errors: StationFieldError[] }

/**
 * A list of names as a clerk types or pastes it: one a line (a column copied from a spreadsheet),
 * or separated by Chinese or ASCII commas, 、 or semicolons. Blanks and repeats are dropped.
 * Spaces are kept: they can be part of a name.
 */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[\r\n,，、;；]+/)
    .map((name) => name.trim())
    .filter(Boolean)
  return [...new Set(names)]
}

/** The list back as text for the form: one name a line. */
export const joinNames = (names: readonly string[]): string => names.join('\n')

/**
 * Validates the station form and returns it as it is stored: names trimmed and deduplicated, the
 * service phone (optional, printed on receipts) in its one stored form. Every problem is returned at once.
 */
export function checkStationForm(input: StationForm): CheckedStation {
  const candidate = { ...input, villages: splitNames(input.villages.join('\n')), staff: splitNames(input.staff.join('\n')) }
  const parsed = stationFormSchema.safeParse(candidate)
  const errors: StationFieldError[] = []
  const add = (field: keyof StationForm, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message })
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof StationForm
      // zod's own messages (a missing or non-integer number) are not i18n keys.
      add(field, field === 'deadlineDays' ? 'station.error.deadlineDays' : issue.message)
    }
  }
  const phoneText = (input.phone ?? '').trim()
  const phone = phoneText ? checkPhone(phoneText) : null
  if (phone && !phone.ok) add('phone', 'station.error.phone')

  if (!parsed.success || errors.length > 0) return { ok: false, errors }
  return { ok: true, value: { ...parsed.data, phone: phone?.ok ? phone.value : '' } }
}

/**
 * A code to start from, made from the station's name: pinyin initials of Chinese characters, letters
 * and digits as they are, anything else a hyphen (星河社区党群服务中心 → xhsqdqfwzx). The clerk may change it
 * before saving; '' when nothing usable is left.
 */
export function suggestStationCode(name: string): string {
  const text = name.trim()
  if (!text) return ''
  const code = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 32)
    .replace(/-+$/, '')
  return code.length >= 2 ? code : ''
}
