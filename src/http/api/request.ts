// The request toolkit of every /api/v2.0 route: the JSON body against a zod schema, the query as
// single strings, Harbor's booleans, positive integer ids and the request path. Bad input is
// Harbor's error body, 400 BAD_REQUEST, with a message that names the field or parameter.
//
// Bodies are read as Harbor's go-openapi server reads them: a field the schema does not know is
// dropped, at every depth, while a known field with a wrong value is refused. An empty body sent
// with `Content-Type: application/json` (Harbor's clients send the header on every call) is no body
// at all: the API plugin's JSON parser leaves `request.body` undefined, and the schema decides
// whether the route needs one.
import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { AppError } from '../../errors.js'

/**
 * The body, checked and typed by `schema`. Unknown fields are stripped, so body schemas are built
 * from z.object (never z.strictObject or z.looseObject); a schema that would refuse or pass them
 * on is a programming error, thrown on its first use. A missing body is `undefined`: give the
 * schema a `.default(…)` where Harbor's swagger makes the body optional.
 */
export function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  assertStrips(schema)
  const result = schema.safeParse(request.body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (request.body === undefined && (issue === undefined || issue.path.length === 0)) {
    throw new AppError('BAD_REQUEST', { field: 'body' }, 'the request needs a JSON body')
  }
  const field = issue ? fieldName(issue.path) : ''
  const message = issue?.message ?? 'malformed'
  throw new AppError('BAD_REQUEST', field ? { field } : undefined, field ? `invalid request body: ${field}: ${message}` : `invalid request body: ${message}`)
}

/** `permissions[0].namespace` for the path ['permissions', 0, 'namespace']. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

const checked = new WeakSet<object>()

/** Throws if `schema` holds an object schema that refuses unknown keys (strict) or keeps them (loose). */
export function assertStrips(schema: z.ZodType): void {
  if (checked.has(schema)) return
  walk(schema, new Set())
  checked.add(schema)
}

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  innerType?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  left?: z.ZodType
  right?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  items?: z.ZodType[]
  rest?: z.ZodType | null
}

function walk(schema: z.ZodType, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return
  seen.add(schema)
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def
  if (def.type === 'object') {
    if (def.catchall !== undefined) {
      throw new Error('API body schemas must drop unknown fields as Harbor does: use z.object, not z.strictObject or z.looseObject')
    }
    for (const field of Object.values(def.shape ?? {})) walk(field, seen)
    return
  }
  const children = [def.innerType, def.element, def.valueType, def.left, def.right, def.in, def.out, def.rest, ...(def.options ?? []), ...(def.items ?? [])]
  for (const child of children) if (child) walk(child, seen)
}

/** The decoded query as single strings; a parameter given more than once is a 400, not a guess. */
export function queryStrings(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new AppError('BAD_REQUEST', { parameter: name }, `query parameter ${name} is given more than once`)
    out[name] = value
  }
  return out
}

// go-openapi's swag.ConvertBool, which Harbor's generated handlers use for boolean parameters:
// these words (any case) are true. It reads every other word as false; we take the words that
// plainly say false, Go's strconv.ParseBool's among them, and refuse the rest rather than guess.
const TRUE_WORDS = new Set(['true', '1', 'yes', 'ok', 'y', 'on', 'selected', 'checked', 't', 'enabled'])
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off', 'f', 'disabled'])

/** A boolean query parameter: absent or empty gives `fallback`; an unreadable value is a 400. */
export function queryBool(query: Readonly<Record<string, string>>, name: string): boolean | undefined
export function queryBool(query: Readonly<Record<string, string>>, name: string, fallback: boolean): boolean
export function queryBool(query: Readonly<Record<string, string>>, name: string, fallback?: boolean): boolean | undefined {
  return readBool(query[name], name, fallback)
}

/** A boolean header (X-Is-Resource-Name, X-Resource-Name-In-Location), read as the query's booleans. */
export function headerBool(request: FastifyRequest, name: string, fallback: boolean): boolean {
  const raw = request.headers[name.toLowerCase()]
  if (Array.isArray(raw)) throw new AppError('BAD_REQUEST', { header: name }, `header ${name} is given more than once`)
  return readBool(raw, name, fallback) ?? fallback
}

function readBool(raw: string | undefined, name: string, fallback?: boolean): boolean | undefined {
  if (raw === undefined || raw === '') return fallback
  const word = raw.toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  throw new AppError('BAD_REQUEST', { parameter: name, value: raw }, `${name} must be true or false, not ${JSON.stringify(raw)}`)
}

const ID = /^[0-9]{1,15}$/

/** A positive integer id from a path or query parameter named `name`; anything else is a 400. */
export function positiveId(raw: string, name: string): number {
  const id = ID.test(raw) ? Number(raw) : NaN
  if (!(id > 0)) throw new AppError('BAD_REQUEST', { [name]: raw }, `${name} must be a positive integer`)
  return id
}

/** The path as received (still percent-encoded), without the query: for Location and Link headers. */
export function requestPath(request: FastifyRequest): string {
  return request.url.split('?')[0]!
}
