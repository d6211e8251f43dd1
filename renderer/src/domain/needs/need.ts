import { z } from 'zod'
import { checkIdCard, maskIdCard, checkPhone, idCardForKey, isIdKey, type IdKey } from '../personal'
import { type Editable, recordBase, type Actor, type RecordBase } from '../records'

// 群众诉求 / 微心愿: one resident's need, registered at the desk.

/** 受理渠道 */
export const NEED_CHANNELS = ['window', 'phone', 'gridVisit', 'dutySecretary', 'microWish'] as const
export type NeedChannel = (typeof NEED_CHANNELS)[number]

/** 紧急程度 */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Longest description we accept: a page of text is plenty, more is almost surely a paste gone wrong. */
export const DESCRIPTION_MAX = 20_000

/** What the clerk types; messages are i18n keys. */
export const needFormSchema = z.object({
  residentName: z.string().trim().min(1, 'need.error.nameRequired').max(50, 'need.error.nameTooLong'),
  phone: z.string().trim().min(1, 'phone.empty'),
  idCard: z.string().trim().optional().default(''),
  village: z.string().trim().min(1, 'need.error.villageRequired'),
  address: z.string().trim().max(200, 'need.error.addressTooLong').optional().default(''),
  categoryItem: z.string().min(1, 'need.error.categoryRequired'),
  channel: z.enum(NEED_CHANNELS, { error: 'need.error.channelRequired' }),
  urgency: z.enum(URGENCIES, { error: 'need.error.urgencyRequired' }),
  description: z
    .string()
    .trim()
    .min(1, 'need.error.descriptionRequired')
    .max(DESCRIPTION_MAX, 'need.error.descriptionTooLong'),
})

export type NeedFormInput = z.input<typeof needFormSchema>
export type NeedForm = z.output<typeof needFormSchema>

export interface FieldError {
  field: keyof NeedForm
  /** i18n key */
  message: string
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

/**
 * Validates a registration form. Returns every problem at once, so the clerk can fix them in one go.
 * `today` (YYYY-MM-DD) bounds ID birth dates.
 */
export function checkNeedForm(input: NeedFormInput, today: string, villages: string[]): Checked<NeedForm> {
  const parsed = needFormSchema.safeParse(input)
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: issue.path[0] as keyof NeedForm, message: issue.message }))
  const has = (field: keyof NeedForm) => errors.some((e) => e.field === field)

  const phone = checkPhone(input.phone ?? '')
  if (!has('phone') && !phone.ok) errors.push({ field: 'phone', message: phone.error })

  const idText = (input.idCard ?? '').trim()
  const id = idText ? checkIdCard(idText, today) : null
  if (id && !id.ok) errors.push({ field: 'idCard', message: id.error })

  if (!has('village') && input.village && !villages.includes(input.village.trim())) {
    errors.push({ field: 'village', message: 'need.error.villageUnknown' })
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors }
  return {
    ok: true,
    value: {
      ...parsed.data,
      phone: phone.ok ? phone.value : parsed.data.phone,
      idCard: id?.ok ? id.value : '',
    },
  }
}

export interface NeedDoc extends RecordBase, Editable {
  type: 'need'
  /** 诉求编号, per station, for people; never a key */
  number: string
  registeredAt: string
  /** `idKey`: the keyed hash of `idCard` (domain/personal/idKey.ts), what earlier visits are found by */
  resident: { name: string; phone: string; idCard?: string; idKey?: IdKey }
  village: string
  address: string
  categoryItem: string
  channel: NeedChannel
  urgency: Urgency
  description: string
  /** YYYY-MM-DD: the last day it may be resolved on (三天内) */
  dueDate: string
  /** the duty shift (书记轮值) it was registered in: it goes to that shift's secretary and log */
  dutyShiftKey?: string
}

/** Sortable and collision-free across stations; the ulid is made by the caller (it reads the clock). */
export const needDocId = (stationId: string, ulid: string) => `need:${stationId}:${ulid}`

/** `idKey`: the hash of the form's ID number, made by the caller (hashing is asynchronous: data/idKeys.ts). */
export function newNeedDoc(
  form: NeedForm,
  ids: { stationId: string; ulid: string; number: string },
  dueDate: string,
  actor: Actor,
  idKey?: IdKey,
): NeedDoc {
  return {
    ...recordBase('need', needDocId(ids.stationId, ids.ulid), ids.stationId, actor),
    type: 'need',
    number: ids.number,
    registeredAt: actor.at,
    ...registrationDetails(form, idKey),
    dueDate,
  }
}

/** The fields of a need that the registration form fills in (and a correction replaces). A hash goes only with an ID. */
const registrationDetails = (form: NeedForm, idKey?: IdKey) => ({
  resident: {
    name: form.residentName,
    phone: form.phone,
    ...(form.idCard ? { idCard: form.idCard } : {}),
    ...(form.idCard && idKey ? { idKey } : {}),
  },
  village: form.village,
  address: form.address,
  categoryItem: form.categoryItem,
  channel: form.channel,
  urgency: form.urgency,
  description: form.description,
})

/** How an ID number is shown anywhere on screen or paper. */
export const shownIdCard = (need: Pick<NeedDoc, 'resident'>) =>
  need.resident.idCard ? maskIdCard(need.resident.idCard) : ''

/** The registration details a clerk may correct later (更正登记信息); each merges on its own. */
export const NEED_EDITABLE_FIELDS = [
  'resident.name',
  'resident.phone',
  'resident.idCard',
  'village',
  'address',
  'categoryItem',
  'channel',
  'urgency',
  'description',
] as const

/**
 * The need with its registration details replaced by a checked form (stamping is the caller's: stampEdit),
 * and `idKey` the hash of the form's ID number. The hash is no edited field of its own: it follows the ID.
 */
export function correctedNeed(need: NeedDoc, form: NeedForm, idKey?: IdKey): NeedDoc {
  return { ...need, ...registrationDetails(form, idKey) }
}

/** A need's ID number in the form that is hashed, or null (no number, or none of that shape: needs come from any peer). */
export const residentIdCard = (need: NeedDoc): string | null => idCardForKey(need.resident?.idCard)

/**
 * The hash stored on a need, when it can stand for the need's ID number under the key `keyId`: made with
 * that key, and the ID never corrected. A correction stamps `resident.idCard`, and a merge of two versions
 * takes the ID from the version that edited it last but the rest of `resident` (the hash with it) from the
 * version PouchDB shows: after a correction the hash is made again from the ID itself.
 */
export function trustedIdKey(need: NeedDoc, keyId: string): IdKey | null {
  const stored = need.resident?.idKey
  if (!residentIdCard(need) || !isIdKey(stored) || stored.keyId !== keyId) return null
  return need.fieldStamps?.['resident.idCard'] ? null : stored
}

/** The form a correction starts from: what is stored now. */
export const needFormOf = (need: NeedDoc): NeedForm => ({
  residentName: need.resident.name,
  phone: need.resident.phone,
  idCard: need.resident.idCard ?? '',
  village: need.village,
  address: need.address,
  categoryItem: need.categoryItem,
  channel: need.channel,
  urgency: need.urgency,
  description: need.description,
})

/**
 * What a correction asks for, laid onto what is stored now: the fields the clerk changed from `shown`
 * (the details as the form opened) take the form's value, the others keep the stored one. So a change
 * that sync brought in while the form was open is not put back to what the form still showed.
 */
export function correctionOnto(stored: NeedForm, shown: NeedFormInput, input: NeedFormInput): NeedFormInput {
  const result: Record<string, unknown> = { ...stored }
  for (const key of Object.keys(input) as (keyof NeedFormInput)[]) {
    if ((input[key] ?? '') !== (shown[key] ?? '')) result[key] = input[key]
  }
  return result as NeedFormInput
}
