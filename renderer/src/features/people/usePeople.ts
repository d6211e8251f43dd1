import { clock } from '../../ui/clock'
import { useStation } from '../../ui/session'
import { useLiveRead, type LiveRead } from '../../ui/useLiveRead'
import type { PersonDoc } from '../../domain/people'

// The station's people for the 工作人员 page, active first, each with this desk's lock on their account.
// Kept current as accounts change here or arrive by sync; a desk's locks are this device's, read again by
// `reload` (after an unlock).

export interface PersonRow {
  person: PersonDoc
  /** until when the account is locked on this desk (ISO), or null */
  lockedUntil: string | null
}

const collator = new Intl.Collator('zh-CN')

export function usePeople(): LiveRead<PersonRow[]> {
  const { services } = useStation()
  return useLiveRead(async () => {
    const people = await services.people.list()
    const now = clock.now()
    const rows = await Promise.all(people.map(async (person) => ({ person, lockedUntil: await services.people.lockedUntil(person._id, now) })))
    return rows.sort((a, b) => Number(a.person.disabled) - Number(b.person.disabled) || collator.compare(a.person.name, b.person.name))
  }, ['person:'])
}
