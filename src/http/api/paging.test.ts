import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { validateHeaderValue } from 'node:http'
import fc from 'fast-check'
import { AppError } from '../../errors.js'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pagingHeaders, parsePaging } from './paging.js'

function assertPaginationInvalid(fn: () => unknown, parameter: 'page' | 'page_size') {
  assert.throws(fn, (err: unknown) => {
    return err instanceof AppError && err.code === 'PAGINATION_INVALID' && err.status === 400 && (err.detail as { parameter: string }).parameter === parameter
  })
}

describe('parsePaging', () => {
  test("Harbor's defaults", () => {
    assert.equal(DEFAULT_PAGE_SIZE, 10)
    assert.equal(MAX_PAGE_SIZE, 100)
    assert.deepEqual(parsePaging({}), { page: 1, pageSize: 10, offset: 0 })
    assert.deepEqual(parsePaging({ page: '', page_size: '' }), { page: 1, pageSize: 10, offset: 0 })
    assert.deepEqual(parsePaging({ page: undefined, page_size: undefined }), { page: 1, pageSize: 10, offset: 0 })
  })

  const good: Array<[{ page?: string; page_size?: string }, { page: number; pageSize: number; offset: number }]> = [
    [{ page: '1' }, { page: 1, pageSize: 10, offset: 0 }],
    [{ page: '3' }, { page: 3, pageSize: 10, offset: 20 }],
    [{ page_size: '1' }, { page: 1, pageSize: 1, offset: 0 }],
    [{ page_size: '100' }, { page: 1, pageSize: 100, offset: 0 }],
    [{ page: '2', page_size: '15' }, { page: 2, pageSize: 15, offset: 15 }],
    [{ page: '007', page_size: '010' }, { page: 7, pageSize: 10, offset: 60 }],
    [{ page: String(2 ** 40) }, { page: 2 ** 40, pageSize: 10, offset: (2 ** 40 - 1) * 10 }],
  ]
  for (const [query, expected] of good) {
    test(JSON.stringify(query), () => assert.deepEqual(parsePaging(query), expected))
  }

  const bad: Array<[{ page?: string; page_size?: string }, 'page' | 'page_size']> = [
    [{ page: '0' }, 'page'],
    [{ page: '-1' }, 'page'],
    [{ page: '+1' }, 'page'],
    [{ page: '1.0' }, 'page'],
    [{ page: '1e2' }, 'page'],
    [{ page: '0x1' }, 'page'],
    [{ page: ' 1' }, 'page'],
    [{ page: '1 ' }, 'page'],
    [{ page: 'one' }, 'page'],
    [{ page: '١' }, 'page'], // Arabic-Indic digit one
    [{ page: '99999999999999999999' }, 'page'],
    [{ page: String(Number.MAX_SAFE_INTEGER) }, 'page'], // its offset is not a safe integer
    [{ page_size: '0' }, 'page_size'], // Harbor: no paging at all; Berth: refused
    [{ page_size: '-1' }, 'page_size'],
    [{ page_size: '101' }, 'page_size'],
    [{ page_size: '10.5' }, 'page_size'],
    [{ page_size: 'all' }, 'page_size'],
    [{ page: '1', page_size: '1000' }, 'page_size'],
  ]
  for (const [query, parameter] of bad) {
    test(`rejects ${JSON.stringify(query)}`, () => assertPaginationInvalid(() => parsePaging(query), parameter))
  }

  test('options: a larger maximum and another default', () => {
    assert.deepEqual(parsePaging({}, { defaultPageSize: 25 }), { page: 1, pageSize: 25, offset: 0 })
    assert.deepEqual(parsePaging({ page_size: '500' }, { maxPageSize: 500 }), { page: 1, pageSize: 500, offset: 0 })
    assertPaginationInvalid(() => parsePaging({ page_size: '501' }, { maxPageSize: 500 }), 'page_size')
    assertPaginationInvalid(() => parsePaging({ page_size: '6' }, { maxPageSize: 5 }), 'page_size')
    // the default page size never exceeds a smaller maximum
    assert.deepEqual(parsePaging({}, { maxPageSize: 5 }), { page: 1, pageSize: 5, offset: 0 })
  })

  test('options that make no sense are a programming error, not a client one', () => {
    assert.throws(() => parsePaging({}, { maxPageSize: 0 }), RangeError)
    assert.throws(() => parsePaging({}, { maxPageSize: 1.5 }), RangeError)
    assert.throws(() => parsePaging({}, { defaultPageSize: 0 }), RangeError)
    assert.throws(() => parsePaging({}, { defaultPageSize: 101 }), RangeError)
    assert.throws(() => parsePaging({}, { maxPageSize: 20, defaultPageSize: 30 }), RangeError)
  })

  test('fuzzed: any strings give a consistent page or PAGINATION_INVALID', () => {
    const raw = fc.option(fc.oneof(fc.string({ unit: 'binary' }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String)), { nil: undefined })
    fc.assert(
      fc.property(raw, raw, (page, page_size) => {
        try {
          const p = parsePaging({ page, page_size })
          assert.ok(Number.isSafeInteger(p.page) && p.page >= 1)
          assert.ok(Number.isSafeInteger(p.pageSize) && p.pageSize >= 1 && p.pageSize <= 100)
          assert.ok(Number.isSafeInteger(p.offset))
          assert.equal(p.offset, (p.page - 1) * p.pageSize)
          if (page) assert.equal(p.page, Number(page))
          if (page_size) assert.equal(p.pageSize, Number(page_size))
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'PAGINATION_INVALID') throw err
        }
      }),
      { numRuns: 5000 },
    )
  })

  test('fuzzed: every in-range decimal is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 45 }), fc.integer({ min: 1, max: 100 }), (page, size) => {
        assert.deepEqual(parsePaging({ page: String(page), page_size: String(size) }), { page, pageSize: size, offset: (page - 1) * size })
      }),
    )
  })
})

describe('pagingHeaders', () => {
  const P = '/api/v2.0/projects'
  const url = (q: string) => `${P}?${q}`

  test('first of three pages: next only', () => {
    assert.deepEqual(pagingHeaders(P, {}, 1, 10, 25), {
      'x-total-count': '25',
      link: `<${url('page=2&page_size=10')}>; rel="next"`,
    })
  })

  test("middle page: prev and next, joined by ' , ' as Harbor's lib.Links", () => {
    assert.deepEqual(pagingHeaders(P, { page: '2', page_size: '10' }, 2, 10, 25), {
      'x-total-count': '25',
      link: `<${url('page=1&page_size=10')}>; rel="prev" , <${url('page=3&page_size=10')}>; rel="next"`,
    })
  })

  test('last page: prev only', () => {
    assert.deepEqual(pagingHeaders(P, { page: '3' }, 3, 10, 25), {
      'x-total-count': '25',
      link: `<${url('page=2&page_size=10')}>; rel="prev"`,
    })
  })

  test('a single page, an empty list, no page size: no link', () => {
    assert.deepEqual(pagingHeaders(P, {}, 1, 10, 10), { 'x-total-count': '10' })
    assert.deepEqual(pagingHeaders(P, {}, 1, 10, 0), { 'x-total-count': '0' })
    assert.deepEqual(pagingHeaders(P, {}, 1, 0, 50), { 'x-total-count': '50' })
  })

  test('a page past the end has no prev, as in Harbor', () => {
    assert.deepEqual(pagingHeaders(P, {}, 5, 10, 20), { 'x-total-count': '20' })
    assert.deepEqual(pagingHeaders(P, {}, 3, 10, 21), { 'x-total-count': '21', link: `<${url('page=2&page_size=10')}>; rel="prev"` })
  })

  test('page_size is always written, even when the request left it to the default', () => {
    assert.equal(pagingHeaders(P, {}, 1, 15, 16).link, `<${url('page=2&page_size=15')}>; rel="next"`)
  })

  test('parameters sorted by name, other parameters kept, q written raw as Harbor does', () => {
    const query = { with_detail: 'true', q: 'name=~lib', sort: '-creation_time', page: '1', page_size: '10' }
    assert.equal(
      pagingHeaders(P, query, 1, 10, 11).link,
      `<${url('page=2&page_size=10&q=name=~lib&sort=-creation_time&with_detail=true')}>; rel="next"`,
    )
    assert.equal(
      pagingHeaders(P, { q: 'creation_time=[2020-04-09T02:36:00~2021-01-01T00:00:00]' }, 1, 10, 11).link,
      `<${url('page=2&page_size=10&q=creation_time=[2020-04-09T02:36:00~2021-01-01T00:00:00]')}>; rel="next"`,
    )
    assert.equal(
      pagingHeaders(P, { q: 'name={a b},tags=(x y)' }, 1, 10, 11).link,
      `<${url('page=2&page_size=10&q=name={a%20b}%2Ctags=(x%20y)')}>; rel="next"`,
    )
  })

  test('what would break the header, the link or the URL is percent-encoded as UTF-8', () => {
    const link = (v: string) => pagingHeaders(P, { q: v }, 1, 10, 11).link
    assert.equal(link('a,b;c'), `<${url('page=2&page_size=10&q=a%2Cb%3Bc')}>; rel="next"`)
    assert.equal(link('<x>"'), `<${url('page=2&page_size=10&q=%3Cx%3E%22')}>; rel="next"`)
    assert.equal(link('a&b=c#d'), `<${url('page=2&page_size=10&q=a%26b=c%23d')}>; rel="next"`)
    assert.equal(link('1+1 %'), `<${url('page=2&page_size=10&q=1%2B1%20%25')}>; rel="next"`)
    assert.equal(link('名字'), `<${url('page=2&page_size=10&q=%E5%90%8D%E5%AD%97')}>; rel="next"`)
    assert.equal(link('a\r\nb\\'), `<${url('page=2&page_size=10&q=a%0D%0Ab%5C')}>; rel="next"`)
    assert.equal(link('\ud800'), `<${url('page=2&page_size=10&q=%EF%BF%BD')}>; rel="next"`)
    assert.equal(pagingHeaders(P, { 'a=b': 'c' }, 1, 10, 11).link, `<${url('a%3Db=c&page=2&page_size=10')}>; rel="next"`)
  })

  test('fuzzed: a valid header whose links decode back to the query with the new page', () => {
    const key = fc.string({ unit: 'binary', maxLength: 8 }).filter((k) => k !== 'page' && k !== 'page_size' && k !== '__proto__')
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.string({ unit: 'binary' }), { maxKeys: 5, noNullPrototype: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10_000 }),
        (query, page, pageSize, total) => {
          const headers = pagingHeaders(P, query, page, pageSize, total)
          assert.equal(headers['x-total-count'], String(total))
          const link = headers.link
          const hasPrev = page > 1 && (page - 1) * pageSize < total
          const hasNext = page * pageSize < total
          if (!hasPrev && !hasNext) return assert.equal(link, undefined)
          assert.ok(link !== undefined)
          validateHeaderValue('link', link)
          const parts = link.split(' , ')
          assert.equal(parts.length, Number(hasPrev) + Number(hasNext))
          for (const part of parts) {
            const m = /^<([^<>]*)>; rel="(prev|next)"$/.exec(part)
            assert.ok(m, part)
            const [, target = '', rel] = m
            assert.ok(!target.includes(','))
            const parsed = new URL(target, 'http://berth.test')
            assert.equal(parsed.pathname, P)
            const expected = new Map(Object.entries(query))
            expected.set('page', String(rel === 'prev' ? page - 1 : page + 1))
            expected.set('page_size', String(pageSize))
            assert.deepEqual(new Map(parsed.searchParams), expected)
            const names = [...parsed.searchParams.keys()]
            assert.deepEqual(names, [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))))
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
