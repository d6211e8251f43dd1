import { describe, expect, it } from 'vitest'
import {
  acceptToFilters,
  expectNoArgs,
  IpcValidationError,
  MAX_ACCEPT_ENTRIES,
  MAX_FILE_BYTES,
  validateAcceptList,
  validateSaveFileRequest,
  validateSecretKey,
  validateSecretValue,
  validateSuggestedName,
  withExtension,
} from './ipcValidation'

/** A Uint8Array that claims to be huge without allocating it. */
function claimsBytes(byteLength: number): Uint8Array {
  return Object.defineProperty(new Uint8Array(1), 'byteLength', { value: byteLength })
}

describe('validateSuggestedName', () => {
  it('keeps ordinary Chinese file names', () => {
    expect(validateSuggestedName('台账-20261123.xlsx')).toBe('台账-20261123.xlsx')
  })

  it('reduces paths and forbidden characters to a harmless base name', () => {
    expect(validateSuggestedName('../../etc/passwd')).toBe('passwd')
    expect(validateSuggestedName('C:\\Windows\\system32\\evil.dll')).toBe('evil.dll')
    expect(validateSuggestedName('a<b>:c"d|e?f*.txt')).toBe('a_b__c_d_e_f_.txt')
    expect(validateSuggestedName('name\u0000\u001f.pdf')).toBe('name__.pdf')
    expect(validateSuggestedName('  ..hidden.. ')).toBe('hidden')
    expect(validateSuggestedName('CON.txt')).toBe('_CON.txt')
    expect(validateSuggestedName('lpt1')).toBe('_lpt1')
  })

  it('rejects non-strings, empty and over-long names', () => {
    for (const bad of [undefined, null, 42, {}, ['a.txt'], '', 'x'.repeat(256), '../', ' . ']) {
      expect(() => validateSuggestedName(bad)).toThrow(IpcValidationError)
    }
  })
})

describe('withExtension', () => {
  it('adds the extension only when missing', () => {
    expect(withExtension('报表', 'pdf')).toBe('报表.pdf')
    expect(withExtension('报表.PDF', 'pdf')).toBe('报表.PDF')
  })
})

describe('validateSaveFileRequest', () => {
  const ok = { suggestedName: '台账.xlsx', data: new Uint8Array([1, 2, 3]), mimeType: 'application/octet-stream' }

  it('accepts a well-formed request', () => {
    expect(validateSaveFileRequest(ok)).toEqual(ok)
    expect(validateSaveFileRequest({ ...ok, data: Buffer.from([1]) }).data).toBeInstanceOf(Uint8Array)
  })

  it('rejects wrong shapes and types', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'x',
      [ok],
      new Map(),
      { ...ok, data: [1, 2, 3] },
      { ...ok, data: new ArrayBuffer(3) },
      { ...ok, data: new Uint16Array(3) },
      { ...ok, data: 'AQID' },
      { ...ok, suggestedName: 7 },
      { ...ok, suggestedName: '' },
      { ...ok, mimeType: undefined },
      { ...ok, mimeType: 'x'.repeat(256) },
    ]
    for (const value of bad) expect(() => validateSaveFileRequest(value)).toThrow(IpcValidationError)
  })

  it('rejects data over the size limit', () => {
    expect(() => validateSaveFileRequest({ ...ok, data: claimsBytes(MAX_FILE_BYTES + 1) })).toThrow(/exceeds/)
    expect(validateSaveFileRequest({ ...ok, data: claimsBytes(MAX_FILE_BYTES) }).data.byteLength).toBe(MAX_FILE_BYTES)
  })
})

describe('validateAcceptList', () => {
  it('accepts extensions and MIME types', () => {
    const accept = ['.json', '.tongxin.zip', 'application/json', 'image/*', '.XLSX']
    expect(validateAcceptList(accept)).toEqual(accept)
    expect(validateAcceptList([])).toEqual([])
  })

  it('rejects non-arrays, non-strings, odd entries and long lists', () => {
    const bad: unknown[] = [
      undefined,
      '.json',
      { 0: '.json', length: 1 },
      [1],
      [null],
      [''],
      ['json'],
      ['.'],
      ['../x'],
      ['.js on'],
      ['*/*x'],
      ['.' + 'a'.repeat(100)],
      Array.from({ length: MAX_ACCEPT_ENTRIES + 1 }, () => '.json'),
    ]
    for (const value of bad) expect(() => validateAcceptList(value)).toThrow(IpcValidationError)
  })
})

describe('acceptToFilters', () => {
  it('turns extensions and known MIME types into one dialog filter', () => {
    expect(acceptToFilters(['.JSON', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.json'])).toEqual([
      { name: expect.any(String), extensions: ['json', 'xlsx'] },
    ])
  })

  it('offers all files when nothing maps to an extension', () => {
    expect(acceptToFilters([])).toEqual([])
    expect(acceptToFilters(['application/x-unknown'])).toEqual([])
  })
})

describe('expectNoArgs', () => {
  it('rejects any argument', () => {
    expect(() => expectNoArgs([])).not.toThrow()
    expect(() => expectNoArgs([undefined])).toThrow(IpcValidationError)
  })
})

describe('secrets', () => {
  it('accepts plain keys and short strings', () => {
    expect(validateSecretKey('sync.password:xinghe-01')).toBe('sync.password:xinghe-01')
    expect(validateSecretValue('')).toBe('')
    expect(validateSecretValue('口令 with spaces')).toBe('口令 with spaces')
  })

  it('rejects odd keys and non-string or huge values', () => {
    for (const key of [undefined, null, 1, '', '__proto__', '.hidden', 'a/b', 'a b', 'k'.repeat(101)]) {
      expect(() => validateSecretKey(key)).toThrow(IpcValidationError)
    }
    for (const value of [undefined, null, 1, ['x'], 'x'.repeat(4097)]) expect(() => validateSecretValue(value)).toThrow(IpcValidationError)
  })
})
