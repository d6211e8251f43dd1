// Main process: one hardened window, kiosk mode, single instance, CSP, and the window.shell IPC.
import { app, BrowserWindow, Menu, session } from 'electron'
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { contentSecurityPolicy, withCsp } from './csp'
import { registerShellIpc } from './ipc'
import { readKioskSetting, resolveKiosk } from './kiosk'
import { buildMenuTemplate } from './menu'
import { appUrlPrefix, devRendererUrl, isAppUrl } from './navigation'

const rendererDir = join(import.meta.dirname, '../renderer')
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
const devUrl = devRendererUrl(process.env, app.isPackaged)
const appPrefix = appUrlPrefix(devUrl, pathToFileURL(rendererDir).href)
const csp = contentSecurityPolicy({ dev: devUrl !== undefined })

// Permissions the app may use; every other request (camera, geolocation, …) is denied.
const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write', 'fullscreen', 'persistent-storage'])

let mainWindow: BrowserWindow | null = null

function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) })
  })
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)))
  ses.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appPrefix)) event.preventDefault()
  }
  contents.on('will-navigate', (event) => blockForeign(event, event.url))
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url))
  contents.on('will-redirect', (event) => blockForeign(event, event.url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return (
    mainWindow !== null &&
    !mainWindow.isDestroyed() &&
    event.sender === mainWindow.webContents &&
    isAppUrl(event.senderFrame?.url, appPrefix)
  )
}

function createWindow(kiosk: boolean): BrowserWindow {
  const win = new BrowserWindow({
    title: '同心驿站',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    kiosk,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  const loading = devUrl ? win.loadURL(devUrl) : win.loadFile(join(rendererDir, 'index.html'))
  loading.catch((error: unknown) => console.error('Failed to load the app page', error))
  return win
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenContents(contents))

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    const kiosk = resolveKiosk(process.argv, readKioskSetting(app.getPath('userData')))
    hardenSession(session.defaultSession)
    registerShellIpc({ isTrustedSender })

    Menu.setApplicationMenu(
      kiosk
        ? null
        : Menu.buildFromTemplate(
            buildMenuTemplate({
              isMac: process.platform === 'darwin',
              developer: !app.isPackaged,
              onPrint: () => BrowserWindow.getFocusedWindow()?.webContents.print({ printBackground: true }),
            }),
          ),
    )

    mainWindow = createWindow(kiosk)

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(kiosk)
    })
  })
}

start()
