import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// The real 'electron' package would try to download its binary; these tests never load it.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  documents: '',
  userData: '',
  encryption: true,
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
}))

vi.mock('electron', () => ({
  app: {
    getPath: (name: string) => (name === 'documents' ? electron.documents : name === 'userData' ? electron.userData : '/nowhere'),
  },
  // A stand-in for the OS key store: reversible, and visibly not the clear text.
  safeStorage: {
    isEncryptionAvailable: () => electron.encryption,
    encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (bytes: Buffer) => {
      const text = bytes.toString()
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt')
      return [...text.slice(4)].reverse().join('')
    },
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      electron.handlers.set(channel, handler),
  },
}))

const { registerShellIpc } = await import('./ipc')
const { IPC } = await import('./ipcChannels')

const dir = mkdtempSync(join(tmpdir(), 'shell-ipc-'))
electron.documents = dir
electron.userData = join(dir, 'userData')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let trusted = true
registerShellIpc({ isTrustedSender: () => trusted })

function fakeEvent() {
  const sender = {
    print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, '')),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
  }
  return { sender, senderFrame: { url: 'file:///app/out/renderer/index.html' } } as unknown as IpcMainInvokeEvent & {
    sender: typeof sender
  }
}

async function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler(event, ...args)
}

// Every test starts from an empty userData folder, as on a first start, whatever ran before it.
beforeEach(() => {
  rmSync(electron.userData, { recursive: true, force: true })
  mkdirSync(electron.userData, { recursive: true })
  trusted = true
  electron.encryption = true
  electron.showSaveDialog.mockReset()
  electron.showOpenDialog.mockReset()
})

describe('registerShellIpc', () => {
  it('handles exactly the shell channels', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(IPC).sort())
  })

  it('refuses every channel from an untrusted sender before doing anything', async () => {
    trusted = false
    const event = fakeEvent()
    for (const channel of Object.values(IPC)) {
      await expect(invoke(channel, event)).rejects.toThrow(/untrusted/)
    }
    expect(event.sender.print).not.toHaveBeenCalled()
    expect(event.sender.printToPDF).not.toHaveBeenCalled()
    expect(electron.showSaveDialog).not.toHaveBeenCalled()
    expect(electron.showOpenDialog).not.toHaveBeenCalled()
  })
})

describe('shell:print', () => {
  it('prints, and treats a cancelled dialog as done', async () => {
    const event = fakeEvent()
    await expect(invoke(IPC.print, event)).resolves.toBeUndefined()
    event.sender.print.mockImplementation((_o, callback) => callback(false, 'Print job canceled'))
    await expect(invoke(IPC.print, event)).resolves.toBeUndefined()
  })

  it('reports a failed print and rejects arguments', async () => {
    const event = fakeEvent()
    event.sender.print.mockImplementation((_o, callback) => callback(false, 'Print job failed'))
    await expect(invoke(IPC.print, event)).rejects.toThrow(/Print job failed/)
    await expect(invoke(IPC.print, fakeEvent(), { silent: true })).rejects.toThrow(/no arguments/)
  })
})

describe('shell:printToPdf', () => {
  it('renders A4 with backgrounds and saves where the user chose', async () => {
    const event = fakeEvent()
    const target = join(dir, 'chosen.pdf')
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    await expect(invoke(IPC.printToPdf, event, '月报/2026-11')).resolves.toBe(target)
    expect(event.sender.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true })
    expect(electron.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join(dir, '2026-11.pdf') })
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake')
  })

  it('returns null when cancelled and rejects a bad name without rendering', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    await expect(invoke(IPC.printToPdf, fakeEvent(), '报表')).resolves.toBeNull()
    const event = fakeEvent()
    await expect(invoke(IPC.printToPdf, event, 42)).rejects.toThrow(/suggestedName/)
    expect(event.sender.printToPDF).not.toHaveBeenCalled()
  })
})

describe('shell:saveFile', () => {
  it('writes the bytes to the chosen path', async () => {
    const target = join(dir, '台账.xlsx')
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const request = { suggestedName: '台账.xlsx', data: new Uint8Array([80, 75, 3, 4]), mimeType: 'application/zip' }
    await expect(invoke(IPC.saveFile, fakeEvent(), request)).resolves.toBe(target)
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4])
  })

  it('returns null when cancelled', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true })
    const request = { suggestedName: 'a.json', data: new Uint8Array(), mimeType: 'application/json' }
    await expect(invoke(IPC.saveFile, fakeEvent(), request)).resolves.toBeNull()
  })

  it('rejects bad requests without opening a dialog', async () => {
    for (const bad of [undefined, { suggestedName: 'a', data: [1], mimeType: '' }, { data: new Uint8Array() }]) {
      await expect(invoke(IPC.saveFile, fakeEvent(), bad)).rejects.toThrow()
    }
    expect(electron.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('shell:openFile', () => {
  it('returns the chosen file with filters from the accept list', async () => {
    const source = join(dir, 'bundle.json')
    writeFileSync(source, '{"ok":true}')
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] })
    const opened = (await invoke(IPC.openFile, fakeEvent(), ['.json'])) as { name: string; data: Uint8Array }
    expect(opened.name).toBe('bundle.json')
    expect(opened.data).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(opened.data)).toBe('{"ok":true}')
    expect(electron.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ extensions: ['json'] }],
    })
  })

  it('returns null when cancelled and refuses directories', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] })
    await expect(invoke(IPC.openFile, fakeEvent(), [])).resolves.toBeNull()
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] })
    await expect(invoke(IPC.openFile, fakeEvent(), [])).rejects.toThrow(/not a file/)
  })

  it('rejects a bad accept list without opening a dialog', async () => {
    for (const bad of [undefined, '.json', [42], ['../../x']]) {
      await expect(invoke(IPC.openFile, fakeEvent(), bad)).rejects.toThrow()
    }
    expect(electron.showOpenDialog).not.toHaveBeenCalled()
  })
})

describe('shell:secrets', () => {
  const secretsFile = () => join(electron.userData, 'secrets.json')

  it('keeps a secret encrypted in userData and gives it back', async () => {
    await expect(invoke(IPC.secretsSave, fakeEvent(), 'sync.password:xinghe-01', '口令 s3cret')).resolves.toBe(true)
    const stored = readFileSync(secretsFile(), 'utf8')
    expect(stored).not.toContain('s3cret')
    expect(JSON.parse(stored).secrets['sync.password:xinghe-01']).toBe(Buffer.from('enc:terc3s 令口').toString('base64'))
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'sync.password:xinghe-01')).resolves.toBe('口令 s3cret')
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'sync.password:other')).resolves.toBeNull()
  })

  it('keeps several secrets through concurrent saves, and removes one', async () => {
    await Promise.all(['a', 'b', 'c'].map((k) => invoke(IPC.secretsSave, fakeEvent(), `k.${k}`, `v-${k}`)))
    for (const k of ['a', 'b', 'c']) await expect(invoke(IPC.secretsLoad, fakeEvent(), `k.${k}`)).resolves.toBe(`v-${k}`)
    await expect(invoke(IPC.secretsRemove, fakeEvent(), 'k.b')).resolves.toBeUndefined()
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.b')).resolves.toBeNull()
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.c')).resolves.toBe('v-c')
  })

  it('refuses to keep anything when the OS offers no encryption, never writing it in clear', async () => {
    await expect(invoke(IPC.secretsSave, fakeEvent(), 'k.kept', 'kept-before')).resolves.toBe(true)
    electron.encryption = false
    await expect(invoke(IPC.secretsSave, fakeEvent(), 'k.clear', 'plain-password')).resolves.toBe(false)
    const stored = readFileSync(secretsFile(), 'utf8')
    expect(stored).not.toContain('plain-password')
    expect(Object.keys(JSON.parse(stored).secrets)).toEqual(['k.kept'])
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.clear')).resolves.toBeNull()
  })

  it('answers null for a secret that cannot be decrypted any more, and starts afresh from a broken file', async () => {
    writeFileSync(secretsFile(), JSON.stringify({ version: 1, secrets: { 'k.old': Buffer.from('garbage').toString('base64') } }))
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.old')).resolves.toBeNull()
    writeFileSync(secretsFile(), '{not json')
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.old')).resolves.toBeNull()
    await expect(invoke(IPC.secretsSave, fakeEvent(), 'k.new', 'x')).resolves.toBe(true)
    await expect(invoke(IPC.secretsLoad, fakeEvent(), 'k.new')).resolves.toBe('x')
  })

  it('rejects bad keys and values before touching the file', async () => {
    for (const key of [undefined, 42, '', '__proto__', '../secrets', 'a b', 'x'.repeat(101)]) {
      await expect(invoke(IPC.secretsSave, fakeEvent(), key, 'v')).rejects.toThrow(/secret key/)
      await expect(invoke(IPC.secretsLoad, fakeEvent(), key)).rejects.toThrow(/secret key/)
      await expect(invoke(IPC.secretsRemove, fakeEvent(), key)).rejects.toThrow(/secret key/)
    }
    for (const value of [undefined, 7, { toString: () => 'x' }, 'x'.repeat(4097)]) {
      await expect(invoke(IPC.secretsSave, fakeEvent(), 'k.ok', value)).rejects.toThrow(/secret/)
    }
  })
})
