import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate } from './menu'

function roles(template: ReturnType<typeof buildMenuTemplate>): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? item.submenu.flatMap((sub) => (sub.role ? [sub.role] : [])) : []),
  ])
}

describe('buildMenuTemplate', () => {
  it('has Chinese top-level menus and no developer items when packaged', () => {
    const template = buildMenuTemplate({ isMac: false, developer: false, onPrint: () => {} })
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图'])
    expect(roles(template)).not.toContain('toggleDevTools')
    expect(roles(template)).not.toContain('reload')
  })

  it('adds developer items when unpackaged and an app menu on macOS', () => {
    const template = buildMenuTemplate({ isMac: true, developer: true, onPrint: () => {} })
    expect(template[0]?.role).toBe('appMenu')
    expect(roles(template)).toContain('toggleDevTools')
  })

  it('prints from 文件 → 打印…', () => {
    const onPrint = vi.fn()
    const file = buildMenuTemplate({ isMac: false, developer: false, onPrint })[0]
    const print = Array.isArray(file?.submenu) ? file.submenu.find((item) => item.label === '打印…') : undefined
    expect(print?.accelerator).toBe('CmdOrCtrl+P')
    ;(print?.click as () => void)()
    expect(onPrint).toHaveBeenCalledOnce()
  })
})
