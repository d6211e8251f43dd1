// Exposes window.shell to the sandboxed renderer. Built as CommonJS: sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron'
import type { OpenedFile, SaveFileRequest, ShellApi } from '../../renderer/src/shell/shellApi'
import { IPC } from '../main/ipcChannels'

const api: ShellApi = {
  platform: 'electron',
  print: () => ipcRenderer.invoke(IPC.print) as Promise<void>,
  printToPdf: (suggestedName: string) => ipcRenderer.invoke(IPC.printToPdf, suggestedName) as Promise<string | null>,
  // Pass only the known fields, so nothing else the caller attached crosses the bridge.
  saveFile: ({ suggestedName, data, mimeType }: SaveFileRequest) =>
    ipcRenderer.invoke(IPC.saveFile, { suggestedName, data, mimeType }) as Promise<string | null>,
  openFile: (accept: string[]) => ipcRenderer.invoke(IPC.openFile, accept) as Promise<OpenedFile | null>,
  secrets: {
    save: (key: string, value: string) => ipcRenderer.invoke(IPC.secretsSave, key, value) as Promise<boolean>,
    load: (key: string) => ipcRenderer.invoke(IPC.secretsLoad, key) as Promise<string | null>,
    remove: (key: string) => ipcRenderer.invoke(IPC.secretsRemove, key) as Promise<void>,
  },
}

contextBridge.exposeInMainWorld('shell', api)
