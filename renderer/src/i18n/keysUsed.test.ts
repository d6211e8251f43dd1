import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keysOf, resourcesOf } from './index'
import { NEED_CHANNELS, URGENCIES, NEED_STATUSES, SATISFACTIONS } from '../domain/needs'
import { CASE_SOURCES, DISPUTE_TYPES, allowedSteps, CASE_STATUSES, REFERRALS } from '../domain/mediation'
import { ACTIONS, AUDIT_ACTIONS, PIN_PROBLEMS, ROLES } from '../domain/people'

// Every message the code can show must exist in the resources: a missing key would put a raw
// key like "need.error.nameRequired" in front of a clerk.

const src = join(import.meta.dirname, '..')
const known = new Set(keysOf(resourcesOf('zh-CN')))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Literal keys passed to t(), and i18n keys the domain returns as error messages. */
function keysIn(text: string): string[] {
  const called = [...text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)].map((m) => m[1]!)
  const returned = [...text.matchAll(/'((?:need|phone|idCard|lifecycle|station|duty|mediation|people)\.(?:error\.)?[a-zA-Z][\w.]*)'/g)].map((m) => m[1]!)
  // The permission table's actions ('need.view', 'people.manage') read like keys but are not messages.
  return [...called, ...returned.filter((key) => !(ACTIONS as readonly string[]).includes(key))]
}

describe('message keys', () => {
  it('every literal key used in the code has a translation', () => {
    const used = sourceFiles(src).flatMap((file) => keysIn(readFileSync(file, 'utf8')).map((key) => ({ file, key })))
    const isKnown = (key: string) => known.has(key) || [...known].some((k) => k.startsWith(`${key}.`))
    const missing = used.filter(({ key }) => !isKnown(key)).map(({ file, key }) => `${file.slice(src.length + 1)}: ${key}`)
    expect(used.length).toBeGreaterThan(20) // the scan itself works
    expect(missing).toEqual([])
  })

  it('every status, channel, urgency, satisfaction, due state, deadline mode, role, PIN refusal and audited action has a label', () => {
    const wanted = [
      ...NEED_STATUSES.map((s) => `status.${s}`),
      ...NEED_CHANNELS.map((c) => `channel.${c}`),
      ...URGENCIES.map((u) => `urgency.${u}`),
      ...SATISFACTIONS.map((s) => `satisfaction.${s}`),
      ...['closed', 'overdue', 'dueToday', 'dueSoon', 'onTrack'].map((d) => `due.${d}`),
      ...['assign', 'resolve', 'followUp', 'refer', 'decline'].map((e) => `lifecycle.error.notAllowed.${e}`),
      // 矛盾调处: labels built from the domain's lists, and the refusal of every step kind (notAllowed.<kind>)
      ...CASE_STATUSES.map((s) => `mediation.status.${s}`),
      ...DISPUTE_TYPES.map((d) => `mediation.disputeType.${d}`),
      ...CASE_SOURCES.map((c) => `mediation.source.${c}`),
      ...REFERRALS.map((r) => `mediation.referral.${r}`),
      ...[...new Set(CASE_STATUSES.flatMap(allowedSteps))].flatMap((k) => [`mediation.error.notAllowed.${k}`, `mediation.step.${k}`]),
      'deadlineMode.calendar',
      'deadlineMode.working',
      // 工作人员: every role and every reason a PIN is refused
      ...ROLES.map((r) => `people.role.${r}`),
      ...PIN_PROBLEMS.map((p) => p),
      // 操作留痕: every action the audit trail records, as the audit page names it
      ...AUDIT_ACTIONS.map((a) => `people.audit.action.${a}`),
    ]
    expect(wanted.filter((key) => !known.has(key))).toEqual([])
  })
})
