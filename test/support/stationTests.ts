// The hooks of an integration test file whose tests open whole stations as the app runs them: PouchDB on
// IndexedDB (fake-indexeddb here), the read model and the device store, each closed after its test.
import PouchDB from 'pouchdb-browser'
import { afterEach } from 'vitest'
import { openLocalDb } from '../../renderer/src/data/localDb'
import { startServices, type Services } from '../../renderer/src/app/startServices'
import type { StationDoc, StationForm } from '../../renderer/src/domain/station'

const IdbPouch = PouchDB.defaults({ adapter: 'idb' }) as PouchDB.Static

/** `name` keeps each file's databases apart; every station opened is set up from `form`, saved by 王芳 at `savedAt`. */
export function stationTests(name: string, form: StationForm, savedAt: string) {
  let made = 0
  const open: Services[] = []
  afterEach(async () => {
    for (const services of open.splice(0)) await services.close()
  })
  return {
    async openStation(): Promise<{ services: Services; station: StationDoc }> {
      const names = {
        db: `${name}-${process.pid}-${++made}`,
        readModel: `${name}-read-${made}`,
        device: `${name}-device-${made}`,
        // PINs hash with few iterations here: the tests are about who may do what, not hashing speed (see the bench).
        pinIterations: 1000,
      }
      const services = await startServices(names, openLocalDb(names.db, IdbPouch))
      open.push(services)
      const saved = await services.stations.save(form, { by: '王芳', at: savedAt })
      if (!saved.ok) throw new Error('station refused')
      return { services, station: saved.value }
    },
  }
}
