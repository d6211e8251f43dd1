// The validate_doc_update functions of central's three kinds of database, as provisioning writes them.
import { directoryValidateSource } from './directoryValidate'
import { districtValidateSource } from './districtValidate'
import { stationValidateSource } from './stationValidate'

/** The validate_doc_update sources, one per kind of central database. */
export interface ValidateSources {
  station: string
  directory: string
  district: string
}

export function validateSources(): ValidateSources {
  return { station: stationValidateSource, directory: directoryValidateSource, district: districtValidateSource }
}
