// The document types a station may store and sync to central: the list the station validator's TYPES table must match.

/**
 * Every `type` a station's documents carry. Central's validate function (stationValidate.ts) refuses
 * any other, so a new kind of record goes here and into the validator's TYPES together; a contract
 * test holds the two to each other.
 */
export const STATION_DOC_TYPES = [
  'station',
  'stationSecret',
  'need',
  'needEvent',
  'dutySecretary',
  'dutyPattern',
  'dutyPlan',
  'dutyChange',
  'dutyCheck',
  'dutyNote',
  'mediationCase',
  'mediationStep',
  'mediationSession',
  'mediationAccess',
  'mediationTeam',
  'person',
  'audit',
  'recovery',
  'conflict',
] as const

export type StationDocType = (typeof STATION_DOC_TYPES)[number]

/**
 * The words the station validator begins each refusal with (`{forbidden: '<word>: <detail>'}`), so the
 * station can say in the clerk's language why central refused a record.
 */
export const STATION_REFUSAL_REASONS = ['badShape', 'badId', 'wrongStation', 'unknownType', 'noDeletes', 'notAllowed', 'notStationDb'] as const
