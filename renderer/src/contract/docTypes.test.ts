// The contract's list of document types and the station validator's TYPES table name the same types,
// so a type forgotten in the validator fails here rather than in a station's sync.
import { describe, expect, it } from 'vitest'
import { compileValidate, serverAdmin, verdictOf } from '../../../test/support/couchValidate'
import { STATION_DOC_TYPES, STATION_REFUSAL_REASONS } from './docTypes'
import { stationValidateSource } from './stationValidate'

const validate = compileValidate(stationValidateSource)

/** The keys of the validator's TYPES table, read from its source (one `name: function` per line). */
function validatorTypes(): string[] {
  const start = stationValidateSource.indexOf('var TYPES = {')
  const end = stationValidateSource.indexOf('\n  };', start)
  expect(start, 'var TYPES = { in the station validator').toBeGreaterThan(0)
  return [...stationValidateSource.slice(start, end).matchAll(/^ {4}(\w+): function/gm)].map((match) => match[1]!)
}

/** The validator's refusal of a bare document of `type` written by an administrator, or 'accepted'. */
function verdict(type: string): string {
  const doc = { _id: `${type}:xingfu:01A`, type, stationId: 'xingfu', schemaVersion: 1, createdAt: 'now', createdBy: '王芳' }
  return verdictOf(validate, doc, serverAdmin('xingfu'))
}

describe('the document types a station may store', () => {
  it("are exactly the station validator's TYPES", () => {
    expect([...validatorTypes()].sort()).toEqual([...STATION_DOC_TYPES].sort())
  })

  it('are each let through the validator\'s type check, and no other type is', () => {
    for (const type of STATION_DOC_TYPES) expect(verdict(type), type).not.toMatch(/^unknownType: /)
    expect(verdict('resident')).toMatch(/^unknownType: /)
  })

  it('are refused only with the words the station knows how to say', () => {
    const words = [...stationValidateSource.matchAll(/refuse\('(\w+)'/g)].map((match) => match[1]!)
    expect(new Set(words)).toEqual(new Set(STATION_REFUSAL_REASONS))
  })
})
