// Fields every stored document carries (docs/ARCHITECTURE.md, "Data flow at a station").
export interface RecordBase {
  _id: string
  _rev?: string
  type: string
  schemaVersion: number
  stationId: string
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** Who did something and when: time is always passed in, never read from a clock here. */
export interface Actor {
  by: string
  at: string
}

export function recordBase(type: string, id: string, stationId: string, actor: Actor, schemaVersion = 1): RecordBase {
  return {
    _id: id,
    type,
    schemaVersion,
    stationId,
    createdAt: actor.at,
    createdBy: actor.by,
    updatedAt: actor.at,
    updatedBy: actor.by,
  }
}
