import { ID_KEY_ALGORITHM } from '../personal'
import { recordBase, type Actor, type RecordBase } from '../records'

// 驿站密钥: the secret every desk of a station hashes residents' ID numbers with (domain/personal/idKey.ts).
// A document of its own rather than a field of the station's settings: the settings merge field by field
// and are edited in 设置, shown on every screen and copied into the read model, while the secret is
// written once, never edited, never shown, and read only where a hash is made. It syncs like any record,
// so every desk of the station hashes alike. It is made the first time a desk needs it, not at setup:
// each desk of a station goes through setup, and a desk that has synced by then takes the secret it
// finds. Two desks that made one each while apart end up with the one PouchDB and CouchDB both pick
// as the winner, and every hash names its key, so the losing key's hashes are made again.

export interface StationSecretDoc extends RecordBase {
  type: 'stationSecret'
  /** what the hashes made with it carry (IdKey.keyId) */
  keyId: string
  algorithm: typeof ID_KEY_ALGORITHM
  /** 32 random bytes, base64 */
  secret: string
}

export const stationSecretDocId = (code: string) => `stationSecret:${code}`

/** A station key's id: the scope (a district-wide key would be `district.…`), the station, and a random part. */
export const stationKeyId = (code: string, random: string) => `station.${code}.${random}`

/** The secret is made by the caller (data/idKeys.ts): random bytes come from WebCrypto, not from here. */
export function newStationSecretDoc(code: string, secret: string, random: string, actor: Actor): StationSecretDoc {
  return {
    ...recordBase('stationSecret', stationSecretDocId(code), code, actor),
    type: 'stationSecret',
    keyId: stationKeyId(code, random),
    algorithm: ID_KEY_ALGORITHM,
    secret,
  }
}
