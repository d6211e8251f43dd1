import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  planDuty,
  DEFAULT_DUTY_PATTERN,
  type DutySecretaryDoc,
  rotaOf,
  type DutyChangeDoc,
  type DutyPlanDoc,
} from '../../domain/duty'
import { createI18n } from '../../i18n'
import { buildDutyRotaWorkbook, DUTY_EXPORT_COLUMNS, dutyRotaRows } from './dutyExport'
import { periodOf, parsePeriod } from './dutyRotaPeriod'

// 值班表 as an XLSX file: the rows (pure) and the workbook they give.

const base = { type: 'dutySecretary' as const, schemaVersion: 1, stationId: 'xinghe-01', createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' }
const secretary = (id: string, name: string, village: string, phone: string): DutySecretaryDoc => ({
  ...base,
  _id: `dutySecretary:xinghe-01:${id}`,
  name,
  village,
  phone,
  active: true,
  unavailableWeekdays: [],
  leaves: [],
})
const li = secretary('A', '李书记', '星河村', '13800000001')
const zhang = secretary('B', '张书记', '东风村', '13800000002')
const secretaries = [li, zhang]

const planned = planDuty({ from: '2026-11-02', to: '2026-11-03', secretaries, pattern: DEFAULT_DUTY_PATTERN })
if (!planned.ok) throw new Error(planned.error)
const plan: DutyPlanDoc = {
  ...base,
  type: 'dutyPlan',
  _id: 'dutyPlan:xinghe-01:1',
  createdAt: '2026-10-25T01:00:00.000Z',
  ...planned.value,
}
// Monday morning's secretary hands it to the afternoon's, with a reason that looks like a formula.
const [mondayAm, mondayPm] = plan.shifts
const swap: DutyChangeDoc = {
  ...base,
  type: 'dutyChange',
  _id: 'dutyChange:xinghe-01:1',
  createdAt: '2026-10-30T02:00:00.000Z',
  at: '2026-10-30T02:00:00.000Z',
  by: '王芳',
  kind: 'swap',
  shiftKeys: [mondayAm!.key, mondayPm!.key],
  reason: '=1+1 村里开会',
}
const rota = rotaOf([plan], [swap])
const t = createI18n('zh-CN').t

describe('the rota file', () => {
  it('has a row per shift in date order: who holds it, their village and phone, who was planned, and the change', () => {
    const rows = dutyRotaRows(rota, rota, secretaries, t)
    expect(rows).toHaveLength(4)
    const holderAm = secretaries.find((s) => s._id === mondayPm!.secretaryId)!
    const plannedAm = secretaries.find((s) => s._id === mondayAm!.secretaryId)!
    expect(rows[0]).toEqual({
      date: '2026-11-02',
      weekday: '周一',
      shift: '08:30–12:00',
      secretary: holderAm.name,
      village: holderAm.village,
      phone: holderAm.phone,
      planned: plannedAm.name,
      changes: '与 11月2日 周一 14:00–17:30 互换 · 原因：=1+1 村里开会 · 王芳 于 2026-10-30 10:00 登记',
    })
    expect(rows[1]).toMatchObject({ shift: '14:00–17:30', secretary: plannedAm.name, planned: holderAm.name })
    expect(rows[2]).toMatchObject({ date: '2026-11-03', weekday: '周二', planned: '', changes: '' })
  })

  it('writes them under a Chinese title and headers, text as text (never a formula), with the duty phone below', async () => {
    const rows = dutyRotaRows(rota, rota, secretaries, t)
    const data = await buildDutyRotaWorkbook(rows, {
      t,
      lang: 'zh-CN',
      title: '星河党群服务驿站 2026年11月 书记轮值表',
      footer: '值班电话：0531-88886666',
      stationName: '星河党群服务驿站',
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('书记轮值表')
    expect(sheet.getCell(1, 1).value).toBe('星河党群服务驿站 2026年11月 书记轮值表')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['日期', '星期', '班次', '值班书记', '所在村（社区）', '联系电话', '原排班书记', '代班/换班记录'])
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toHaveLength(DUTY_EXPORT_COLUMNS.length)
    const changes = sheet.getRow(3).getCell(8)
    expect(changes.type).toBe(ExcelJS.ValueType.String)
    expect(changes.formula).toBeUndefined()
    expect(String(changes.value)).toContain('原因：=1+1 村里开会')
    expect(sheet.getRow(3).getCell(6).value).toBe(secretaries.find((s) => s._id === mondayPm!.secretaryId)!.phone)
    expect(sheet.getCell(8, 1).value).toBe('值班电话：0531-88886666')
  })
})

describe('the periods', () => {
  it('this week and next week run Monday to Sunday; a month from its first to its last day', () => {
    const sunday = '2026-11-08'
    expect(periodOf(parsePeriod('thisWeek', sunday), sunday)).toMatchObject({ from: '2026-11-02', to: '2026-11-08', month: '2026-11' })
    expect(periodOf(parsePeriod('nextWeek', sunday), sunday)).toMatchObject({ from: '2026-11-09', to: '2026-11-15', fileLabel: '2026-11-09至2026-11-15' })
    expect(periodOf(parsePeriod('2026-02', sunday), sunday)).toMatchObject({ from: '2026-02-01', to: '2026-02-28', fileLabel: '2026-02' })
    expect(periodOf(parsePeriod('2026-12', sunday), sunday)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodOf(parsePeriod(null, sunday), sunday)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' })
    expect(parsePeriod('2026-13', sunday)).toEqual({ kind: 'month', month: '2026-11' })
  })
})
