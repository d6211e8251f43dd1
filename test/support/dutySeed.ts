// A station's 书记轮值 set up through the repository, for screen tests of the duty desk.
import type { Services } from '../../renderer/src/app/startServices'
import type { Weekday, RotaShift } from '../../renderer/src/domain/duty'
import type { StationDoc } from '../../renderer/src/domain/station'
import { china } from './chinaTime'

export interface SeedSecretary {
  name: string
  village: string
  phone: string
  unavailableWeekdays?: Weekday[]
}

export const SECRETARIES: SeedSecretary[] = [
  { name: '李书记', village: '星河村', phone: '13800000001' },
  { name: '张书记', village: '东风村', phone: '13800000002' },
  { name: '赵书记', village: '星河村', phone: '13800000003' },
]

/** Adds the secretaries and plans the period (planned on 2026-10-25); returns the final rota and a name lookup. */
export async function seedDuty(
  services: Services,
  station: StationDoc,
  { secretaries = SECRETARIES, from = '2026-11-01', to = '2026-11-30' }: { secretaries?: SeedSecretary[]; from?: string; to?: string } = {},
) {
  const ctx = { station, by: '王芳', at: china('2026-10-25T09:00:00') }
  for (const s of secretaries) {
    const saved = await services.duty.saveSecretary({ ...s, active: true, unavailableWeekdays: s.unavailableWeekdays ?? [], leaves: [] }, ctx)
    if (!saved.ok) throw new Error(`secretary ${s.name} refused`)
  }
  const planned = await services.duty.plan(from, to, ctx)
  if (!planned.ok) throw new Error('plan refused')
  const rota = await services.duty.rota()
  const all = await services.duty.secretaries()
  const nameOf = (shift: RotaShift | undefined) => all.find((s) => s._id === shift?.secretaryId)?.name
  const phoneOf = (shift: RotaShift | undefined) => all.find((s) => s._id === shift?.secretaryId)?.phone
  const shift = (key: string) => rota.find((s) => s.key === key)!
  return { rota, nameOf, phoneOf, shift }
}
