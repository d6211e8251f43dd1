import { z } from 'zod'
import type { DeadlineMode } from './deadline'
import { recordBase, type Actor, type RecordBase } from './records'

// 驿站设置: set up on first run, editable later (except the code, which is part of every record id).
export const stationFormSchema = z.object({
  name: z.string().trim().min(1, 'station.error.nameRequired').max(100, 'station.error.tooLong'),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'station.error.codeFormat'),
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

export interface StationDoc extends RecordBase, Omit<StationForm, 'deadlineMode'> {
  type: 'station'
  deadlineMode: DeadlineMode
}

export const stationDocId = (code: string) => `station:${code}`

export const defaultStationForm: StationForm = {
  name: '',
  code: '',
  phone: '',
  villages: [],
  staff: [],
  deadlineDays: 3,
  deadlineMode: 'calendar',
}

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
