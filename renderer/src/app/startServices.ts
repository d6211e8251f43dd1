import type { LedgerRow } from '../domain/needs'
import { BatchSync } from '../sync/batchSync'
import { ConflictResolver } from '../sync/conflictResolver'
import { StationSync } from '../sync/stationSync'
import { AuditRepository } from '../data/auditRepository'
import { ConflictRepository } from '../data/conflictRepository'
import { DutyRepository } from '../data/dutyRepository'
import { MediationRepository } from '../data/mediationRepository'
import { DeviceStore } from '../data/deviceStore'
import { LedgerStore } from '../data/ledgerStore'
import { openLocalDb, type LocalDb } from '../data/localDb'
import { NeedRepository } from '../data/needRepository'
import { PeopleRepository } from '../data/peopleRepository'
import { PrivacyRepository } from '../data/privacyRepository'
import { Projector, rebuildReadModel } from '../data/projector'
import { ReadModel } from '../data/readModel'
import { StationRepository } from '../data/stationRepository'
import type { Services } from '../ui/services'

export type { Services }

// The composition root: everything the screens use (ui/services.ts), wired once: PouchDB → projector →
// read model → ledger store, the repositories, conflict merging and sync.

export interface ServiceNames {
  /** PBKDF2 iterations for new PIN hashes: fewer in tests, where hashing speed is not the point */
  pinIterations?: number
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
  const audit = new AuditRepository(db, deviceId)
  const services: Services = {
    db,
    readModel,
    device,
    ledger,
    get projector() {
      return projector
    },
    needs,
    stations: new StationRepository(db, deviceId, audit),
    people: new PeopleRepository(db, device, deviceId, audit, names.pinIterations),
    audit,
    privacy: new PrivacyRepository(db, audit),
    duty: new DutyRepository(db, deviceId),
    mediation: new MediationRepository(db, needs, deviceId, audit),
    conflicts: new ConflictRepository(db, deviceId, audit),
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
