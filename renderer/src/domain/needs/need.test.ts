import { describe, expect, it } from 'vitest'
import { keysOf, resourcesOf } from '../../i18n'
import { idCardCheckChar } from '../personal'
import { stampEdit } from '../records'
import {
  correctedNeed,
  correctionOnto,
  checkNeedForm,
  NEED_EDITABLE_FIELDS,
  residentIdCard,
  trustedIdKey,
  DESCRIPTION_MAX,
  needDocId,
  newNeedDoc,
  shownIdCard,
  type FieldError,
  type NeedForm,
  type NeedFormInput,
} from './need'
import { leakingRoof } from '../../../../test/support/sampleNeeds'

const today = '2026-11-23'
const villages = ['星河村', '光明社区']

// The example printed in GB 11643-1999 (see idCard.test.ts).
const ID = '11010519491231002X'

const form = (overrides: Partial<NeedFormInput> = {}): NeedFormInput => ({
  residentName: '张三',
  phone: '13800138000',
  idCard: ID,
  village: '星河村',
  address: '星河村三组 12 号',
  categoryItem: 'elderly.daily-care',
  channel: 'window',
  urgency: 'normal',
  description: '老人独居，需要每周上门助餐',
  ...overrides,
})

const byField = (errors: FieldError[]) => [...errors].sort((a, b) => a.field.localeCompare(b.field))
const errorsOf = (input: NeedFormInput) => {
  const checked = checkNeedForm(input, today, villages)
  if (checked.ok) throw new Error('expected the form to be refused')
  return byField(checked.errors)
}
const valueOf = (input: NeedFormInput): NeedForm => {
  const checked = checkNeedForm(input, today, villages)
  if (!checked.ok) throw new Error(`expected the form to pass: ${JSON.stringify(checked.errors)}`)
  return checked.value
}

describe('checkNeedForm', () => {
  it('accepts a complete form', () => {
    expect(valueOf(form())).toEqual({
      residentName: '张三',
      phone: '13800138000',
      idCard: ID,
      village: '星河村',
      address: '星河村三组 12 号',
      categoryItem: 'elderly.daily-care',
      channel: 'window',
      urgency: 'normal',
      description: '老人独居，需要每周上门助餐',
    })
  })

  it('returns every field\'s problem at once, each under its field', () => {
    const errors = errorsOf({
      residentName: '  ',
      phone: '12345',
      idCard: '110105194912310021',
      village: '月亮村',
      address: '',
      categoryItem: '',
      channel: 'window',
      urgency: 'normal',
      description: ' ',
    })
    expect(errors).toEqual(
      byField([
        { field: 'residentName', message: 'need.error.nameRequired' },
        { field: 'phone', message: 'phone.invalid' },
        { field: 'idCard', message: 'idCard.checksum' },
        { field: 'village', message: 'need.error.villageUnknown' },
        { field: 'categoryItem', message: 'need.error.categoryRequired' },
        { field: 'description', message: 'need.error.descriptionRequired' },
      ]),
    )
  })

  it('reports an empty phone once, as empty rather than invalid', () => {
    expect(errorsOf(form({ phone: '  ' }))).toEqual([{ field: 'phone', message: 'phone.empty' }])
  })

  it('reports a missing village as required, not as unknown', () => {
    expect(errorsOf(form({ village: '' }))).toEqual([{ field: 'village', message: 'need.error.villageRequired' }])
  })

  it('refuses a village the station does not serve', () => {
    expect(errorsOf(form({ village: '月亮村' }))).toEqual([{ field: 'village', message: 'need.error.villageUnknown' }])
  })

  it('refuses a form without a category item or a description', () => {
    expect(errorsOf(form({ categoryItem: '', description: '' }))).toEqual([
      { field: 'categoryItem', message: 'need.error.categoryRequired' },
      { field: 'description', message: 'need.error.descriptionRequired' },
    ])
  })

  it('refuses a channel or urgency it does not know', () => {
    const input = form({ channel: 'fax', urgency: 'whenever' } as unknown as Partial<NeedFormInput>)
    expect(errorsOf(input)).toEqual([
      { field: 'channel', message: 'need.error.channelRequired' },
      { field: 'urgency', message: 'need.error.urgencyRequired' },
    ])
  })

  it('refuses an ID number with a wrong check character, a bad length, or a birth after today', () => {
    expect(errorsOf(form({ idCard: '110105194912310021' }))).toEqual([{ field: 'idCard', message: 'idCard.checksum' }])
    expect(errorsOf(form({ idCard: '1101051949' }))).toEqual([{ field: 'idCard', message: 'idCard.length' }])
    const first17 = '11010520261124001' // born the day after `today`
    expect(errorsOf(form({ idCard: first17 + idCardCheckChar(first17) }))).toEqual([
      { field: 'idCard', message: 'idCard.birthDate' },
    ])
  })

  it('accepts a form without an ID number', () => {
    expect(valueOf(form({ idCard: '' })).idCard).toBe('')
    expect(valueOf(form({ idCard: undefined })).idCard).toBe('')
    expect(valueOf(form({ idCard: '   ' })).idCard).toBe('')
  })

  it('refuses a name over 50 characters and an address over 200', () => {
    expect(errorsOf(form({ residentName: '张'.repeat(51), address: '路'.repeat(201) }))).toEqual([
      { field: 'address', message: 'need.error.addressTooLong' },
      { field: 'residentName', message: 'need.error.nameTooLong' },
    ])
    expect(valueOf(form({ residentName: '张'.repeat(50), address: '路'.repeat(200) })).residentName).toHaveLength(50)
  })

  it('accepts a description of exactly DESCRIPTION_MAX characters and refuses one more', () => {
    expect(DESCRIPTION_MAX).toBe(20_000)
    expect(valueOf(form({ description: '漏'.repeat(DESCRIPTION_MAX) })).description).toHaveLength(DESCRIPTION_MAX)
    expect(errorsOf(form({ description: '漏'.repeat(DESCRIPTION_MAX + 1) }))).toEqual([
      { field: 'description', message: 'need.error.descriptionTooLong' },
    ])
  })

  it('normalizes the phone number to its one stored form', () => {
    expect(valueOf(form({ phone: '+86 138-0013-8000' })).phone).toBe('13800138000')
    expect(valueOf(form({ phone: '１３８００１３８０００' })).phone).toBe('13800138000')
    expect(valueOf(form({ phone: '(0531) 8888 8888 转 123' })).phone).toBe('0531-88888888-123')
  })

  it('normalizes the ID number: spaces dropped, full-width digits read, x upper-cased', () => {
    expect(valueOf(form({ idCard: ' 110105 19491231 002x ' })).idCard).toBe(ID)
    expect(valueOf(form({ idCard: '１１０１０５１９４９１２３１００２Ｘ' })).idCard).toBe(ID)
  })

  it('trims the name, village and description', () => {
    const value = valueOf(form({ residentName: ' 张三 ', village: ' 光明社区 ', description: '  水管漏水  ' }))
    expect(value).toMatchObject({ residentName: '张三', village: '光明社区', description: '水管漏水' })
  })

  it('keeps a description full of markup exactly as typed: it is plain text, never interpreted', () => {
    const description =
      '<script>alert("同心")</script><img src=x onerror="alert(1)"> &amp; &lt;b&gt; \'; DROP TABLE needs; -- ${1+1} {{7*7}}\n第二行'
    expect(valueOf(form({ description })).description).toBe(description)
  })

  it('uses only keys the translations have', () => {
    const keys = new Set(keysOf(resourcesOf('zh-CN')))
    const inputs: NeedFormInput[] = [
      { residentName: '', phone: '', idCard: '1', village: '', categoryItem: '', channel: 'window', urgency: 'normal', description: '' },
      form({ residentName: '张'.repeat(51), phone: '123', idCard: '110105194912310021', village: '月亮村' }),
      form({ address: '路'.repeat(201), description: 'x'.repeat(DESCRIPTION_MAX + 1) }),
      form({ channel: 'fax', urgency: 'x' } as unknown as Partial<NeedFormInput>),
    ]
    for (const input of inputs) {
      for (const error of errorsOf(input)) expect(keys.has(error.message), error.message).toBe(true)
    }
  })
})

describe('newNeedDoc', () => {
  const actor = { by: '王芳', at: '2026-11-23T02:00:00.000Z' }
  const ids = { stationId: 'xinghe-01', ulid: '01JCNEED0000000000000000AB', number: '20261123-001' }

  it('files the need under its station with a sortable id, its number, and who registered it when', () => {
    const doc = newNeedDoc(valueOf(form()), ids, '2026-11-26', actor)
    expect(doc).toEqual({
      _id: 'need:xinghe-01:01JCNEED0000000000000000AB',
      type: 'need',
      schemaVersion: 1,
      stationId: 'xinghe-01',
      createdAt: actor.at,
      createdBy: '王芳',
      updatedAt: actor.at,
      updatedBy: '王芳',
      number: '20261123-001',
      registeredAt: actor.at,
      resident: { name: '张三', phone: '13800138000', idCard: ID },
      village: '星河村',
      address: '星河村三组 12 号',
      categoryItem: 'elderly.daily-care',
      channel: 'window',
      urgency: 'normal',
      description: '老人独居，需要每周上门助餐',
      dueDate: '2026-11-26',
    })
    expect(doc._id).toBe(needDocId('xinghe-01', ids.ulid))
  })

  it('stores no ID number field at all when none was given', () => {
    const doc = newNeedDoc(valueOf(form({ idCard: '' })), ids, '2026-11-26', actor)
    expect('idCard' in doc.resident).toBe(false)
  })
})

describe('shownIdCard', () => {
  it('shows the first 6 and last 4 characters of an ID number and masks the rest', () => {
    expect(shownIdCard({ resident: { name: '张三', phone: '13800138000', idCard: ID } })).toBe('110105********002X')
  })

  it('never shows the birth date', () => {
    expect(shownIdCard({ resident: { name: '张三', phone: '13800138000', idCard: ID } })).not.toContain('19491231')
  })

  it('shows nothing when no ID number was given', () => {
    expect(shownIdCard({ resident: { name: '张三', phone: '13800138000' } })).toBe('')
  })
})

describe('correctionOnto', () => {
  const shown: NeedForm = leakingRoof

  it('applies only what the clerk changed, keeping a change that arrived while the form was open', () => {
    const stored = { ...shown, address: '二组 8 号' } // synced in from another computer meanwhile
    const input = { ...shown, phone: '13900139000' }
    expect(correctionOnto(stored, shown, input)).toEqual({ ...shown, address: '二组 8 号', phone: '13900139000' })
  })

  it('is the stored details when nothing was changed', () => {
    const stored = { ...shown, urgency: 'urgent' as const }
    expect(correctionOnto(stored, shown, { ...shown })).toEqual(stored)
  })
})

describe('the hash of a need’s ID number', () => {
  const key = { keyId: 'station.xingfu.3f9a1c2b7d40', hmac: 'q1Zb0m3pYQe7rV7Xc0mN9rW6k1sT2uV3wX4yZ5a6b7c' }
  const actor = { by: '王芳', at: '2026-11-23T01:00:00.000Z' }
  const ids = { stationId: 'xingfu', ulid: '01JCNEED000000000000000001', number: '20261123-001' }
  const registered = newNeedDoc(valueOf(form()), ids, '2026-11-26', actor, key)

  it('is stored beside the ID number, and never without one', () => {
    expect(registered.resident).toEqual({ name: '张三', phone: '13800138000', idCard: ID, idKey: key })
    expect(newNeedDoc(valueOf(form({ idCard: '' })), ids, '2026-11-26', actor, key).resident).toEqual({ name: '张三', phone: '13800138000' })
    expect(residentIdCard(registered)).toBe(ID)
  })

  it('is trusted under the key that made it, and made again under any other key', () => {
    expect(trustedIdKey(registered, key.keyId)).toEqual(key)
    expect(trustedIdKey(registered, 'district.jinan.000000000001')).toBeNull()
    // Stored before hashes existed, or malformed: made again too.
    expect(trustedIdKey({ ...registered, resident: { ...registered.resident, idKey: undefined } }, key.keyId)).toBeNull()
    expect(trustedIdKey({ ...registered, resident: { ...registered.resident, idKey: { keyId: key.keyId, hmac: ID } } }, key.keyId)).toBeNull()
  })

  it('is made again once the ID number was ever corrected: a merge may pair one version’s number with another’s hash', () => {
    const other = '11010519800101001' + idCardCheckChar('11010519800101001')
    const editor = { ...actor, device: 'desk-1' }
    const { doc } = stampEdit(registered, correctedNeed(registered, valueOf(form({ idCard: other })), key), NEED_EDITABLE_FIELDS, editor)
    expect(doc.resident).toMatchObject({ idCard: other, idKey: key })
    expect(trustedIdKey(doc, key.keyId)).toBeNull()
    // A correction of anything else leaves the stored hash standing.
    const renamed = stampEdit(registered, correctedNeed(registered, valueOf(form({ residentName: '张三丰' })), key), NEED_EDITABLE_FIELDS, editor)
    expect(trustedIdKey(renamed.doc, key.keyId)).toEqual(key)
    // An ID number taken off takes its hash with it.
    expect(correctedNeed(registered, valueOf(form({ idCard: '' })), key).resident).toEqual({ name: '张三', phone: '13800138000' })
  })
})
