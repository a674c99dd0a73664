// Paging on /api/v2.0 list endpoints: `page` and `page_size` in, `X-Total-Count` and `Link` out
// (swagger parameters `page`, `pageSize`; Harbor src/server/v2.0/handler/base.go `Links`,
// src/lib/link.go). Pure: the caller passes the decoded query and writes the headers.

import { AppError } from '../../errors.js'

export type Paging = { page: number; pageSize: number; offset: number }

/** Harbor's swagger: page defaults to 1, page_size to 10, at most 100. */
export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE_SIZE = 100

const DIGITS = /^[0-9]+$/

/**
 * Reads `page` (≥ 1) and `page_size` (1…maxPageSize); an absent or empty parameter takes its default.
 * Throws AppError PAGINATION_INVALID (400, Harbor BAD_REQUEST) on anything else, including a page
 * whose offset is past Number.MAX_SAFE_INTEGER. Harbor lets page_size=0 through to "no paging";
 * we do not, so one request cannot ask for a whole table.
 */
export function parsePaging(
  query: { page?: string | undefined; page_size?: string | undefined },
  opts: { maxPageSize?: number; defaultPageSize?: number } = {},
): Paging {
  const maxPageSize = opts.maxPageSize ?? MAX_PAGE_SIZE
  const defaultPageSize = opts.defaultPageSize ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize)
  if (!Number.isSafeInteger(maxPageSize) || maxPageSize < 1) throw new RangeError(`maxPageSize must be a positive integer`)
  if (!Number.isSafeInteger(defaultPageSize) || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
    throw new RangeError(`defaultPageSize must be an integer in 1…maxPageSize`)
  }
  const page = readInteger('page', query.page, 1)
  if (page < 1) throw invalid('page', query.page, 'page must be 1 or more')
  const pageSize = readInteger('page_size', query.page_size, defaultPageSize)
  if (pageSize < 1 || pageSize > maxPageSize) {
    throw invalid('page_size', query.page_size, `page_size must be between 1 and ${maxPageSize}`)
  }
  const offset = (page - 1) * pageSize
  if (!Number.isSafeInteger(offset)) throw invalid('page', query.page, 'page is too large')
  return { page, pageSize, offset }
}

function readInteger(parameter: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = DIGITS.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(n)) throw invalid(parameter, raw, `${parameter} must be an integer`)
  return n
}

function invalid(parameter: string, value: string | undefined, message: string): AppError {
  return new AppError('PAGINATION_INVALID', { parameter, value }, message)
}

/**
 * The headers of one page of a list: `x-total-count` always, `link` when there is a previous or
 * next page, as Harbor writes them:
 *
 *   </api/v2.0/projects?page=1&page_size=10&q=name=~lib>; rel="prev" , </api/v2.0/projects?page=3&page_size=10&q=name=~lib>; rel="next"
 *
 * `path` is the request path as received (already percent-encoded); `query` is the request's decoded
 * query, whose page and page_size are replaced. Harbor sorts the parameters by name, encodes them and
 * then decodes the whole query again, so values appear raw. We keep them raw too, except characters
 * that would make the header invalid (Node refuses control and non-Latin-1 characters), break the
 * link syntax (`<>`, `"`, `,` `;` which Harbor's own ParseLinks splits on) or change the URL's
 * meaning once decoded (`%`, `&`, `#`, `+`, space): those are percent-encoded as UTF-8.
 */
export function pagingHeaders(
  path: string,
  query: Readonly<Record<string, string>>,
  page: number,
  pageSize: number,
  total: number,
): Record<string, string> {
  const headers: Record<string, string> = { 'x-total-count': String(total) }
  if (pageSize <= 0) return headers
  const links: string[] = []
  if (page > 1 && (page - 1) * pageSize < total) links.push(`<${pageUrl(path, query, page - 1, pageSize)}>; rel="prev"`)
  if (page * pageSize < total) links.push(`<${pageUrl(path, query, page + 1, pageSize)}>; rel="next"`)
  if (links.length > 0) headers.link = links.join(' , ')
  return headers
}

function pageUrl(path: string, query: Readonly<Record<string, string>>, page: number, pageSize: number): string {
  const params = new Map<string, string>(Object.entries(query))
  params.set('page', String(page))
  params.set('page_size', String(pageSize))
  // Go's url.Values.Encode orders by key, comparing bytes
  const keys = [...params.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return `${path}?${keys.map((k) => `${escape(k, UNSAFE_NAME)}=${escape(params.get(k) ?? '')}`).join('&')}`
}

// Everything printable in ASCII stays as Harbor shows it, but for these (and "=" in a name).
const UNSAFE = /[^\x21-\x7e]|[%&#+,;<>"\\]/gu
const UNSAFE_NAME = /[^\x21-\x7e]|[%&#+,;<>"\\=]/gu

function escape(s: string, unsafe = UNSAFE): string {
  // Buffer.from writes a lone surrogate as U+FFFD where encodeURIComponent would throw
  return s.replace(unsafe, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))
}
