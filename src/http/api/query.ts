// Harbor's list filters: `q` and `sort` on /api/v2.0 list endpoints (swagger parameters `query`
// and `sort`; Harbor src/lib/q/builder.go). Pure: the caller passes both as the query string
// parser decoded them; `q` is then URL-decoded once more, as Harbor's parseKeywords does
// (url.QueryUnescape: "%XX" and "+"; a value that does not decode is used as it is). Clients rely
// on it: `q=name%3D%257Eapp` reaches Harbor as `name=%7Eapp` and means `name=~app`.
//
//   q=k1=v1,k2=~v2,k3=[min~max],k4={v1 v2},k5=(v1 v2)
//      exact   fuzzy   range         or-list    and-list
//
// Harbor's grammar, with what we add on top of it:
// - items are split on every ",", then each at its first "="; key and value must be non-empty;
// - a value starting with "~" is fuzzy, "[" a range, "{" a list of alternatives (union, "or"),
//   "(" a list that must all hold (intersection, "and"); anything else is exact, and a leading "\"
//   is dropped so that an exact value may start with one of those characters;
// - a range holds exactly one "~"; its bounds are trimmed and at least one must be set;
// - list items are split on " " and empty items skipped; a range bound or list item may be quoted
//   with a matching pair of ' or ", which is removed;
// - ours: keys must be declared fields, none twice; values are typed by their field (Harbor guesses
//   time, then integer, then string); fuzzy only on strings, ranges not on booleans; a list holds at
//   least one value; q is at most 1024 characters.

/** How a field's values are typed. `time` values are UTC unless they carry a zone. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'time'
export type Fields = Readonly<Record<string, FieldKind>>

export type FieldValue<K extends FieldKind> = K extends 'number'
  ? number
  : K extends 'boolean'
    ? boolean
    : K extends 'time'
      ? Date
      : string

/** One filter. `fuzzy` is a substring match and only occurs on string fields. */
export type Condition<T = string | number | boolean | Date> =
  | { kind: 'exact'; value: T }
  | { kind: 'fuzzy'; value: string }
  | { kind: 'range'; min?: T; max?: T }
  | { kind: 'or'; values: T[] }
  | { kind: 'and'; values: T[] }

/** The parsed `q`: at most one condition per declared field, absent keys meaning "no filter". */
export type Query<F extends Fields = Fields> = { [K in keyof F]?: Condition<FieldValue<F[K]>> }

export type SortKey<K extends string = string> = { field: K; desc: boolean }

/** Bad `q` or `sort` from a client: the API plugin answers 400 BAD_REQUEST with the message. */
export class QueryError extends Error {
  constructor(
    readonly parameter: 'q' | 'sort',
    message: string,
  ) {
    super(message)
    this.name = 'QueryError'
  }
}

export const MAX_QUERY_LENGTH = 1024

/**
 * Parses Harbor's `q` against the fields a list endpoint can filter on.
 * Returns `{}` for an absent or empty `q`; throws QueryError on anything else it cannot read.
 */
export function parseQuery<const F extends Fields>(raw: string | undefined, fields: F): Query<F> {
  if (raw === undefined || raw === '') return {} as Query<F>
  if (raw.length > MAX_QUERY_LENGTH) throw fail(`q is longer than ${MAX_QUERY_LENGTH} characters`)
  const q = queryUnescape(raw) ?? raw
  if (q === '') return {} as Query<F>
  const entries: Array<[string, Condition]> = []
  const seen = new Set<string>()
  for (const item of q.split(',')) {
    const eq = item.indexOf('=')
    if (eq <= 0 || eq === item.length - 1) {
      throw fail(`each item of q must be key=value with a non-empty key and value: ${JSON.stringify(item)}`)
    }
    const key = item.slice(0, eq)
    const kind = Object.hasOwn(fields, key) ? fields[key] : undefined
    if (kind === undefined) throw fail(`q cannot filter on ${JSON.stringify(key)}`)
    if (seen.has(key)) throw fail(`q filters on ${JSON.stringify(key)} more than once`)
    seen.add(key)
    entries.push([key, parseCondition(key, kind, item.slice(eq + 1))])
  }
  // fromEntries defines own properties, so no key can reach Object.prototype
  return Object.fromEntries(entries) as Query<F>
}

/**
 * Parses Harbor's `sort=field1,-field2` (a leading "-" is descending) against the sortable fields.
 * Returns `[]` for an absent or empty `sort`; throws QueryError on unknown, empty or repeated fields.
 */
export function parseSort<const K extends string>(sort: string | undefined, fields: readonly K[]): Array<SortKey<K>> {
  if (sort === undefined || sort === '') return []
  if (sort.length > MAX_QUERY_LENGTH) throw new QueryError('sort', `sort is longer than ${MAX_QUERY_LENGTH} characters`)
  const keys: Array<SortKey<K>> = []
  for (const item of sort.split(',')) {
    const desc = item.startsWith('-')
    const field = desc ? item.slice(1) : item
    if (!(fields as readonly string[]).includes(field)) {
      throw new QueryError('sort', `cannot sort by ${JSON.stringify(item)}`)
    }
    if (keys.some((k) => k.field === field)) {
      throw new QueryError('sort', `sort names ${JSON.stringify(field)} more than once`)
    }
    keys.push({ field: field as K, desc })
  }
  return keys
}

/**
 * Go's url.QueryUnescape: "+" is a space and "%XX" the byte XX, the bytes read as UTF-8 (a sequence
 * that is not UTF-8 becomes U+FFFD). Undefined when a "%" is not followed by two hex digits.
 */
export function queryUnescape(s: string): string | undefined {
  if (!s.includes('%') && !s.includes('+')) return s
  let out = ''
  let bytes: number[] = []
  const flush = () => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8')
    bytes = []
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '%') {
      const hi = hexValue(s.charCodeAt(i + 1))
      const lo = hexValue(s.charCodeAt(i + 2))
      if (hi < 0 || lo < 0) return undefined
      bytes.push(hi * 16 + lo)
      i += 2
    } else {
      flush()
      out += c === '+' ? ' ' : c
    }
  }
  flush()
  return out
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

function fail(message: string): QueryError {
  return new QueryError('q', message)
}

function parseCondition(key: string, kind: FieldKind, raw: string): Condition {
  const name = JSON.stringify(key)
  switch (raw[0]) {
    case '~': {
      if (kind !== 'string') throw fail(`${name} is a ${kind} field and cannot be fuzzy-matched`)
      if (raw.length < 2) throw fail(`fuzzy match on ${name} needs at least one character after "~"`)
      return { kind: 'fuzzy', value: raw.slice(1) }
    }
    case '[': {
      if (kind === 'boolean') throw fail(`${name} is a boolean field and cannot take a range`)
      const tildes = raw.split('~').length - 1
      if (raw.length < 2 || !raw.endsWith(']') || tildes !== 1) {
        throw fail(`range on ${name} must be [min~max], with exactly one "~"`)
      }
      const [min = '', max = ''] = raw.slice(1, -1).split('~').map((s) => s.trim())
      if (min === '' && max === '') throw fail(`range on ${name} needs a min, a max, or both`)
      const range: Condition = { kind: 'range' }
      if (min !== '') range.min = typedValue(name, kind, unquote(min))
      if (max !== '') range.max = typedValue(name, kind, unquote(max))
      return range
    }
    case '{':
    case '(': {
      const close = raw[0] === '{' ? '}' : ')'
      if (raw.length < 2 || !raw.endsWith(close)) throw fail(`list on ${name} must be ${raw[0]}v1 v2 …${close}`)
      const values = raw
        .slice(1, -1)
        .split(' ')
        .filter((s) => s !== '')
        .map((s) => typedValue(name, kind, unquote(s)))
      if (values.length === 0) throw fail(`list on ${name} needs at least one value`)
      return { kind: raw[0] === '{' ? 'or' : 'and', values }
    }
    default:
      return { kind: 'exact', value: typedValue(name, kind, raw[0] === '\\' ? raw.slice(1) : raw) }
  }
}

function unquote(s: string): string {
  const first = s[0]
  return s.length >= 2 && (first === '"' || first === "'") && s.endsWith(first) ? s.slice(1, -1) : s
}

const INTEGER = /^-?[0-9]+$/
// Harbor parses "2006-01-02T15:04:05" as UTC; its swagger shows "2020-04-09 02:36:00". Both, with
// optional fractional seconds and zone (toISOString's shape).
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/

function typedValue(name: string, kind: FieldKind, s: string): string | number | boolean | Date {
  switch (kind) {
    case 'string':
      return s
    case 'number': {
      const n = INTEGER.test(s) ? Number(s) : NaN
      if (!Number.isSafeInteger(n)) throw fail(`${name} takes integers, not ${JSON.stringify(s)}`)
      return n === 0 ? 0 : n // no -0
    }
    case 'boolean':
      if (s === 'true') return true
      if (s === 'false') return false
      throw fail(`${name} takes true or false, not ${JSON.stringify(s)}`)
    case 'time': {
      const date = parseTime(s)
      if (date === undefined) throw fail(`${name} takes times like 2020-04-09T02:36:00, not ${JSON.stringify(s)}`)
      return date
    }
  }
}

function parseTime(s: string): Date | undefined {
  const m = TIME.exec(s)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, sec, frac = '', zone = 'Z'] = m
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, sec].map(Number) as [
    number, number, number, number, number, number,
  ]
  const ms = frac === '' ? 0 : Math.floor(Number(`0${frac}`) * 1000)
  const local = new Date(0)
  local.setUTCFullYear(year, month - 1, day)
  local.setUTCHours(hour, minute, second, ms)
  // reject what Date would roll over: 2021-02-30, 24:00:00, 12:60:00
  if (
    local.getUTCFullYear() !== year ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    local.getUTCHours() !== hour ||
    local.getUTCMinutes() !== minute ||
    local.getUTCSeconds() !== second
  ) {
    return undefined
  }
  let offset = 0
  if (zone !== 'Z') {
    const zh = Number(zone.slice(1, 3))
    const zm = Number(zone.slice(4, 6))
    if (zh > 23 || zm > 59) return undefined
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm)
  }
  return new Date(local.getTime() - offset * 60_000)
}
