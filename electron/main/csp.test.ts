import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, cspDirectives, metaContentSecurityPolicy, withCsp } from './csp'

function parse(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values]
    }),
  )
}

describe('contentSecurityPolicy', () => {
  const policy = parse(contentSecurityPolicy())

  it('has the agreed directives', () => {
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy.get('font-src')).toEqual(["'self'", 'data:'])
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https:'])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('never allows eval, inline scripts or remote scripts in production', () => {
    const csp = contentSecurityPolicy()
    expect(csp).not.toContain('unsafe-eval')
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/)
    expect(csp).not.toContain('ws:')
  })

  it('relaxes only script inlining and the HMR websocket for the dev server', () => {
    const dev = cspDirectives({ dev: true })
    expect(dev['script-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev['connect-src']).toContain('ws://127.0.0.1:*')
    expect(dev['object-src']).toEqual(["'none'"])
  })

  it('leaves frame-ancestors out of the meta-tag variant', () => {
    const meta = parse(metaContentSecurityPolicy())
    expect(meta.has('frame-ancestors')).toBe(false)
    expect(meta.get('script-src')).toEqual(["'self'"])
  })
})

describe('withCsp', () => {
  it('replaces any server policy whatever its header case and keeps other headers', () => {
    const headers = withCsp(
      { 'content-security-policy': ["default-src *"], 'CONTENT-SECURITY-POLICY': 'x', 'Content-Type': ['text/html'] },
      "default-src 'self'",
    )
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    })
  })

  it('works without response headers', () => {
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] })
  })
})
