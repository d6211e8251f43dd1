// A small CouchDB 3 HTTP client on `fetch`, for the technician's provisioning and bundle commands.
// Credentials travel in an Authorization header: fetch refuses URLs that carry them.
import { basicAuth } from '../renderer/src/contract'

export type CentralErrorCode =
  | 'badUrl'
  | 'unreachable'
  | 'badCredentials'
  | 'notAdmin'
  | 'badStationCode'
  | 'badStationName'
  | 'unexpected'

/** A problem the technician can act on, worded in Chinese and English. */
export class CentralSetupError extends Error {
  constructor(
    readonly code: CentralErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'CentralSetupError'
  }
}

export interface CouchServer {
  /** the server's address without credentials, ending in `/` */
  base: string
  username?: string
  /** `Basic …`, when the address carried a user and password */
  authorization?: string
  fetch: typeof fetch
}

export interface CouchResponse<T = unknown> {
  status: number
  body: T
}

/** Reads `http://user:password@host:5984/` into a base address and its credentials. */
export function parseServerUrl(url: string, fetchImpl: typeof fetch = fetch): CouchServer {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw badUrl(url)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badUrl(url)
  const username = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  parsed.username = ''
  parsed.password = ''
  parsed.search = ''
  parsed.hash = ''
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/'
  return {
    base: parsed.toString(),
    ...(username ? { username, authorization: basicAuth(username, password) } : {}),
    fetch: fetchImpl,
  }
}

function badUrl(url: string) {
  return new CentralSetupError(
    'badUrl',
    `服务器地址不对：${url}（应为 http://管理员:密码@主机:5984）`,
    `Not a usable server address: ${url} (expected http://admin:password@host:5984)`,
  )
}

/** A database, or a document in it, as it goes into a path (`_design/` stays a path segment). */
export function pathOf(db: string, docId?: string): string {
  if (docId === undefined) return encodeURIComponent(db)
  const design = docId.startsWith('_design/')
  const name = design ? docId.slice('_design/'.length) : docId
  return `${encodeURIComponent(db)}/${design ? '_design/' : ''}${encodeURIComponent(name)}`
}

/**
 * One request; the body is parsed as JSON when it is JSON. Only a failed connection throws: every
 * HTTP status is returned for the caller to judge.
 */
export async function couchRequest<T = Record<string, unknown>>(
  server: CouchServer,
  method: string,
  path: string,
  body?: unknown,
  authorization = server.authorization,
): Promise<CouchResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (authorization) headers.Authorization = authorization
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await server.fetch(server.base + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
  } catch (error) {
    const detail = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)
    throw new CentralSetupError(
      'unreachable',
      `无法连接中心服务器 ${server.base}：${detail}`,
      `Cannot reach the central server at ${server.base}: ${detail}`,
    )
  }
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (a proxy's error page, say): the caller sees the text.
  }
  return { status: response.status, body: parsed as T }
}

/** Throws an `unexpected` error naming the request and the server's answer. */
export function unexpected(what: string, response: CouchResponse<unknown>): never {
  const answer = typeof response.body === 'string' ? response.body.slice(0, 200) : JSON.stringify(response.body)
  throw new CentralSetupError(
    'unexpected',
    `${what} 失败：服务器返回 ${response.status} ${answer}`,
    `${what} failed: the server answered ${response.status} ${answer}`,
  )
}

/** Equality of two JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]))
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && sameJson(left[key], right[key]))
}
