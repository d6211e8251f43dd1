import { monotonicFactory } from 'ulid'
import { localDate } from '../domain/calendar'
import { stampEdit, recordBase } from '../domain/records'
import {
  checkCaseForm,
  newMediationCase,
  nextCaseNumber,
  shownCaseNumber,
  type CaseFieldError,
  type CaseFormInput,
  type MediationCaseDoc,
  caseState,
  checkSession,
  checkStep,
  type CaseAccessDoc,
  type CaseState,
  type CaseStepDoc,
  type CaseStepInput,
  type MediationSessionDoc,
  MEDIATION_TEAM_FIELDS,
  SEED_TEAMS,
  mediationTeamId,
  type MediationTeamDoc,
  teamLeadsOf,
  awaitsAcceptance,
} from '../domain/mediation'
import { newNeedEventDoc } from '../domain/needs'
import { canOpenCaseFile } from '../domain/people'
import type { AuditRepository } from './auditRepository'
import type { CommandContext, CommandResult } from './command'
import { docsByPrefix, getOrNull, type LocalDb } from './localDb'
import type { NeedRepository } from './needRepository'

// Commands and reads of 矛盾纠纷调处. A station's cases are a few hundred a year, so they are read
// straight from PouchDB by id prefix. Every command checks with the domain and writes one document
// (a case converted from a need also records the referral on the need's timeline).

/** A case with everything that hangs off it. */
export interface CaseFile {
  caseDoc: MediationCaseDoc
  steps: CaseStepDoc[]
  sessions: MediationSessionDoc[]
  accesses: CaseAccessDoc[]
  state: CaseState
}

/** Documents hanging off a case sort together: `<type>:<station>:<caseUlid>:<ulid>`. */
const childPrefix = (type: string, caseId: string) => `${type}:${caseId.slice('mediationCase:'.length)}:`

export class MediationRepository {
  private readonly ulid = monotonicFactory()

  constructor(
    private readonly db: LocalDb,
    private readonly needs: NeedRepository,
    private readonly device: string,
    private readonly audit: AuditRepository,
  ) {}

  /** Every case file, newest first. */
  async cases(): Promise<CaseFile[]> {
    const [cases, steps, sessions, accesses] = await Promise.all([
      docsByPrefix<MediationCaseDoc>(this.db, 'mediationCase:'),
      docsByPrefix<CaseStepDoc>(this.db, 'mediationStep:'),
      docsByPrefix<MediationSessionDoc>(this.db, 'mediationSession:'),
      docsByPrefix<CaseAccessDoc>(this.db, 'mediationAccess:'),
    ])
    const of = <T extends { caseId: string }>(list: T[], id: string) => list.filter((doc) => doc.caseId === id)
    return cases
      .map((caseDoc) => {
        const caseSteps = of(steps, caseDoc._id)
        return { caseDoc, steps: caseSteps, sessions: of(sessions, caseDoc._id), accesses: of(accesses, caseDoc._id), state: caseState(caseSteps) }
      })
      .sort((a, b) => b.caseDoc.receivedAt.localeCompare(a.caseDoc.receivedAt))
  }

  async caseFile(caseId: string): Promise<CaseFile | null> {
    const caseDoc = await getOrNull<MediationCaseDoc>(this.db, caseId)
    if (!caseDoc) return null
    const [steps, sessions, accesses] = await Promise.all([
      docsByPrefix<CaseStepDoc>(this.db, childPrefix('mediationStep', caseId)),
      docsByPrefix<MediationSessionDoc>(this.db, childPrefix('mediationSession', caseId)),
      docsByPrefix<CaseAccessDoc>(this.db, childPrefix('mediationAccess', caseId)),
    ])
    return { caseDoc, steps, sessions, accesses, state: caseState(steps) }
  }

  /** The cases converted from a need: the need's side of the link. */
  async casesOfNeed(needId: string): Promise<MediationCaseDoc[]> {
    return (await docsByPrefix<MediationCaseDoc>(this.db, 'mediationCase:')).filter((c) => c.needId === needId)
  }

  /** 受理: takes in a case; one converted from a need also refers the need on to mediation. */
  async intake(input: CaseFormInput, ctx: CommandContext): Promise<CommandResult<MediationCaseDoc, CaseFieldError>> {
    const checked = checkCaseForm(input, localDate(ctx.at))
    if (!checked.ok) return checked
    const need = checked.value.source === 'need' ? await this.needs.get(checked.value.needId) : null
    if (checked.value.source === 'need' && !need) return { ok: false, error: 'mediation.error.needNotFound' }
    const year = localDate(ctx.at).slice(0, 4)
    const numbers = (await docsByPrefix<MediationCaseDoc>(this.db, 'mediationCase:')).map((c) => c.number).filter((n) => n.startsWith(`${year}-`)).sort()
    const number = nextCaseNumber(year, numbers.pop() ?? null)
    const caseDoc = newMediationCase(checked.value, { stationId: ctx.station.code, ulid: this.ulid(Date.parse(ctx.at)), number }, ctx)
    await this.db.put(caseDoc)
    if (need) {
      const referral = newNeedEventDoc(
        need,
        this.ulid(Date.parse(ctx.at)),
        { kind: 'refer', to: `矛盾纠纷调处 ${shownCaseNumber(number)}`, reason: checked.value.summary.slice(0, 200), caseId: caseDoc._id },
        ctx,
      )
      await this.db.put(referral)
    }
    return { ok: true, value: caseDoc }
  }

  /** A step of the case (assign, accept, agree, fail, withdraw, perform, follow up, close). */
  async step(caseId: string, input: CaseStepInput, ctx: CommandContext): Promise<CommandResult<CaseStepDoc>> {
    const file = await this.caseFile(caseId)
    if (!file) return { ok: false, error: 'mediation.error.caseNotFound' }
    const error = checkStep(file.state, input) ?? awaitsAcceptance(file.state, input.kind)
    if (error) return { ok: false, error }
    // 接受: the mediator themselves, signed in; or an administrator for them (the step's `by` says who).
    if (input.kind === 'accept' && !(ctx.person && (ctx.person.name === input.mediator || ctx.person.roles.includes('admin')))) {
      return { ok: false, error: 'mediation.error.acceptAsYourself' }
    }
    const id = `${childPrefix('mediationStep', caseId)}${this.ulid(Date.parse(ctx.at))}`
    const doc = { ...recordBase('mediationStep', id, ctx.station.code, ctx), type: 'mediationStep', caseId, at: ctx.at, by: ctx.by, ...input } as CaseStepDoc
    await this.db.put(doc)
    return { ok: true, value: doc }
  }

  /** 调解记录: one session. */
  async session(
    caseId: string,
    session: { date: string; place: string; attendees: string[]; record: string },
    ctx: CommandContext,
  ): Promise<CommandResult<MediationSessionDoc>> {
    const file = await this.caseFile(caseId)
    if (!file) return { ok: false, error: 'mediation.error.caseNotFound' }
    const error = checkSession(file.caseDoc, file.state, session) ?? awaitsAcceptance(file.state, 'session')
    if (error) return { ok: false, error }
    const id = `${childPrefix('mediationSession', caseId)}${this.ulid(Date.parse(ctx.at))}`
    const doc: MediationSessionDoc = {
      ...recordBase('mediationSession', id, ctx.station.code, ctx),
      type: 'mediationSession',
      caseId,
      date: session.date,
      place: session.place.trim(),
      attendees: session.attendees.map((a) => a.trim()).filter(Boolean),
      record: session.record.trim(),
    }
    await this.db.put(doc)
    return { ok: true, value: doc }
  }

  /**
   * 查阅案卷: opens the case's full details to the administrator, the case's own mediators and their team
   * leads only (domain/people canOpenCaseFile), and records who opened it and when, on the case and in the
   * audit trail.
   */
  async open(caseId: string, ctx: CommandContext): Promise<CommandResult<CaseAccessDoc>> {
    const file = await this.caseFile(caseId)
    if (!file) return { ok: false, error: 'mediation.error.caseNotFound' }
    const mediators = file.state.mediators.map((m) => m.name)
    if (!ctx.person || !canOpenCaseFile(ctx.person, mediators, teamLeadsOf(await this.teams(ctx), file.state.mediators))) {
      return { ok: false, error: 'mediation.error.notYourCase' }
    }
    const id = `${childPrefix('mediationAccess', caseId)}${this.ulid(Date.parse(ctx.at))}`
    const doc: CaseAccessDoc = { ...recordBase('mediationAccess', id, ctx.station.code, ctx), type: 'mediationAccess', caseId, at: ctx.at, by: ctx.by }
    await this.db.put(doc)
    await this.audit.record(ctx.station.code, { action: 'caseFileOpened', target: caseId }, { personId: ctx.person.id, personName: ctx.by }, ctx.at)
    return { ok: true, value: doc }
  }

  /** The mediation teams; the two seed teams (银龄, 巾帼) are written the first time they are asked for. */
  async teams(ctx: CommandContext): Promise<MediationTeamDoc[]> {
    const stored = await docsByPrefix<MediationTeamDoc>(this.db, 'mediationTeam:')
    if (stored.length > 0) return stored
    // Fixed ids: two computers seeding at once write the same documents, which merge.
    const seeded = SEED_TEAMS.map((team) => ({
      ...recordBase('mediationTeam', mediationTeamId(ctx.station.code, team.key), ctx.station.code, { by: ctx.by, at: ctx.at }),
      type: 'mediationTeam' as const,
      name: team.name,
      members: team.members,
    }))
    await this.db.bulkDocs(seeded)
    return docsByPrefix<MediationTeamDoc>(this.db, 'mediationTeam:')
  }

  /** Renames a team or changes its members. */
  async saveTeam(team: MediationTeamDoc, ctx: CommandContext): Promise<CommandResult<MediationTeamDoc>> {
    if (!team.name.trim()) return { ok: false, error: 'mediation.error.teamNameRequired' }
    const existing = await getOrNull<MediationTeamDoc>(this.db, team._id)
    if (!existing) return { ok: false, error: 'mediation.error.teamNotFound' }
    const members = team.members
      .map((m) => ({ name: m.name.trim(), phone: m.phone.trim(), ...(m.lead ? { lead: true } : {}) }))
      .filter((m) => m.name)
    const { doc, changed } = stampEdit(existing, { ...existing, name: team.name.trim(), members }, MEDIATION_TEAM_FIELDS, { by: ctx.by, at: ctx.at, device: this.device })
    if (changed.length > 0) await this.db.put(doc)
    return { ok: true, value: doc }
  }
}
