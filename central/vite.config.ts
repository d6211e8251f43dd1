// Builds the technician's command for Node 20 alone: central/cli.ts → out/central/cli.mjs (ESM).
// SSR mode: the contract, the domain it uses and the i18n JSON are bundled in; packages (pouchdb-node,
// zod…) stay imports of node_modules, as for any Node program. `npm run build:central`, or central/run.mjs
// on first use.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// import.meta.url: Vite's config bundler keeps it pointing at this file.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export default defineConfig({
  root,
  // Nothing of the browser build applies: no public dir to copy, no `global` shim.
  publicDir: false,
  resolve: { alias: { '@resources': resolve(root, 'resources') } },
  ssr: { target: 'node' },
  build: {
    ssr: resolve(root, 'central/cli.ts'),
    target: 'node20',
    outDir: resolve(root, 'out/central'),
    emptyOutDir: true,
    // A stack trace in "意外错误 / Unexpected error" then names central/*.ts (run.mjs turns source maps on).
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'cli.mjs' } },
  },
})
