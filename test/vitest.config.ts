import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(import.meta.dirname, '..')

// Unit and integration tests run in Node: IndexedDB comes from fake-indexeddb, Electron is mocked.
export default defineConfig({
  root,
  resolve: { alias: { '@resources': resolve(root, 'resources') } },
  define: { global: 'globalThis' },
  test: {
    include: ['renderer/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'central/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: [resolve(root, 'test/support/setup.ts')],
    environment: 'node',
    testTimeout: 20_000,
  },
})
