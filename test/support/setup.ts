// IndexedDB for PouchDB and Dexie under Node.
import 'fake-indexeddb/auto'

// pouchdb-browser reads the browser's `self` when it loads, and `navigator.userAgent` when it opens an
// IndexedDB database (to detect old Chrome). Node 20 has neither.
const g = globalThis as { self?: unknown; navigator?: { userAgent: string } }
g.self ??= globalThis
g.navigator ??= { userAgent: `Node.js/${process.versions.node}` }
