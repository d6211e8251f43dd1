// The rooms of the code and which way their imports may point (docs/ARCHITECTURE.md draws them).
// dependency-cruiser checks the whole tree against these rules in `npm test`; boundaries.test.ts
// proves that each rule refuses a deliberate violation. Paths are relative to the project root.
//
//   app (top room: main, router, layout, composition root)
//    └─ features ─ ui (the screens' toolkit) ─ sync ─ data ─ domain
//                  shell (platform API) and i18n are leaves anyone in the renderer may use
//   contract (station↔central, runtime-neutral) ─ domain;  central (Node program) ─ contract
//
// Tests are not rooms: a test may reach into any room it tests.

const TEST = '\\.test\\.tsx?$'
const renderer = (room) => `^renderer/src/${room}/`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure rules: it imports nothing of ours but domain (and static data in resources/).',
      severity: 'error',
      from: { path: renderer('domain'), pathNot: TEST },
      to: { path: '^(renderer|central|electron|test)/', pathNot: renderer('domain') },
    },
    {
      name: 'no-node-in-domain',
      comment: 'domain/ runs in the browser and in Node alike: no Node modules.',
      severity: 'error',
      from: { path: renderer('domain'), pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'area-through-its-index',
      comment: "Outside a domain area, the area is imported through its index.ts, its public face.",
      severity: 'error',
      from: { path: '^(renderer|central|electron|test)/', pathNot: renderer('domain') },
      to: { path: `${renderer('domain')}[^/]+/`, pathNot: `${renderer('domain')}[^/]+/index\\.ts$` },
    },
    {
      name: 'domain-area-through-its-index',
      comment: "One domain area uses another through the other's index.ts.",
      severity: 'error',
      from: { path: `${renderer('domain')}([^/]+)/` },
      to: {
        path: `${renderer('domain')}[^/]+/`,
        pathNot: [`${renderer('domain')}$1/`, `${renderer('domain')}[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'contract-is-neutral',
      comment: 'The station↔central contract imports only domain: both the browser and Node run it.',
      severity: 'error',
      from: { path: renderer('contract'), pathNot: TEST },
      to: { path: '^(renderer|central|electron|test)/', pathNot: [renderer('contract'), renderer('domain')] },
    },
    {
      name: 'no-node-in-contract',
      comment: 'The contract runs in the browser too: no Node modules.',
      severity: 'error',
      from: { path: renderer('contract'), pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'data-below-sync-and-ui',
      comment: 'data/ (PouchDB repositories, read model) imports domain and the contract, nothing above.',
      severity: 'error',
      from: { path: renderer('data'), pathNot: TEST },
      to: { path: `^renderer/src/(sync|ui|features|app|shell)/` },
    },
    {
      name: 'sync-below-ui',
      comment: 'sync/ imports data, domain, the contract and the platform API, nothing above.',
      severity: 'error',
      from: { path: renderer('sync'), pathNot: TEST },
      to: { path: `^renderer/src/(ui|features|app)/` },
    },
    {
      name: 'ui-below-features',
      comment: "ui/ is the screens' toolkit: it never imports a screen or the top room.",
      severity: 'error',
      from: { path: renderer('ui'), pathNot: TEST },
      to: { path: `^renderer/src/(features|app)/` },
    },
    {
      name: 'only-the-top-room-imports-features',
      comment: 'Screens are wired into the app by app/ alone; a feature may use another feature’s parts.',
      severity: 'error',
      from: { path: '^(renderer|central|electron)/', pathNot: [`^renderer/src/(app|features)/`, TEST] },
      to: { path: renderer('features') },
    },
    {
      name: 'nothing-imports-the-top-room',
      comment: 'app/ is the top: below it every arrow points down.',
      severity: 'error',
      from: { path: '^(renderer|central|electron)/', pathNot: [renderer('app'), TEST] },
      to: { path: renderer('app') },
    },
    {
      name: 'no-node-in-the-renderer',
      comment: 'The renderer runs in a sandboxed browser page: no Node modules, no Node-only packages.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-node-packages-in-the-renderer',
      comment: 'Node-only packages (LevelDB PouchDB, the test server, Electron itself) stay out of the renderer.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: TEST },
      to: { path: 'node_modules/(pouchdb-node|express-pouchdb|pouchdb-adapter-leveldb|leveldown|electron)/' },
    },
    {
      name: 'central-uses-only-the-contract',
      comment: 'The central program shares the contract (and the bundle messages) with the renderer, nothing else.',
      severity: 'error',
      from: { path: '^central/' },
      to: {
        path: '^(renderer|electron)/',
        pathNot: [renderer('contract'), '^renderer/src/i18n/[^/]+/[^/]+\\.json$'],
      },
    },
    {
      name: 'electron-uses-only-the-shell-api',
      comment: "The desktop shell shares only the platform API's types with the renderer.",
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^(renderer|central)/', pathNot: '^renderer/src/shell/shellApi\\.ts$' },
    },
    {
      name: 'product-never-imports-tests',
      comment: 'Nothing that ships imports test code.',
      severity: 'error',
      from: { path: '^(renderer|central|electron)/', pathNot: TEST },
      to: { path: `^test/|${TEST}` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.mjs', '.js', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
}
