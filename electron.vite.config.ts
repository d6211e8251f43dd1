import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './renderer/vite.config'
import { cspMetaPlugin } from './electron/build/cspMetaPlugin'

export default defineConfig({
  main: {
    build: { outDir: 'out/main', lib: { entry: resolve('electron/main/index.ts') } },
  },
  preload: {
    // CommonJS so the preload runs in a sandboxed renderer.
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    ...rendererConfig,
    plugins: [...(rendererConfig.plugins ?? []), cspMetaPlugin()],
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
