import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './app.css'
import { startServices } from './startServices'
import { createI18n, isLanguage } from '../i18n'

// Opens the local database, then the UI. Nothing here needs a network.
async function boot() {
  const root = createRoot(document.getElementById('root')!)
  const i18n = createI18n()
  const fail = (error: unknown) => {
    const p = document.createElement('p')
    p.setAttribute('role', 'alert')
    p.textContent = i18n.t('error.storage', { message: error instanceof Error ? error.message : String(error) })
    document.getElementById('root')!.replaceChildren(p)
  }
  try {
    const services = await startServices()
    // Read before PouchDB opened (see startServices): asking the device store now would wait for it.
    const language = services.startup.prefs.get('language') ?? 'zh-CN'
    if (isLanguage(language)) await i18n.changeLanguage(language)
    // PouchDB opens while the first screen shows.
    services.started.catch(fail)
    // A handle for the end-to-end tests and the benchmark, which seed and inspect data in the page: set
    // once PouchDB is open and the ledger store holds every row (the page shows the newest ones before that).
    void Promise.all([services.started, services.ledger.ready()]).then(
      () => void ((window as unknown as { tongxin?: unknown }).tongxin = services),
      () => undefined, // shown by fail() above
    )
    root.render(
      <StrictMode>
        <App services={services} i18n={i18n} />
      </StrictMode>,
    )
  } catch (error) {
    fail(error)
  }
}

void boot()
