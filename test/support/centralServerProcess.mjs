// The tests' central server: a CouchDB-protocol server (express-pouchdb on LevelDB) run as its own
// process, so a test can kill it mid-replication and start it again on the same data.
//
// Usage: node centralServerProcess.mjs   with CENTRAL_DATA_DIR, CENTRAL_PORT (0 = any free port),
// CENTRAL_ADMIN_NAME and CENTRAL_ADMIN_PASSWORD in the environment. Prints one line
// `central listening on <port>` when it accepts requests.
//
// It differs from Apache CouchDB 3 (what stations really talk to); code under test must not lean
// on the differences. The ones we know of:
// - a non-admin PUT of a missing database crashes it (clients must pass skip_setup: true);
// - a database without a `_security` object is open to any logged-in user (CouchDB 3 defaults to
//   admin-only), so provisioning always writes one;
// - no `/_up`, no `/_scheduler`; `GET /` says {"express-pouchdb": "Welcome!"}, not {"couchdb": …};
// - non-members get 401 where CouchDB answers 403, and a `_bulk_docs` into a database they may not
//   write answers 201 with an error per document where CouchDB refuses the whole request;
// - `_replicator` keeps CouchDB 1.x's rules: a document in the "triggered" state cannot be edited,
//   only deleted (provisioning replaces replication documents by delete + put, fine on both), and
//   endpoint credentials are read from `headers.Authorization` or the URL, not CouchDB 3.2's `auth`;
// - `POST /db/_changes?filter=_selector` ignores the selector in the body (and the server dies on
//   the error): `selectorInQuery` below passes it on, as CouchDB 3 documents the endpoint;
// - validate_doc_update gets no `userCtx.db` (it reads a property PouchDB 9 no longer has):
//   patched below, since CouchDB 3 documents `userCtx.db` and our validate function reads it.
// - pouchdb-validation overwrote an incoming document's `_revisions` with the stored document's
//   before storing it, so every `new_edits: false` write into a database with a validate function
//   (replication, 同步包 imports) lost its revision history, and an edit of a document already on
//   the server collapsed onto the stored revision (the edit was silently dropped): patched below to
//   validate a copy, as CouchDB 3 stores the revisions it is given.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import Module, { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

const require = createRequire(import.meta.url)
patchValidationRevisions()
const PouchDB = require('pouchdb-node')
const expressPouchDB = require('express-pouchdb')
// express-pouchdb's own pouchdb-auth, for hashing the admin password the way it checks it.
const Auth = createRequire(require.resolve('express-pouchdb'))('pouchdb-auth')

const dataDir = process.env.CENTRAL_DATA_DIR
const port = Number(process.env.CENTRAL_PORT ?? 0)
const adminName = process.env.CENTRAL_ADMIN_NAME
const adminPassword = process.env.CENTRAL_ADMIN_PASSWORD
if (!dataDir || !adminName || !adminPassword) {
  console.error('centralServerProcess: CENTRAL_DATA_DIR, CENTRAL_ADMIN_NAME and CENTRAL_ADMIN_PASSWORD are required')
  process.exit(2)
}

/**
 * Loads pouchdb-validation (as express-pouchdb will require it) with one line changed: the validate
 * function gets a copy carrying the stored `_revisions`, and the document written keeps its own.
 */
function patchValidationRevisions() {
  const path = createRequire(require.resolve('express-pouchdb')).resolve('pouchdb-validation')
  const source = readFileSync(path, 'utf8')
  const broken = 'newDoc._revisions = (oldDoc || {})._revisions;'
  if (!source.includes(broken)) throw new Error(`pouchdb-validation changed (${path}): review the _revisions patch`)
  const patched = new Module(path)
  patched.filename = path
  patched.paths = Module._nodeModulePaths(dirname(path))
  patched._compile(source.replace(broken, 'newDoc = Object.assign({}, newDoc, { _revisions: (oldDoc || {})._revisions });'), path)
  patched.loaded = true
  require.cache[path] = patched
}

// express-pouchdb names the database in userCtx from `db._db_name`, gone from PouchDB 9 (`db.name`).
const expressPouchUtils = require('express-pouchdb/lib/utils')
const makeOpts = expressPouchUtils.makeOpts
expressPouchUtils.makeOpts = function (req, startOpts) {
  const opts = makeOpts(req, startOpts)
  if (opts.userCtx && !opts.userCtx.db && req.db?.name) opts.userCtx.db = req.db.name
  return opts
}

// A replication that fails (say its credentials stopped working, or its document was deleted)
// leaves an unhandled rejection inside pouchdb-replicator; CouchDB logs such a failure and carries
// on, and so does this server, into errors.log beside its data.
process.on('unhandledRejection', (reason) => {
  const line = `${new Date().toISOString()} unhandled rejection: ${reason?.stack ?? reason}\n`
  appendFileSync(join(dataDir, 'errors.log'), line)
})

const dbDir = join(dataDir, 'db')
mkdirSync(dbDir, { recursive: true })
const StoredPouchDB = PouchDB.defaults({ prefix: dbDir + sep })

// A server admin from the first start, so the server is never in "admin party" (where anyone is
// admin). Written (hashed) into the config file before express-pouchdb reads it: setting it through
// express-pouchdb on a restart races with its own rewrite of the same file.
const configPath = join(dataDir, 'config.json')
const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {}
// Written on every start, so a data directory reused with another password still lets the admin in.
config.admins = { ...config.admins, ...(await Auth.hashAdminPasswords({ [adminName]: adminPassword })) }
writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n')

const couch = expressPouchDB(StoredPouchDB, {
  configPath,
  logPath: join(dataDir, 'log.txt'),
  // Fauxton is a web UI the tests never open.
  overrideMode: { exclude: ['routes/fauxton'] },
})

// The app's renderer talks to the server from a browser origin (the Vite dev server, Electron's
// file:// page) and sends credentials, so CORS must echo the origin rather than answer `*`, as
// CouchDB 3 does with `[cors] origins = *` and `credentials = true`.
const CORS_HEADERS = 'accept, authorization, content-type, origin, referer, if-match, x-requested-with'
const EXPOSED_HEADERS = 'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id, x-couch-update-newrev'
function cors(req, res) {
  const origin = req.headers.origin
  if (!origin) return false
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, COPY')
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? CORS_HEADERS)
    res.setHeader('Access-Control-Max-Age', '600')
    res.statusCode = 204
    res.end()
    return true
  }
  return false
}

/**
 * CouchDB 3 takes a changes selector in the POST body (replications with a `selector` use it);
 * express-pouchdb reads only `doc_ids` from there. Moving it into the query string, where
 * express-pouchdb hands every parameter to PouchDB's changes(), makes the same request work.
 */
async function selectorInQuery(req) {
  const url = new URL(req.url, 'http://central')
  if (req.method !== 'POST' || !/^\/[^/]+\/_changes$/.test(url.pathname) || url.searchParams.get('filter') !== '_selector') {
    return
  }
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
  url.searchParams.set('selector', JSON.stringify(body.selector ?? {}))
  if (body.doc_ids) url.searchParams.set('doc_ids', JSON.stringify(body.doc_ids))
  req.url = url.pathname + url.search
  req.method = 'GET'
  delete req.headers['content-length']
  delete req.headers['content-type']
  delete req.headers['transfer-encoding']
}

const server = http.createServer((req, res) => {
  if (cors(req, res)) return
  selectorInQuery(req).then(
    () => couch(req, res),
    (error) => {
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'bad_request', reason: String(error?.message ?? error) }))
    },
  )
})

server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  console.log(`central listening on ${typeof address === 'object' && address ? address.port : port}`)
})

// A polite stop: no new requests, open ones cut, then exit. (A test that wants a crash sends SIGKILL.)
function stop() {
  server.close(() => process.exit(0))
  server.closeAllConnections()
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
