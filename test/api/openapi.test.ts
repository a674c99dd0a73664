// Our OpenAPI document cannot drift: it parses, lists exactly the /api/v2.0 routes the server
// registers, is served with its Swagger UI page, and docs/api-compatibility.md is generated from it.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { parse } from 'yaml'
import { buildApp } from '../../src/app.js'
import { openDeps, type Deps } from '../../src/deps.js'
import { loadConfig } from '../../src/config/load.js'
import { DEVCENTER_PATH } from '../../src/http/api/openapi.js'
import { ADMIN_PASSWORD, TEST_PASSWORD_COST } from '../helpers/berth.js'

/** The repository's root: the first directory upwards with api/openapi.yaml (tests run from a build dir). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'api', 'openapi.yaml')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('repository root not found')
    dir = parent
  }
  return dir
}

const ROOT = repoRoot()
const DOC_PATH = join(ROOT, 'api', 'openapi.yaml')
const HARBOR_DOC = join(ROOT, 'test', 'harbor-client', 'harbor-swagger-v2.yaml')
const PREFIX = '/api/v2.0'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const

type Operation = { operationId?: string; tags?: string[]; parameters?: Array<Record<string, unknown>>; 'x-berth-status'?: string; 'x-berth-note'?: string }
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>> & { parameters?: Array<Record<string, unknown>> }
type Doc = { openapi: string; paths: Record<string, PathItem>; components: Record<string, Record<string, unknown>> }

const doc = parse(readFileSync(DOC_PATH, 'utf8')) as Doc

function* operations(d: Doc): Generator<{ method: string; path: string; op: Operation; item: PathItem }> {
  for (const [path, item] of Object.entries(d.paths)) {
    for (const m of METHODS) {
      const op = item[m]
      if (op) yield { method: m.toUpperCase(), path, op, item }
    }
  }
}

/** `#/components/parameters/x` → the object it names, or undefined. */
function deref(ref: string): unknown {
  let node: unknown = doc
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined
  }
  return node
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out)
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else collectRefs(v, out)
    }
  }
  return out
}

describe('api/openapi.yaml', () => {
  test('is an OpenAPI 3.0 document whose references all resolve', () => {
    assert.match(doc.openapi, /^3\.0\.\d+$/)
    const broken = collectRefs(doc).filter((r) => !r.startsWith('#/') || deref(r) === undefined)
    assert.deepEqual([...new Set(broken)], [])
  })

  test('every operation has a unique operationId, a status, and declares its path parameters', () => {
    const ids = new Set<string>()
    for (const { method, path, op, item } of operations(doc)) {
      const where = `${method} ${path}`
      assert.ok(op.operationId, `${where}: no operationId`)
      assert.ok(!ids.has(op.operationId), `${where}: operationId ${op.operationId} used twice`)
      ids.add(op.operationId)
      assert.ok(op.tags && op.tags.length > 0, `${where}: no tag`)
      assert.ok(op['x-berth-status'] === 'done' || op['x-berth-status'] === 'partial', `${where}: x-berth-status must be done or partial`)
      if (op['x-berth-status'] === 'partial') assert.ok(op['x-berth-note'], `${where}: partial without x-berth-note`)
      const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => (typeof p.$ref === 'string' ? (deref(p.$ref) as Record<string, unknown>) : p))
        .filter((p) => p?.in === 'path')
        .map((p) => p.name)
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        assert.ok(declared.includes(name), `${where}: path parameter ${name} not declared`)
      }
    }
  })
})

describe('the server and its document', () => {
  let dataDir: string
  let deps: Deps
  let app: FastifyInstance
  /** `GET /projects/{project_name_or_id}` for every route registered under /api/v2.0. */
  const served = new Set<string>()

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'berth-openapi-'))
    const config = loadConfig({ file: null, env: {}, overrides: { harbor_admin_password: ADMIN_PASSWORD, data_volume: dataDir, log: { level: 'silent' } } })
    deps = await openDeps(config, { passwordCost: TEST_PASSWORD_COST })
    const getHandlers = new Map<string, unknown>()
    const routes: RouteOptions[] = []
    app = await buildApp(deps, { onRoute: (route) => { routes.push(route) } })
    await app.ready()
    for (const r of routes) {
      const methods = Array.isArray(r.method) ? r.method : [r.method]
      if (methods.includes('GET')) getHandlers.set(r.url, r.handler)
    }
    for (const r of routes) {
      if (!r.url.startsWith(`${PREFIX}/`)) continue
      const path = r.url.slice(PREFIX.length).replace(/:(\w+)/g, '{$1}')
      for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
        // fastify adds a HEAD beside every GET; only a HEAD with its own handler is an operation
        if (m === 'HEAD' && getHandlers.get(r.url) === r.handler) continue
        served.add(`${m} ${path}`)
      }
    }
  })

  after(async () => {
    await app?.close()
    await deps?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('every /api/v2.0 route is in the document, and every operation in the document is a route', () => {
    const documented = new Set([...operations(doc)].map(({ method, path }) => `${method} ${path}`))
    const undocumented = [...served].filter((r) => !documented.has(r)).sort()
    const unserved = [...documented].filter((r) => !served.has(r)).sort()
    assert.deepEqual({ undocumented, unserved }, { undocumented: [], unserved: [] },
      'api/openapi.yaml must list exactly the routes under /api/v2.0 (add or remove operations, then npm run api-compat)')
    assert.ok(served.size >= 5)
  })

  test('the document is served as YAML and as JSON, without signing in', async () => {
    const y = await app.inject({ method: 'GET', url: `${PREFIX}/openapi.yaml` })
    assert.equal(y.statusCode, 200)
    assert.match(String(y.headers['content-type']), /yaml/)
    assert.deepEqual(parse(y.body), doc)
    const j = await app.inject({ method: 'GET', url: `${PREFIX}/openapi.json` })
    assert.equal(j.statusCode, 200)
    assert.match(String(j.headers['content-type']), /^application\/json/)
    assert.deepEqual(j.json(), doc)
  })

  test('the Swagger UI page and its files are served locally', async () => {
    for (const url of [DEVCENTER_PATH, `${DEVCENTER_PATH}/`]) {
      const page = await app.inject({ method: 'GET', url })
      assert.equal(page.statusCode, 200)
      assert.match(String(page.headers['content-type']), /^text\/html/)
      assert.match(page.body, /swagger-ui-bundle\.js/)
      assert.doesNotMatch(page.body, /https?:\/\//, 'no file from outside')
    }
    const init = await app.inject({ method: 'GET', url: `${DEVCENTER_PATH}/init.js` })
    assert.equal(init.statusCode, 200)
    assert.match(init.body, /\/api\/v2\.0\/openapi\.json/)
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']) {
      const res = await app.inject({ method: 'GET', url: `${DEVCENTER_PATH}/${file}` })
      assert.equal(res.statusCode, 200, file)
      assert.ok(res.rawPayload.length > 100, file)
    }
    const missing = await app.inject({ method: 'GET', url: `${DEVCENTER_PATH}/../package.json` })
    assert.notEqual(missing.statusCode, 200)
  })
})

type Compat = {
  buildReport(harborPath: string, berthPath: string): {
    result: { problems: string[]; additions: Array<{ tag: string; method: string; path: string }>; total: number }
    report: string
  }
}

describe('docs/api-compatibility.md', () => {
  test('is what npm run api-compat makes of Harbor\'s document and ours', async (t) => {
    if (!existsSync(HARBOR_DOC)) {
      t.skip(`Harbor's document is not at ${HARBOR_DOC}; cannot compare`)
      return
    }
    const compat = (await import(pathToFileURL(join(ROOT, 'scripts', 'api-compat.mjs')).href)) as Compat
    const { result, report } = compat.buildReport(HARBOR_DOC, DOC_PATH)
    assert.deepEqual(result.problems, [], 'our operationIds must be Harbor\'s for the same method and path')
    assert.equal(result.total, 203)
    // an operation Harbor does not have is ours on purpose, never a misspelt Harbor path
    assert.deepEqual(result.additions.filter((a) => a.tag !== 'berth').map((a) => `${a.method} ${a.path}`), [])
    assert.equal(readFileSync(join(ROOT, 'docs', 'api-compatibility.md'), 'utf8'), report, 'run npm run api-compat and commit docs/api-compatibility.md')
  })
})
