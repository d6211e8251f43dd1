// pouchdb-node ships no types: it is PouchDB with the http and LevelDB adapters, the same API as
// pouchdb-browser's (typed by @types/pouchdb-core). The technician's command uses only its http adapter.
/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-adapter-http" />
declare module 'pouchdb-node' {
  const PouchDB: PouchDB.Static
  export default PouchDB
}
