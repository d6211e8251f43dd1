import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './app/app.css'
import { startServices } from './data/services'
import { createI18n, isLanguage } from './i18n'

// Opens the local database, then the UI. Nothing here needs a network.
async function boot() {
  const root = createRoot(document.getElementById('root')!)
  const i18n = createI18n()
  try {
    const services = await startServices()
    const language = await services.device.get('language', 'zh-CN')
    if (isLanguage(language)) await i18n.changeLanguage(language)
    // A handle for the end-to-end tests and the benchmark, which seed and inspect data in the page.
    ;(window as unknown as { tongxin?: unknown }).tongxin = services
    root.render(
      <StrictMode>
        <App services={services} i18n={i18n} />
      </StrictMode>,
    )
  } catch (error) {
    const p = document.createElement('p')
    p.setAttribute('role', 'alert')
    p.textContent = i18n.t('error.storage', { message: error instanceof Error ? error.message : String(error) })
    document.getElementById('root')!.replaceChildren(p)
  }
}

void boot()
