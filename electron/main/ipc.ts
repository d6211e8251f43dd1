// IPC handlers behind window.shell. Every argument is validated here; the renderer is not trusted.
import { app, BrowserWindow, dialog, ipcMain, safeStorage } from 'electron'
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { IPC } from './ipcChannels'
import { SecretFile } from './secrets'
import {
  acceptToFilters,
  expectNoArgs,
  IpcValidationError,
  MAX_FILE_BYTES,
  validateAcceptList,
  validateSaveFileRequest,
  validateSecretKey,
  validateSecretValue,
  validateSuggestedName,
  withExtension,
} from './ipcValidation'

export interface ShellIpcOptions {
  /** Only the app's own window, showing the app's own page, may call the shell. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean
}

type Handler = (event: IpcMainInvokeEvent, args: unknown[]) => Promise<unknown>

function parentWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender)
}

async function askSavePath(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<string | null> {
  const win = parentWindow(event)
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

async function askOpenPath(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<string | null> {
  const win = parentWindow(event)
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

function defaultPath(name: string): string {
  return join(app.getPath('documents'), name)
}

function print(event: IpcMainInvokeEvent): Promise<void> {
  return new Promise((resolve, reject) => {
    event.sender.print({ printBackground: true }, (success, failureReason) => {
      // Cancelling the system dialog is the user's choice, not an error.
      if (success || /cancel/i.test(failureReason)) resolve()
      else reject(new Error(`打印失败 (print failed): ${failureReason}`))
    })
  })
}

/** The passwords the renderer keeps, encrypted by the OS, in userData/secrets.json. */
const secrets = new SecretFile(() => join(app.getPath('userData'), 'secrets.json'), {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  encryptString: (text) => {
    const bytes = safeStorage.encryptString(text)
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  },
  // Electron types its Buffer with its own @types/node; the bytes are the same.
  decryptString: (bytes) => safeStorage.decryptString(Buffer.from(bytes) as unknown as Parameters<typeof safeStorage.decryptString>[0]),
})

export function registerShellIpc({ isTrustedSender }: ShellIpcOptions): void {
  const handle = (channel: string, handler: Handler) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new IpcValidationError('IPC from an untrusted sender')
      return handler(event, args)
    })
  }

  handle(IPC.print, async (event, args) => {
    expectNoArgs(args)
    await print(event)
  })

  handle(IPC.printToPdf, async (event, args) => {
    const name = withExtension(validateSuggestedName(args[0]), 'pdf')
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true })
    const path = await askSavePath(event, {
      defaultPath: defaultPath(name),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    })
    if (!path) return null
    // A plain view: Electron types its Buffer with its own @types/node, which clashes with the project's.
    await writeFile(path, new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength))
    return path
  })

  handle(IPC.saveFile, async (event, args) => {
    const request = validateSaveFileRequest(args[0])
    const path = await askSavePath(event, { defaultPath: defaultPath(request.suggestedName) })
    if (!path) return null
    await writeFile(path, request.data)
    return path
  })

  handle(IPC.openFile, async (event, args) => {
    const accept = validateAcceptList(args[0])
    const path = await askOpenPath(event, { properties: ['openFile'], filters: acceptToFilters(accept) })
    if (!path) return null
    const info = await stat(path)
    if (!info.isFile()) throw new Error('所选不是文件 (not a file)')
    if (info.size > MAX_FILE_BYTES) throw new Error('文件过大 (file too large)')
    const bytes = await readFile(path)
    return { name: basename(path), data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
  })

  handle(IPC.secretsSave, async (_event, args) => {
    const key = validateSecretKey(args[0])
    return secrets.save(key, validateSecretValue(args[1]))
  })

  handle(IPC.secretsLoad, async (_event, args) => secrets.load(validateSecretKey(args[0])))

  handle(IPC.secretsRemove, async (_event, args) => {
    await secrets.remove(validateSecretKey(args[0]))
  })
}
