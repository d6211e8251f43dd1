import { describe, expect, it } from 'vitest'
import { defaultSyncUsername, stationDbName } from '../station'
import { checkSyncForm, initialSyncForm, normalizeServerUrl, settingsFor, stationDbUrl, type SyncForm } from './syncSettings'

const form = (over: Partial<SyncForm> = {}): SyncForm => ({
  url: 'https://central.example.cn:6984',
  stationCode: 'xinghe-01',
  username: 'station-xinghe-01',
  password: ' s3cret ',
  remember: false,
  ...over,
})

const errorsOf = (input: SyncForm) => {
  const checked = checkSyncForm(input)
  return checked.ok ? [] : checked.errors
}

describe('sync settings form', () => {
  it('accepts http and https servers and keeps the password as typed', () => {
    const checked = checkSyncForm(form())
    expect(checked).toEqual({
      ok: true,
      value: {
        settings: { url: 'https://central.example.cn:6984/', stationCode: 'xinghe-01', username: 'station-xinghe-01', remember: false },
        password: ' s3cret ',
      },
    })
    expect(checkSyncForm(form({ url: ' http://127.0.0.1:5984 ' })).ok).toBe(true)
  })

  it('refuses other schemes, garbage, credentials, queries and an empty address', () => {
    expect(errorsOf(form({ url: '' }))).toEqual([{ field: 'url', message: 'sync.error.urlRequired' }])
    for (const url of ['ftp://central.cn/', 'central.cn:5984', 'file:///etc/passwd', 'javascript:alert(1)', 'http://', 'https://x.cn/?a=1']) {
      expect(errorsOf(form({ url }))).toEqual([{ field: 'url', message: 'sync.error.urlFormat' }])
    }
    expect(errorsOf(form({ url: 'https://admin:pw@central.cn/' }))).toEqual([{ field: 'url', message: 'sync.error.urlCredentials' }])
  })

  it('reports every field at once, one message each', () => {
    const errors = errorsOf({ url: 'nope', stationCode: 'X', username: '  ', password: '', remember: false })
    expect(errors).toEqual([
      { field: 'url', message: 'sync.error.urlFormat' },
      { field: 'stationCode', message: 'sync.error.stationCode' },
      { field: 'username', message: 'sync.error.usernameRequired' },
      { field: 'password', message: 'sync.error.passwordRequired' },
    ])
  })
})

describe('central addresses', () => {
  it('normalises the server address to a base with one trailing slash, keeping a path', () => {
    expect(normalizeServerUrl('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984/')
    expect(normalizeServerUrl('https://gov.cn/couch//')).toBe('https://gov.cn/couch/')
  })

  it('names the station database and user after the station code', () => {
    expect(stationDbName('xinghe-01')).toBe('station-xinghe-01')
    expect(defaultSyncUsername('xinghe-01')).toBe('station-xinghe-01')
    expect(stationDbUrl({ url: 'https://gov.cn/couch', stationCode: 'xinghe-01' })).toBe('https://gov.cn/couch/station-xinghe-01')
  })

  it('opens the form with the defaults, or with what was saved for this station', () => {
    expect(initialSyncForm('xinghe-01', null)).toEqual({
      url: '',
      stationCode: 'xinghe-01',
      username: 'station-xinghe-01',
      password: '',
      remember: false,
    })
    const saved = { url: 'http://127.0.0.1:5984/', stationCode: 'xinghe-01', username: 'desk-2', remember: true }
    expect(initialSyncForm('xinghe-01', saved)).toMatchObject({ url: saved.url, username: 'desk-2', remember: true, password: '' })
    expect(initialSyncForm('dongfeng', saved).username).toBe('station-dongfeng')
    expect(initialSyncForm('xinghe-01', null, true).remember).toBe(true)
    expect(initialSyncForm('xinghe-01', { ...saved, remember: false }, true).remember).toBe(false)
  })

  it('uses saved settings only when they are whole and for this station', () => {
    const saved = { url: 'http://127.0.0.1:5984/', stationCode: 'xinghe-01', username: 'station-xinghe-01', remember: false }
    expect(settingsFor('xinghe-01', saved)).toEqual(saved)
    expect(settingsFor('dongfeng', saved)).toBeNull()
    expect(settingsFor('xinghe-01', { ...saved, url: 'ftp://x' })).toBeNull()
    expect(settingsFor('xinghe-01', undefined)).toBeNull()
  })
})

describe('the password never travels in the clear', () => {
  it('refuses a plain http address unless the server is on this computer', () => {
    expect(errorsOf(form({ url: 'http://central.example.cn:5984' }))).toEqual([{ field: 'url', message: 'sync.error.urlInsecure' }])
    expect(checkSyncForm(form({ url: 'http://localhost:5984' })).ok).toBe(true)
    expect(checkSyncForm(form({ url: 'https://central.example.cn:6984' })).ok).toBe(true)
  })
})
