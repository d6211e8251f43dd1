// Which URLs belong to the app. No 'electron' import so it can be unit-tested.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The dev server URL electron-vite passes in, trusted only when unpackaged and local:
 * an installed app must never be pointed at remote content by an environment variable.
 */
export function devRendererUrl(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return undefined
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname) || url.username || url.password) return undefined
    return url.href
  } catch {
    return undefined
  }
}

/** The URL prefix the app lives under: the dev server's origin, or the renderer folder as a file: URL. */
export function appUrlPrefix(devUrl: string | undefined, rendererDirFileUrl: string): string {
  if (devUrl) return new URL(devUrl).origin + '/'
  return rendererDirFileUrl.endsWith('/') ? rendererDirFileUrl : rendererDirFileUrl + '/'
}

export function isAppUrl(url: string | undefined, prefix: string): boolean {
  if (!url) return false
  let target: URL
  let base: URL
  try {
    target = new URL(url) // normalises ../ and %2e%2e before comparing
    base = new URL(prefix)
  } catch {
    return false
  }
  if (target.username || target.password) return false
  if (base.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === base.host && target.pathname.startsWith(base.pathname)
  }
  return target.origin === base.origin
}
