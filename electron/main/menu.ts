// The application menu (not used in kiosk mode). Type-only Electron import keeps it testable.
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  isMac: boolean
  /** Developer items (reload, devtools) only for unpackaged builds: a reload loses the form on screen. */
  developer: boolean
  onPrint: () => void
}

export function buildMenuTemplate({ isMac, developer, onPrint }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ]
  if (developer) {
    view.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload' },
      { label: '开发者工具', role: 'toggleDevTools' },
    )
  }
  return [
    ...(isMac ? [{ label: '同心驿站', role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => onPrint() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
  ]
}
