import { useSyncExternalStore } from 'react'
import { useSession } from './session'

/** The ledger store, re-rendering the caller whenever a write (local or synced) reaches the read model. */
export function useLedger() {
  const { ledger } = useSession().services
  const version = useSyncExternalStore(ledger.subscribe, ledger.getVersion)
  return { ledger, version }
}
