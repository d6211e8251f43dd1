// The renderer's build, shared by electron-vite (desktop) and plain Vite (browser, tests, bench).
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

const root = resolve(import.meta.dirname)

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
