import type { OpenedFile, SaveFileRequest, SecretStore, ShellApi } from './shellApi'

const SECRET_PREFIX = 'tongxin.secret.'

/**
 * A browser has no safe place for a secret, so it is kept only for this tab's session (sessionStorage:
 * gone when the tab closes). Keeping it longer is the clerk's explicit choice, made elsewhere.
 */
export const sessionSecrets: SecretStore = {
  async save(key, value) {
    try {
      sessionStorage.setItem(SECRET_PREFIX + key, value)
      return true
    } catch {
      return false // storage disabled or full
    }
  },
  async load(key) {
    try {
      return sessionStorage.getItem(SECRET_PREFIX + key)
    } catch {
      return null
    }
  },
  async remove(key) {
    try {
      sessionStorage.removeItem(SECRET_PREFIX + key)
    } catch {
      // nothing was kept
    }
  },
}

/** The browser's way of doing what the desktop shell does: window.print, downloads and file inputs. */
export const browserShell: ShellApi = {
  platform: 'browser',
  async print() {
    window.print()
  },
  async printToPdf() {
    // A browser prints to PDF through its own print dialog ("Save as PDF").
    window.print()
    return null
  },
  async saveFile({ suggestedName, data, mimeType }: SaveFileRequest) {
    const blob = new Blob([data as BlobPart], { type: mimeType })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = suggestedName
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return suggestedName
  },
  openFile(accept: string[]) {
    return new Promise<OpenedFile | null>((resolvePick) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = accept.join(',')
      input.onchange = async () => {
        const file = input.files?.[0]
        if (!file) return resolvePick(null)
        resolvePick({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })
      }
      input.click()
    })
  },
  secrets: sessionSecrets,
}

/** The shell in use: Electron's when the preload provided one, else the browser's. */
export const shell: ShellApi = typeof window !== 'undefined' && window.shell ? window.shell : browserShell
