// The renderer's build, shared by electron-vite (desktop) and plain Vite (browser, tests, bench).
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

// import.meta.url, not import.meta.dirname: electron-vite's config bundler rewrites only the former,
// so import.meta.dirname would point at the project root there.
const root = dirname(fileURLToPath(import.meta.url))

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@resources': resolve(root, '../resources') } },
  // PouchDB expects Node's `global`; the `events` package stands in for Node's EventEmitter.
  define: { global: 'globalThis' },
  build: { outDir: resolve(root, '../out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}

export default rendererConfig
