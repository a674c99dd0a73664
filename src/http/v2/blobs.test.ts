import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError } from '../../errors.js'
import { parseRange } from './blobs.js'

function unsatisfiable(header: string, size: number) {
  assert.throws(() => parseRange(header, size), (err: unknown) => err instanceof AppError && err.code === 'RANGE_NOT_SATISFIABLE', `${header} of ${size} should be unsatisfiable`)
}

describe('parseRange', () => {
  test('no header means the whole blob', () => {
    assert.equal(parseRange(undefined, 100), null)
    assert.equal(parseRange('', 100), null)
  })

  test('bytes=a-b', () => {
    assert.deepEqual(parseRange('bytes=0-9', 100), { start: 0, end: 9 })
    assert.deepEqual(parseRange('bytes=10-10', 100), { start: 10, end: 10 })
    assert.deepEqual(parseRange('bytes=99-99', 100), { start: 99, end: 99 })
    assert.deepEqual(parseRange('bytes=0-99', 100), { start: 0, end: 99 })
    assert.deepEqual(parseRange('bytes=007-008', 100), { start: 7, end: 8 })
  })

  test('an end past the blob is cut to its last byte (RFC 9110 14.1.2)', () => {
    assert.deepEqual(parseRange('bytes=50-1000', 100), { start: 50, end: 99 })
    assert.deepEqual(parseRange('bytes=0-99999999999999999999999', 100), { start: 0, end: 99 })
  })

  test('bytes=a-', () => {
    assert.deepEqual(parseRange('bytes=0-', 100), { start: 0, end: 99 })
    assert.deepEqual(parseRange('bytes=42-', 100), { start: 42, end: 99 })
    assert.deepEqual(parseRange('bytes=99-', 100), { start: 99, end: 99 })
  })

  test('bytes=-suffix', () => {
    assert.deepEqual(parseRange('bytes=-1', 100), { start: 99, end: 99 })
    assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 })
    assert.deepEqual(parseRange('bytes=-100', 100), { start: 0, end: 99 })
    assert.deepEqual(parseRange('bytes=-500', 100), { start: 0, end: 99 }, 'a suffix longer than the blob is the whole blob')
  })

  test('surrounding whitespace is tolerated', () => {
    assert.deepEqual(parseRange('  bytes=1-2 ', 100), { start: 1, end: 2 })
  })

  test('unsatisfiable ranges are RANGE_NOT_SATISFIABLE', () => {
    unsatisfiable('bytes=100-', 100)
    unsatisfiable('bytes=100-200', 100)
    unsatisfiable('bytes=1000-', 100)
    unsatisfiable('bytes=-0', 100)
    unsatisfiable('bytes=99999999999999999999-', 100)
  })

  test('a range whose last byte comes before its first is invalid and ignored (RFC 9110 14.1.1, 14.2)', () => {
    assert.equal(parseRange('bytes=5-4', 100), null)
    assert.equal(parseRange('bytes=500-4', 100), null)
    assert.equal(parseRange('bytes=1-0', 0), null)
  })

  test('nothing of an empty blob is satisfiable', () => {
    unsatisfiable('bytes=0-', 0)
    unsatisfiable('bytes=0-0', 0)
    unsatisfiable('bytes=-1', 0)
    unsatisfiable('bytes=-0', 0)
  })

  test('the error has status 416', () => {
    try {
      parseRange('bytes=100-', 100)
      assert.fail('should throw')
    } catch (err) {
      assert.ok(err instanceof AppError)
      assert.equal(err.status, 416)
    }
  })

  test('malformed or multiple ranges are ignored (served whole)', () => {
    for (const h of ['bytes=', 'bytes=-', 'bytes=a-b', 'bytes=1-a', 'bytes=0-1,5-6', 'bytes=0-1, 3-4', 'items=0-1', 'bytes 0-1', 'bytes=0--1', 'bytes=+1-2', 'bytes=1.5-2', 'bytes=0x10-', '0-1', 'bytes=1-2-3', 'bytes = 0-1', 'bytes=\u0661-\u0662']) {
      assert.equal(parseRange(h, 100), null, JSON.stringify(h))
    }
  })
})

describe('parseRange fuzz', () => {
  const sizes = fc.oneof(fc.constantFrom(0, 1, 2, 100, 256 * 1024), fc.nat({ max: 10_000 }), fc.constant(2 ** 40))
  const digits = fc.oneof(fc.nat({ max: 20_000 }).map(String), fc.stringMatching(/^[0-9]{0,25}$/))

  /** RFC 9110 14.1.2 in BigInt, written apart from the implementation. */
  function model(first: string, last: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
    if (first === '' && last === '') return null
    const n = BigInt(size)
    let start: bigint
    let end: bigint
    if (first === '') {
      const suffix = BigInt(last)
      if (suffix === 0n || n === 0n) return 'unsatisfiable'
      start = suffix >= n ? 0n : n - suffix
      end = n - 1n
    } else {
      start = BigInt(first)
      if (last !== '' && BigInt(last) < start) return null // an invalid range-spec is ignored
      end = last === '' ? n - 1n : BigInt(last) < n - 1n ? BigInt(last) : n - 1n
      if (start >= n || end < start) return 'unsatisfiable'
    }
    return { start: Number(start), end: Number(end) }
  }

  function outcome(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
    try {
      return parseRange(header, size)
    } catch (err) {
      if (!(err instanceof AppError)) throw new Error(`threw a non-AppError: ${String(err)}`)
      assert.equal(err.code, 'RANGE_NOT_SATISFIABLE')
      return 'unsatisfiable'
    }
  }

  test('well-formed single ranges agree with the RFC model', () => {
    fc.assert(fc.property(digits, digits, sizes, (first, last, size) => {
      assert.deepEqual(outcome(`bytes=${first}-${last}`, size), model(first, last, size))
    }), { numRuns: 5000 })
  })

  test('any header: null, 416, or a range inside the blob', () => {
    const unit = fc.constantFrom('b', 'y', 't', 'e', 's', '=', '-', ',', ' ', '0', '1', '9', 'bytes=', 'a', '+', '.')
    const header = fc.oneof(fc.string({ unit, maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }))
    fc.assert(fc.property(header, sizes, (h, size) => {
      const r = outcome(h, size)
      if (r === null || r === 'unsatisfiable') return
      assert.ok(Number.isSafeInteger(r.start) && Number.isSafeInteger(r.end))
      assert.ok(r.start >= 0 && r.start <= r.end && r.end < size, `${JSON.stringify(h)} of ${size} → ${r.start}-${r.end}`)
    }), { numRuns: 5000 })
  })
})
