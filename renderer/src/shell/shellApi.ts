// What the app asks of the platform it runs on. Electron's preload implements it as `window.shell`;
// in a plain browser `browserShell` does the same with what a browser has.

export interface SaveFileRequest {
  /** Suggested file name, e.g. 台账-20261123.xlsx */
  suggestedName: string
  data: Uint8Array
  /** MIME type, used by the browser implementation */
  mimeType: string
}

export interface OpenedFile {
  name: string
  data: Uint8Array
}

/**
 * Secrets (the central server's password) kept by the platform: Electron encrypts them with the OS
 * (safeStorage) in a file of its own; a browser keeps them for the tab's session only.
 */
export interface SecretStore {
  /** Keeps the value under key; false when the platform cannot keep it safely (then nothing is kept). */
  save(key: string, value: string): Promise<boolean>
  /** The value kept under key, or null. */
  load(key: string): Promise<string | null>
  remove(key: string): Promise<void>
}

export interface ShellApi {
  /** 'electron' inside the desktop shell, 'browser' otherwise */
  readonly platform: 'electron' | 'browser'
  /** Print the current window (system dialog). */
  print(): Promise<void>
  /** Print the current window to a PDF and save it; resolves to the saved path or null if cancelled. */
  printToPdf(suggestedName: string): Promise<string | null>
  /** Save bytes to a file chosen by the user; resolves to the saved name/path or null if cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>
  /** Let the user pick a file to open; null if cancelled. */
  openFile(accept: string[]): Promise<OpenedFile | null>
  secrets: SecretStore
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (set by the preload). */
    shell?: ShellApi
  }
}
