// Secrets the renderer asks the shell to keep (the central server's password), encrypted with the
// OS's key store through Electron's safeStorage and written as base64 to one JSON file in userData.
// No 'electron' import, so it can be unit-tested: the encryptor is passed in.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** What this file needs of Electron's safeStorage, with plain bytes instead of Electron's Buffer. */
export interface Encryptor {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Uint8Array
  decryptString(bytes: Uint8Array): string
}

interface SecretsFile {
  version: 1
  /** key → base64 of the encrypted value */
  secrets: Record<string, string>
}

export class SecretFile {
  /** Writes one after another, so two saves never interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    /** Asked at each use: Electron's userData path is only known once the app is ready. */
    private readonly path: () => string,
    private readonly encryptor: Encryptor,
  ) {}

  /** False when the OS offers no encryption (e.g. Linux without a key ring): nothing is written in clear. */
  save(key: string, value: string): Promise<boolean> {
    return this.serial(async () => {
      if (!this.encryptor.isEncryptionAvailable()) return false
      const file = await this.read()
      file.secrets[key] = Buffer.from(this.encryptor.encryptString(value)).toString('base64')
      await this.write(file)
      return true
    })
  }

  /** Null when nothing is kept, or when it can no longer be decrypted (another OS user, a new key ring). */
  async load(key: string): Promise<string | null> {
    await this.queue.catch(() => undefined)
    const stored = (await this.read()).secrets[key]
    if (stored === undefined || !this.encryptor.isEncryptionAvailable()) return null
    try {
      return this.encryptor.decryptString(new Uint8Array(Buffer.from(stored, 'base64')))
    } catch {
      return null
    }
  }

  remove(key: string): Promise<void> {
    return this.serial(async () => {
      const file = await this.read()
      if (!(key in file.secrets)) return
      delete file.secrets[key]
      await this.write(file)
    })
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(task)
    this.queue = run
    return run
  }

  private async read(): Promise<SecretsFile> {
    try {
      const parsed = JSON.parse(await readFile(this.path(), 'utf8')) as Partial<SecretsFile>
      const secrets: Record<string, string> = Object.create(null)
      for (const [key, value] of Object.entries(parsed.secrets ?? {})) if (typeof value === 'string') secrets[key] = value
      return { version: 1, secrets }
    } catch {
      // Missing or unreadable: start afresh (the clerk types the password again).
      return { version: 1, secrets: Object.create(null) }
    }
  }

  /** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
  private async write(file: SecretsFile): Promise<void> {
    const path = this.path()
    await mkdir(dirname(path), { recursive: true })
    const temporary = `${path}.tmp`
    await writeFile(temporary, JSON.stringify(file), { mode: 0o600 })
    await rename(temporary, path)
  }
}
