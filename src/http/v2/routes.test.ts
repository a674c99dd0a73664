import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { matchV2Path, ROUTE_METHODS, type V2Route } from './routes.js'

const D = `sha256:${'ab'.repeat(32)}`
const ID = '3f1c2b9e-8a4d-4c1e-9f0a-1b2c3d4e5f60'

describe('matchV2Path', () => {
  const cases: Array<[string, V2Route | null]> = [
    ['/v2', { route: 'base' }],
    ['/v2/', { route: 'base' }],
    ['/v2/_catalog', { route: 'catalog' }],
    ['/v2/library/ubuntu/tags/list', { route: 'tags', name: 'library/ubuntu' }],
    ['/v2/library/ubuntu/manifests/latest', { route: 'manifest', name: 'library/ubuntu', reference: 'latest' }],
    [`/v2/library/ubuntu/manifests/${D}`, { route: 'manifest', name: 'library/ubuntu', reference: D }],
    [`/v2/library/ubuntu/blobs/${D}`, { route: 'blob', name: 'library/ubuntu', digest: D }],
    ['/v2/library/ubuntu/blobs/uploads/', { route: 'uploads', name: 'library/ubuntu' }],
    ['/v2/library/ubuntu/blobs/uploads', { route: 'uploads', name: 'library/ubuntu' }],
    [`/v2/library/ubuntu/blobs/uploads/${ID}`, { route: 'upload', name: 'library/ubuntu', id: ID }],
    [`/v2/library/ubuntu/referrers/${D}`, { route: 'referrers', name: 'library/ubuntu', digest: D }],
    // names with many components, and names that contain route words
    ['/v2/a/b/c/d/manifests/v1', { route: 'manifest', name: 'a/b/c/d', reference: 'v1' }],
    ['/v2/p/manifests/manifests/x', { route: 'manifest', name: 'p/manifests', reference: 'x' }],
    ['/v2/p/blobs/blobs/x', { route: 'blob', name: 'p/blobs', digest: 'x' }],
    ['/v2/p/tags/list/tags/list', { route: 'tags', name: 'p/tags/list' }],
    ['/v2/p/blobs/uploads/blobs/uploads/', { route: 'uploads', name: 'p/blobs/uploads' }],
    [`/v2/p/referrers/x/manifests/${D}`, { route: 'manifest', name: 'p/referrers/x', reference: D }],
    // not endpoints
    ['/', null],
    ['', null],
    ['/v1/x/manifests/y', null],
    ['/v2x', null],
    ['/v22/a/manifests/b', null],
    ['/V2/a/manifests/b', null],
    ['/v2/_catalog/', null],
    ['/v2/a', null],
    ['/v2/a/b', null],
    ['/v2/a/manifests/', null],
    ['/v2/a/manifests/b/c', null],
    ['/v2/manifests/x', null],
    ['/v2/a/blobs/', null],
    [`/v2/a/blobs/uploads/${ID}/`, null],
    ['/v2/a/tags/list/', null],
    ['/v2/a/tags', null],
    ['/v2/a/referrers/', null],
  ]
  for (const [path, expected] of cases) {
    test(`${JSON.stringify(path)} → ${expected ? expected.route : 'null'}`, () => {
      assert.deepEqual(matchV2Path(path), expected)
    })
  }

  test('every route in ROUTE_METHODS has at least one case above, and only known methods', () => {
    const seen = new Set(cases.flatMap(([, r]) => (r ? [r.route] : [])))
    assert.deepEqual([...seen].sort(), Object.keys(ROUTE_METHODS).sort())
    for (const methods of Object.values(ROUTE_METHODS)) {
      for (const m of methods) assert.ok(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m))
    }
  })

  test('methods follow the distribution spec', () => {
    assert.deepEqual([...ROUTE_METHODS.blob].sort(), ['DELETE', 'GET', 'HEAD'])
    assert.deepEqual([...ROUTE_METHODS.manifest].sort(), ['DELETE', 'GET', 'HEAD', 'PUT'])
    assert.deepEqual([...ROUTE_METHODS.uploads], ['POST'])
    assert.deepEqual([...ROUTE_METHODS.upload].sort(), ['DELETE', 'GET', 'PATCH', 'PUT'])
  })
})

describe('matchV2Path fuzz', () => {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('/', '/', '/', 'a', 'b', 'manifests', 'blobs', 'uploads', 'tags', 'list', 'referrers', '_catalog', D, 'latest', ID, '..', '.', '?', '?n=1', '#', '%2F', '%2e', ':', ' ', '\n', '\u00e9') },
    fc.string({ maxLength: 6 }),
  )
  const path = fc.oneof(
    { weight: 4, arbitrary: fc.array(piece, { maxLength: 14 }).map((p) => `/v2/${p.join('')}`) },
    fc.array(piece, { maxLength: 14 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 80 }),
  )

  /** What the /v2 plugin does before matching: drop the query string. */
  const withoutQuery = (url: string) => {
    const q = url.indexOf('?')
    return q < 0 ? url : url.slice(0, q)
  }

  test('never throws; captures are non-empty substrings; the route rebuilds the path', () => {
    let matched = 0
    fc.assert(fc.property(path, (url) => {
      const p = withoutQuery(url)
      const route = matchV2Path(p)
      if (!route) return
      matched++
      assert.ok(p.startsWith('/v2'))
      const rest = p.slice(4)
      const captures: string[] = []
      switch (route.route) {
        case 'base': assert.ok(p === '/v2' || p === '/v2/'); break
        case 'catalog': assert.equal(rest, '_catalog'); break
        case 'tags': assert.equal(rest, `${route.name}/tags/list`); captures.push(route.name); break
        case 'manifest': assert.equal(rest, `${route.name}/manifests/${route.reference}`); captures.push(route.name, route.reference); break
        case 'blob': assert.equal(rest, `${route.name}/blobs/${route.digest}`); captures.push(route.name, route.digest); break
        case 'uploads': assert.ok(rest === `${route.name}/blobs/uploads` || rest === `${route.name}/blobs/uploads/`); captures.push(route.name); break
        case 'upload': assert.equal(rest, `${route.name}/blobs/uploads/${route.id}`); captures.push(route.name, route.id); break
        case 'referrers': assert.equal(rest, `${route.name}/referrers/${route.digest}`); captures.push(route.name, route.digest); break
      }
      for (const c of captures) {
        assert.ok(c.length > 0)
        assert.ok(p.includes(c), `${JSON.stringify(c)} is not in ${JSON.stringify(p)}`)
        assert.ok(!c.includes('?'), `${JSON.stringify(c)} carries the query string`)
      }
      // the last segment (reference, digest, upload id) never holds a slash
      for (const last of [(route as { reference?: string }).reference, (route as { digest?: string }).digest, (route as { id?: string }).id]) {
        if (last !== undefined) assert.ok(!last.includes('/'))
      }
    }), { numRuns: 5000 })
    assert.ok(matched > 200, `the generator should hit routes (got ${matched})`)
  })

  test('raw paths (query string and all) never make it throw', () => {
    fc.assert(fc.property(path, (url) => {
      const route = matchV2Path(url)
      assert.ok(route === null || typeof route.route === 'string')
    }), { numRuns: 3000 })
  })
})
