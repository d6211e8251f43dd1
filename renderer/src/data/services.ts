import { StationSync } from '../sync/stationSync'
import { DeviceStore } from './deviceStore'
import { LedgerStore } from './ledgerStore'
import { openLocalDb, type LocalDb } from './localDb'
import { NeedRepository } from './needRepository'
import { Projector, rebuildReadModel } from './projector'
import { ReadModel } from './readModel'
import { StationRepository } from './stationRepository'

// Everything the screens use, wired once: PouchDB → projector → read model → ledger store.

export interface Services {
  db: LocalDb
  readModel: ReadModel
  device: DeviceStore
  ledger: LedgerStore
  projector: Projector
  needs: NeedRepository
  stations: StationRepository
  /** Live sync with the central server; started by the app once its settings are saved */
  sync: StationSync
  /** Throws the read model away and rebuilds it from PouchDB; returns documents read. */
  rebuildReadModel(): Promise<number>
  close(): Promise<void>
}

export interface ServiceNames {
  db?: string
  readModel?: string
  device?: string
}

export async function startServices(names: ServiceNames = {}, db: LocalDb = openLocalDb(names.db)): Promise<Services> {
  const readModel = new ReadModel(names.readModel)
  const device = new DeviceStore(names.device)
  const ledger = new LedgerStore()
  let projector = new Projector(db, readModel)

  const follow = async () => {
    projector.onBatch((batch) => ledger.apply(batch))
    await projector.start()
  }
  await ledger.load(readModel)
  await follow()

  const services: Services = {
    db,
    readModel,
    device,
    ledger,
    get projector() {
      return projector
    },
    needs: new NeedRepository(db, readModel),
    stations: new StationRepository(db),
    sync: new StationSync(db, device),
    async rebuildReadModel() {
      projector.stop()
      await projector.idle()
      const read = await rebuildReadModel(db, readModel)
      await ledger.load(readModel)
      projector = new Projector(db, readModel)
      await follow()
      return read
    },
    async close() {
      await services.sync.close()
      projector.stop()
      await projector.idle()
      readModel.close()
      device.close()
      await db.close()
    },
  }
  return services
}
