// IndexedDB for PouchDB and Dexie under Node.
import 'fake-indexeddb/auto'
