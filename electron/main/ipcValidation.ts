// Checks on everything the renderer sends over IPC. The renderer is treated as untrusted:
// wrong types or sizes are rejected, file names are reduced to a harmless base name.
// No 'electron' import so it can be unit-tested.

/** Largest file the shell saves or opens; sync bundles and ledgers are far smaller. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024
export const MAX_NAME_LENGTH = 255
export const MAX_MIME_LENGTH = 255
export const MAX_ACCEPT_ENTRIES = 32
export const MAX_ACCEPT_ENTRY_LENGTH = 100

/** Secrets are short (a password); keys are names the renderer chooses, e.g. sync.password:xinghe-01. */
export const MAX_SECRET_KEY_LENGTH = 100
export const MAX_SECRET_LENGTH = 4096

export class IpcValidationError extends Error {
  override name = 'IpcValidationError'
}

function fail(message: string): never {
  throw new IpcValidationError(message)
}

export interface ValidSaveFileRequest {
  suggestedName: string
  data: Uint8Array
  mimeType: string
}

export interface FileFilterSpec {
  name: string
  extensions: string[]
}

export function expectNoArgs(args: readonly unknown[]): void {
  if (args.length !== 0) fail('expected no arguments')
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
// Control characters and what Windows forbids in file names.
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f<>:"|?*]/g

/** A suggested file name reduced to a safe base name (the user still confirms it in the save dialog). */
export function validateSuggestedName(value: unknown): string {
  if (typeof value !== 'string') fail('suggestedName must be a string')
  if (value.length === 0 || value.length > MAX_NAME_LENGTH) fail(`suggestedName must be 1–${MAX_NAME_LENGTH} characters`)
  const base = value.split(/[\\/]/).pop() ?? ''
  let name = base.replace(FORBIDDEN_CHARS, '_').replace(/^[\s.]+|[\s.]+$/g, '')
  if (name.length === 0) fail('suggestedName has no usable characters')
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`
  return name
}

export function withExtension(name: string, ext: string): string {
  return name.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? name : `${name}.${ext}`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function validateSaveFileRequest(value: unknown): ValidSaveFileRequest {
  if (!isPlainObject(value)) fail('saveFile expects an object')
  const { suggestedName, data, mimeType } = value
  if (!(data instanceof Uint8Array)) fail('data must be a Uint8Array')
  if (data.byteLength > MAX_FILE_BYTES) fail(`data exceeds ${MAX_FILE_BYTES} bytes`)
  if (typeof mimeType !== 'string' || mimeType.length > MAX_MIME_LENGTH) fail('mimeType must be a short string')
  return { suggestedName: validateSuggestedName(suggestedName), data, mimeType }
}

const EXTENSION_RE = /^\.[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$/i
const MIME_RE = /^[a-z]+\/([a-z0-9][a-z0-9.+-]*|\*)$/i

export function validateAcceptList(value: unknown): string[] {
  if (!Array.isArray(value)) fail('accept must be an array')
  if (value.length > MAX_ACCEPT_ENTRIES) fail(`accept has more than ${MAX_ACCEPT_ENTRIES} entries`)
  return value.map((entry) => {
    if (typeof entry !== 'string' || entry.length === 0 || entry.length > MAX_ACCEPT_ENTRY_LENGTH) {
      fail('accept entries must be short strings')
    }
    if (!EXTENSION_RE.test(entry) && !MIME_RE.test(entry)) fail(`accept entry not understood: ${entry}`)
    return entry
  })
}

const MIME_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/json': ['json'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/gzip': ['gz'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/*': ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'],
}

/** An HTML accept list as native dialog filters; no filter (all files) when nothing maps to an extension. */
export function acceptToFilters(accept: readonly string[]): FileFilterSpec[] {
  const extensions = new Set<string>()
  for (const entry of accept) {
    if (entry.startsWith('.')) extensions.add(entry.slice(1).toLowerCase())
    else for (const ext of MIME_EXTENSIONS[entry.toLowerCase()] ?? []) extensions.add(ext)
  }
  if (extensions.size === 0) return []
  return [{ name: '可打开的文件 (Supported files)', extensions: [...extensions] }]
}

const SECRET_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/

export function validateSecretKey(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_KEY_LENGTH) {
    fail(`secret key must be 1–${MAX_SECRET_KEY_LENGTH} characters`)
  }
  // Also keeps keys like __proto__ out of the secrets file's object.
  if (!SECRET_KEY_RE.test(value)) fail('secret key may hold only letters, digits and . _ : -')
  return value
}

export function validateSecretValue(value: unknown): string {
  if (typeof value !== 'string') fail('secret must be a string')
  if (value.length > MAX_SECRET_LENGTH) fail(`secret exceeds ${MAX_SECRET_LENGTH} characters`)
  return value
}
