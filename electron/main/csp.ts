// The Content-Security-Policy of the desktop shell. No 'electron' import: also used by the build
// (meta tag) and by unit tests.

export type CspDirectives = Readonly<Record<string, readonly string[]>>

export interface CspOptions {
  /** Relaxations needed by Vite's dev server (React Refresh inline preamble, HMR websocket). */
  dev?: boolean
}

export function cspDirectives({ dev = false }: CspOptions = {}): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // antd injects its CSS-in-JS as <style> elements.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Local and central CouchDB for sync.
    'connect-src': [
      "'self'",
      'http://127.0.0.1:*',
      'http://localhost:*',
      'https:',
      ...(dev ? ['ws://127.0.0.1:*', 'ws://localhost:*'] : []),
    ],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  }
}

export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  return serializeCsp(cspDirectives(options))
}

/** For a <meta> tag: browsers ignore (and warn about) frame-ancestors there. */
export function metaContentSecurityPolicy(): string {
  const { 'frame-ancestors': _ignored, ...rest } = cspDirectives()
  return serializeCsp(rest)
}

/** Response headers with our policy replacing any the server sent (header names are case-insensitive). */
export function withCsp(
  headers: Readonly<Record<string, string[] | string>> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? [...value] : [value]
  }
  out['Content-Security-Policy'] = [csp]
  return out
}
