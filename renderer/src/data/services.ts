import type { LedgerRow } from '../domain/ledger'
import type { StationDoc } from '../domain/station'
import { BatchSync } from '../sync/batchSync'
import { ConflictResolver } from '../sync/conflictResolver'
import { StationSync } from '../sync/stationSync'
import { ConflictRepository } from './conflictRepository'
import { DutyRepository } from './dutyRepository'
import { MediationRepository } from './mediationRepository'
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
  /** 书记轮值: roster, plans, changes, check-ins, duty log */
  duty: DutyRepository
  /** 矛盾纠纷调处: cases, their steps, sessions and teams */
  mediation: MediationRepository
  /** Conflict records for the technicians' screen */
  conflicts: ConflictRepository
  /** Merges documents two computers edited apart, as sync brings them */
  conflictResolver: ConflictResolver
  /** Live sync with the central server; started by the app once its settings are saved */
  sync: StationSync
  /** 立即同步: one-off batch sync; stops the live sync while it runs */
  batch: BatchSync
  /**
   * What the first screen needs, read before PouchDB was opened (see startServices): the read model's copy
   * of the station settings, and this device's settings.
   */
  startup: { station: StationDoc | null; prefs: ReadonlyMap<string, unknown> }
  /** Resolves once PouchDB is open and the read model has caught up with it; rejects if it cannot open. */
  started: Promise<void>
  /** Throws the read model away and rebuilds it from PouchDB; returns documents read. */
  rebuildReadModel(): Promise<number>
  close(): Promise<void>
}

export interface ServiceNames {
  db?: string
  readModel?: string
  device?: string
}

/**
 * Opens everything. PouchDB counts its documents each time it opens, and IndexedDB serves one request at
 * a time for the whole app: with 200,000 documents that is seconds in which nothing else is read. So when
 * it opens PouchDB itself (the app), it first reads what the first screen needs (the newest ledger rows,
 * the station, this device's settings), then opens PouchDB and returns without waiting for it (`started`).
 * Given an open database (the tests), it waits until the projector has caught up, as it always did.
 */
export async function startServices(names: ServiceNames = {}, given?: LocalDb): Promise<Services> {
  const readModel = new ReadModel(names.readModel)
  const device = new DeviceStore(names.device)
  const ledger = new LedgerStore()
  // Only the newest rows are waited for: the rest load in the background (ledger.ready()), merged with
  // the batches that arrive meanwhile. The projector starts after this first read, so no batch slips past.
  const [, station, deviceId, prefs] = await Promise.all([
    ledger.load(readModel),
    readModel.station(),
    device.deviceId(),
    device.prefs.toArray(),
  ])
  const db = given ?? openLocalDb(names.db)
  let projector = new Projector(db, readModel)

  const follow = async () => {
    projector.onBatch((batch) => ledger.apply(batch))
    await projector.start()
  }
  const started = follow()
  if (given) await started
  else started.catch((error: unknown) => console.error('projector', error))

  // Merging waits until the ledger has caught up: it reads little, but IndexedDB serves one request at a time.
  const conflictResolver = new ConflictResolver(db)
  void started.then(() => conflictResolver.start(), () => undefined)

  const sync = new StationSync(db, device)
  const needs = new NeedRepository(db, readModel, deviceId)
  const services: Services = {
    db,
    readModel,
    device,
    ledger,
    get projector() {
      return projector
    },
    needs,
    stations: new StationRepository(db, deviceId),
    duty: new DutyRepository(db, deviceId),
    mediation: new MediationRepository(db, needs, deviceId),
    conflicts: new ConflictRepository(db),
    conflictResolver,
    sync,
    batch: new BatchSync(db, device, sync),
    startup: { station, prefs: new Map(prefs.map((pref) => [pref.key, pref.value])) },
    started,
    async rebuildReadModel() {
      projector.stop()
      await projector.idle()
      ledger.stop()
      // The rows the rebuild writes go to the ledger store as well: no need to read them back.
      const rows: LedgerRow[] = []
      const read = await rebuildReadModel(db, readModel, undefined, (page) => {
        for (const row of page) rows.push(row)
      })
      ledger.replaceAll(rows)
      projector = new Projector(db, readModel)
      await follow()
      return read
    },
    async close() {
      await services.batch.close()
      await services.sync.close()
      conflictResolver.stop()
      await conflictResolver.idle()
      projector.stop()
      await projector.idle()
      ledger.stop()
      readModel.close()
      device.close()
      await db.close()
    },
  }
  return services
}
