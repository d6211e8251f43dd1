import { describe, expect, it } from 'vitest'
import { metaContentSecurityPolicy } from '../main/csp'
import { cspMetaPlugin } from './cspMetaPlugin'

function transform(html: string): string {
  const hook = cspMetaPlugin().transformIndexHtml
  if (typeof hook !== 'function') throw new Error('expected a plain transformIndexHtml hook')
  return hook.call({} as never, html, {} as never) as string
}

describe('cspMetaPlugin', () => {
  it('puts the policy right after <meta charset>, before any script', () => {
    const html = transform('<html><head><meta charset="UTF-8" /><script src="./a.js"></script></head></html>')
    const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />`
    expect(html.indexOf(meta)).toBeGreaterThan(html.indexOf('charset'))
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'))
  })

  it('falls back to the start of <head>', () => {
    expect(transform('<html><head lang="zh"><title>x</title></head></html>')).toMatch(/<head lang="zh">\s*<meta http-equiv/)
  })
})
