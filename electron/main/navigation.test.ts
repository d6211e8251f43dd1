import { describe, expect, it } from 'vitest'
import { appUrlPrefix, devRendererUrl, isAppUrl } from './navigation'

describe('devRendererUrl', () => {
  it('accepts a local http dev server when unpackaged', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBe('http://127.0.0.1:5173/')
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/')
  })

  it('is ignored in a packaged app and for anything remote or malformed', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, true)).toBeUndefined()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeUndefined()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1.evil.example/' }, false)).toBeUndefined()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://u:p@127.0.0.1:5173/' }, false)).toBeUndefined()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false)).toBeUndefined()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeUndefined()
    expect(devRendererUrl({}, false)).toBeUndefined()
  })
})

describe('isAppUrl', () => {
  const filePrefix = appUrlPrefix(undefined, 'file:///opt/tongxin/resources/app.asar/out/renderer')
  const devPrefix = appUrlPrefix('http://127.0.0.1:5173/', 'file:///unused')

  it('accepts pages inside the renderer folder', () => {
    expect(isAppUrl('file:///opt/tongxin/resources/app.asar/out/renderer/index.html', filePrefix)).toBe(true)
    expect(isAppUrl('file:///opt/tongxin/resources/app.asar/out/renderer/index.html#/needs/1', filePrefix)).toBe(true)
  })

  it('rejects other files, traversal and other schemes', () => {
    expect(isAppUrl('file:///etc/passwd', filePrefix)).toBe(false)
    expect(isAppUrl('file:///opt/tongxin/resources/app.asar/out/renderer/../../../secret.html', filePrefix)).toBe(false)
    expect(isAppUrl('file:///opt/tongxin/resources/app.asar/out/renderer/%2e%2e/main/index.js', filePrefix)).toBe(false)
    expect(isAppUrl('file:///opt/tongxin/resources/app.asar/out/renderer-evil/index.html', filePrefix)).toBe(false)
    expect(isAppUrl('file://remote-host/opt/tongxin/resources/app.asar/out/renderer/index.html', filePrefix)).toBe(false)
    expect(isAppUrl('https://example.com/', filePrefix)).toBe(false)
    expect(isAppUrl('javascript:alert(1)', filePrefix)).toBe(false)
    expect(isAppUrl(undefined, filePrefix)).toBe(false)
    expect(isAppUrl('', filePrefix)).toBe(false)
  })

  it('compares origins for the dev server', () => {
    expect(isAppUrl('http://127.0.0.1:5173/src/main.tsx', devPrefix)).toBe(true)
    expect(isAppUrl('http://127.0.0.1:5174/', devPrefix)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', devPrefix)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173@evil.example/', devPrefix)).toBe(false)
    expect(isAppUrl('https://127.0.0.1:5173/', devPrefix)).toBe(false)
  })
})
