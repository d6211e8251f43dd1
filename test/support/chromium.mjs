// Debian's Chromium, as every browser run here launches it (the e2e tests and the benchmark): the flags
// a sandbox-less CI machine with no GPU and no internet needs.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}
