import { defineConfig } from '@playwright/test'
import { CHROMIUM } from './support/chromium.mjs'

// End-to-end tests in Debian's Chromium against the built renderer (out/renderer, made by
// `electron-vite build`), served by `vite preview` on 127.0.0.1.
const port = Number(process.env.E2E_PORT ?? 20_000 + (process.pid % 10_000))
process.env.E2E_PORT = String(port) // workers inherit it and agree on the URL

export default defineConfig({
  testDir: './e2e',
  // Generous: each spec now signs in with the real PIN cost, and a busy 2-core machine is slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: '../test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
