#!/usr/bin/env node
// `node test/bench/bundleImport.mjs [--needs N] [--batch N]`: the issue's figure "bundle import into an empty
// station, ≥ 5,000 docs/s", measured where a station stores its data: PouchDB on IndexedDB in
// Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), with the app's own bundle code
// (renderer/src/sync/bundle.ts, bundled by esbuild with bundleImportPage.ts). Prints one line per
// figure. Not part of `npm run bench` (which drives the built app): the import needs no screen.
//
// The page is served as https://station.test/ from memory: crypto.subtle (the bundle's SHA-256)
// exists only on secure pages.
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from '@playwright/test'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
const needs = option('--needs', 20000)
const batchSize = option('--batch', 1000)
const outDir = join(root, 'test-results', 'bench-bundle')
mkdirSync(outDir, { recursive: true })
const outfile = join(outDir, 'page.js')

await build({
  entryPoints: [join(root, 'test/bench/bundleImportPage.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  define: { global: 'globalThis' },
  outfile,
  logLevel: 'warning',
})

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage()
  await page.route('https://station.test/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>bundle bench</title>' }),
  )
  await page.goto('https://station.test/')
  await page.addScriptTag({ content: readFileSync(outfile, 'utf8') })
  const r = await page.evaluate(([count, batch]) => window.measureBundleImport(count, batch), [needs, batchSize])
  const rate = r.docs / (r.importMs / 1000)
  console.log(`bundle-import   ${Math.round(rate)} docs/s  (${r.docs} docs, ${(r.bytes / 1024 / 1024).toFixed(1)} MB gzip, import ${(r.importMs / 1000).toFixed(2)} s in writes of ${batchSize}; target ≥ 5000 docs/s: ${rate >= 5000 ? 'met' : 'NOT met'})`)
  console.log(`bundle-export   ${Math.round(r.docs / (r.exportMs / 1000))} docs/s  (${(r.exportMs / 1000).toFixed(2)} s)`)
  console.log(`replicate       ${Math.round(r.docs / (r.replicateMs / 1000))} docs/s  (PouchDB.replicate of the same documents into an empty database, batch_size 1000, same run: ${(r.replicateMs / 1000).toFixed(2)} s)`)
  console.log(`bundle-again    ${(r.againMs / 1000).toFixed(2)} s to verify and skip all ${r.docs} again (written ${r.written}, already present ${r.alreadyPresent} the first time)`)
} finally {
  await browser.close()
}
