import { describe, expect, it } from 'vitest'
import { ACTIONS, can, canOpenCaseFile, ROLES, type Action, type Role } from './roles'

// The permission table, written out again row by row as a station's administrator would read it: a change
// to who may do what has to change this page too.
const A = 'admin', C = 'clerk', D = 'dutySecretary', M = 'mediator', V = 'volunteerCoordinator', T = 'technician', L = 'leader'
const expected: Record<Action, Role[]> = {
  'need.view': [A, C, D, M, V],
  'need.register': [A, C, D],
  'need.handle': [A, C, D],
  'need.correct': [A, C, D],
  'personal.reveal': [A, C, D, M],
  'personal.export': [A, C],
  'duty.view': [A, C, D, M, V, T, L],
  'duty.plan': [A],
  'duty.attend': [A, D],
  'mediation.list': [A, C, D, M],
  'mediation.intake': [A, C, D, M],
  'mediation.caseFile': [A, M],
  'mediation.teams': [A],
  'figures.view': [A, C, D, M, V, L],
  'station.settings': [A],
  'people.manage': [A],
  'audit.view': [A],
  'sync.settings': [A, T],
  'sync.run': [A, T],
  'sync.conflicts': [A, T],
  'sync.bundles': [A, T],
  'readModel.rebuild': [A, T],
}

describe('the permission table', () => {
  it('has a row for every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort())
  })

  for (const action of ACTIONS) {
    it(`${action}: ${expected[action].join(', ')} and nobody else`, () => {
      for (const role of ROLES) expect(can([role], action), `${role} → ${action}`).toBe(expected[action].includes(role))
    })
  }

  it('gives a person with several roles what any of them may do', () => {
    expect(can(['clerk', 'technician'], 'sync.settings')).toBe(true)
    expect(can(['clerk', 'technician'], 'people.manage')).toBe(false)
  })

  it('gives nobody anything without a role', () => {
    for (const action of ACTIONS) expect(can([], action)).toBe(false)
  })

  it('never lets a leader near residents’ personal data', () => {
    for (const action of ['need.view', 'personal.reveal', 'personal.export', 'mediation.list', 'mediation.caseFile'] as const) {
      expect(can(['leader'], action)).toBe(false)
    }
  })
})

describe('who may open a case file', () => {
  it('is the administrator, the case’s own mediators and their team leads', () => {
    expect(canOpenCaseFile({ name: '王芳', roles: ['admin'] }, ['李调解'], [])).toBe(true)
    expect(canOpenCaseFile({ name: '李调解', roles: ['mediator'] }, ['李调解'], [])).toBe(true)
    expect(canOpenCaseFile({ name: '赵队长', roles: ['mediator'] }, ['李调解'], ['赵队长'])).toBe(true)
  })

  it('is not another mediator, nor a clerk even if named on the case', () => {
    expect(canOpenCaseFile({ name: '钱调解', roles: ['mediator'] }, ['李调解'], ['赵队长'])).toBe(false)
    expect(canOpenCaseFile({ name: '李调解', roles: ['clerk'] }, ['李调解'], [])).toBe(false)
  })
})
