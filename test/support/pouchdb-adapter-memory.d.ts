// pouchdb-adapter-memory ships no types: it is a PouchDB plugin that adds the 'memory' adapter.
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin
  export default plugin
}
