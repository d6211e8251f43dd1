import type { AuditRepository } from '../data/auditRepository'
import type { ConflictRepository } from '../data/conflictRepository'
import type { DeviceStore } from '../data/deviceStore'
import type { DutyRepository } from '../data/dutyRepository'
import type { LedgerStore } from '../data/ledgerStore'
import type { LocalDb } from '../data/localDb'
import type { MediationRepository } from '../data/mediationRepository'
import type { NeedRepository } from '../data/needRepository'
import type { PeopleRepository } from '../data/peopleRepository'
import type { PrivacyRepository } from '../data/privacyRepository'
import type { Projector } from '../data/projector'
import type { ReadModel } from '../data/readModel'
import type { StationRepository } from '../data/stationRepository'
import type { StationDoc } from '../domain/station'
import type { BatchSync } from '../sync/batchSync'
import type { ConflictResolver } from '../sync/conflictResolver'
import type { StationSync } from '../sync/stationSync'

// Everything the screens use, as one handle. The top room (app/startServices.ts) wires it once:
// PouchDB → projector → read model → ledger store, the repositories and sync.

export interface Services {
  db: LocalDb
  readModel: ReadModel
  device: DeviceStore
  ledger: LedgerStore
  projector: Projector
  needs: NeedRepository
  stations: StationRepository
  /** 工作人员: accounts, roles, signing in by PIN */
  people: PeopleRepository
  /** 操作留痕: the audit trail */
  audit: AuditRepository
  /** showing or exporting residents' personal data: allowed roles only, each time recorded */
  privacy: PrivacyRepository
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
