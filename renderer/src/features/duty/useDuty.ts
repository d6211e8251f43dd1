import { useStation } from '../../ui/session'
import { useLiveRead } from '../../ui/useLiveRead'
import {
  type DutyCheckDoc,
  type DutyNoteDoc,
  type DutyPattern,
  type DutySecretaryDoc,
  type DutyChangeDoc,
  type DutyPlanDoc,
  type RotaShift,
  rotaOf,
} from '../../domain/duty'

// Everything of 书记轮值 a screen shows, read at once and kept current as duty documents are written
// here or arrive by sync. A station's duty documents are few (a few hundred shifts a year).

export interface DutyData {
  secretaries: DutySecretaryDoc[]
  pattern: DutyPattern
  plans: DutyPlanDoc[]
  changes: DutyChangeDoc[]
  checks: DutyCheckDoc[]
  notes: DutyNoteDoc[]
  /** the final rota: plans with every change applied */
  rota: RotaShift[]
}

export function useDuty(): { data: DutyData | undefined; failure: string; reload(): void } {
  const { services, station } = useStation()
  const { value, failure, reload } = useLiveRead(async (): Promise<DutyData> => {
    const duty = services.duty
    const [secretaries, pattern, plans, changes, checks, notes] = await Promise.all([
      duty.secretaries(),
      duty.pattern(station.code),
      duty.plans(),
      duty.changes(),
      duty.checks(),
      duty.notes(),
    ])
    return { secretaries, pattern, plans, changes, checks, notes, rota: rotaOf(plans, changes) }
  }, ['duty'])
  return { data: value, failure, reload }
}
