// Reads the validate_doc_update functions from resources/couchdb/ (Node only: the provisioning
// command and tests). They are kept as plain CouchDB JavaScript files so they can be read and
// reviewed as what CouchDB runs.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ValidateSources } from './topology'

export const couchdbResourcesDir = resolve(import.meta.dirname, '../../../../resources/couchdb')

export function readValidateSources(dir = couchdbResourcesDir): ValidateSources {
  const read = (name: string) => readFileSync(resolve(dir, `${name}-validate.js`), 'utf8')
  return { station: read('station'), directory: read('directory'), district: read('district') }
}
