// Harbor's repositories API: listings and who sees what, double-encoded names, description
// updates and deleting a repository with everything in it.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, createProject, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, auditRows, expectError, makeUser, roleMembers } from '../helpers/api-client.js'
import { pushImage, v2 } from './registry-fixtures.js'

describe('repositories API', () => {
  let b: RunningBerth
  let guest: { auth: string }
  let developer: { auth: string }
  let maintainer: { auth: string }
  let outsider: { auth: string }
  before(async () => {
    b = await startBerth()
    await createProject(b.url, 'rp')
    await createProject(b.url, 'rpub', { public: true })
    await pushImage(b, 'rp/alpha', 'v1')
    await pushImage(b, 'rp/nested/beta', 'v1')
    await pushImage(b, 'rp/nested/beta', 'v2', { seed: 'x' })
    await pushImage(b, 'rp/gamma', 'v1')
    await pushImage(b, 'rpub/open', 'v1')
    ;({ guest, developer, maintainer } = await roleMembers(b, 'rp'))
    outsider = await makeUser(b, 'out')
  })
  after(async () => { await b.close() })

  test('lists a project\'s repositories with counts, q, sort and paging', async () => {
    const r = await api(b, '/projects/rp/repositories', { auth: ADMIN_AUTH })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('x-total-count'), '3')
    const beta = r.json.find((x: any) => x.name === 'rp/nested/beta')
    assert.equal(beta.artifact_count, 2)
    assert.equal(typeof beta.id, 'number')
    assert.equal(typeof beta.project_id, 'number')
    for (const k of ['description', 'pull_count', 'creation_time', 'update_time']) assert.ok(k in beta, k)

    const q = await api(b, `/projects/rp/repositories?q=${encodeURIComponent('name=~nested')}`, { auth: ADMIN_AUTH })
    assert.deepEqual(q.json.map((x: any) => x.name), ['rp/nested/beta'])
    const sorted = await api(b, '/projects/rp/repositories?sort=name', { auth: ADMIN_AUTH })
    assert.deepEqual(sorted.json.map((x: any) => x.name), ['rp/alpha', 'rp/gamma', 'rp/nested/beta'])
    const page = await api(b, '/projects/rp/repositories?sort=-name&page=2&page_size=2', { auth: ADMIN_AUTH })
    assert.deepEqual(page.json.map((x: any) => x.name), ['rp/alpha'])
    assert.match(page.headers.get('link') ?? '', /rel="prev"/)
  })

  test('GET /repositories: admins see all, users what they may, anonymous the public ones', async () => {
    const all = await api(b, '/repositories?page_size=100', { auth: ADMIN_AUTH })
    assert.equal(all.status, 200)
    assert.ok(all.json.some((x: any) => x.name === 'rp/alpha'))
    assert.ok(all.json.some((x: any) => x.name === 'rpub/open'))
    const anon = await api(b, '/repositories')
    assert.equal(anon.status, 200, anon.text)
    assert.deepEqual(anon.json.map((x: any) => x.name), ['rpub/open'])
    const out = await api(b, '/repositories', { auth: outsider.auth })
    assert.deepEqual(out.json.map((x: any) => x.name), ['rpub/open'])
    const g = await api(b, '/repositories?page_size=100', { auth: guest.auth })
    assert.equal(g.json.length, 4)
    const fuzzy = await api(b, `/repositories?q=${encodeURIComponent('name=~open')}`, { auth: ADMIN_AUTH })
    assert.deepEqual(fuzzy.json.map((x: any) => x.name), ['rpub/open'])
  })

  test('repository names are encoded twice; a bad name is a 400, a missing one a 404', async () => {
    const twice = await api(b, '/projects/rp/repositories/nested%252Fbeta', { auth: ADMIN_AUTH })
    assert.equal(twice.status, 200, twice.text)
    assert.equal(twice.json.name, 'rp/nested/beta')
    assert.equal(twice.json.artifact_count, 2)
    const once = await api(b, '/projects/rp/repositories/alpha', { auth: ADMIN_AUTH })
    assert.equal(once.json.name, 'rp/alpha')
    for (const bad of ['..%252Fx', 'UPPER', '%25ZZ', 'caf%25C3%25A9', 'a%252F%252Fb', '%252E%252E', 'x%2500']) {
      await expectError(api(b, `/projects/rp/repositories/${bad}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
    await expectError(api(b, '/projects/rp/repositories/nope', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/nope/repositories/alpha', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    // another project's repository is not reachable under this one
    await expectError(api(b, '/projects/rp/repositories/open', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
  })

  test('private projects: anonymous 401, outsiders 404; public ones readable by anyone', async () => {
    await expectError(api(b, '/projects/rp/repositories'), 401, 'UNAUTHORIZED')
    await expectError(api(b, '/projects/rp/repositories', { auth: outsider.auth }), 404, 'NOT_FOUND')
    assert.equal((await api(b, '/projects/rpub/repositories/open')).status, 200)
    assert.equal((await api(b, '/projects/rp/repositories', { auth: guest.auth })).status, 200)
  })

  test('PUT changes the description only; bad bodies are 400 and change nothing', async () => {
    const r = await api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: developer.auth, body: { description: 'hello' } })
    assert.equal(r.status, 200, r.text)
    assert.equal((await api(b, '/projects/rp/repositories/gamma', { auth: guest.auth })).json.description, 'hello')
    // the whole Repository object as GET returns it is accepted
    const whole = (await api(b, '/projects/rp/repositories/gamma', { auth: ADMIN_AUTH })).json
    assert.equal((await api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: ADMIN_AUTH, body: { ...whole, name: 'ignored', description: 'again' } })).status, 200)
    assert.equal((await api(b, '/projects/rp/repositories/gamma', { auth: ADMIN_AUTH })).json.name, 'rp/gamma')
    await expectError(api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: ADMIN_AUTH, body: { description: 5 } }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: ADMIN_AUTH, raw: '{' }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: ADMIN_AUTH, body: { description: 'x'.repeat(5000) } }), 400, 'BAD_REQUEST')
    const huge = await api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: ADMIN_AUTH, raw: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }) })
    assert.ok(huge.status === 413 || huge.status === 400, String(huge.status))
    await expectError(api(b, '/projects/rp/repositories/gamma', { method: 'PUT', auth: guest.auth, body: { description: 'no' } }), 403, 'FORBIDDEN')
    assert.equal((await api(b, '/projects/rp/repositories/gamma', { auth: ADMIN_AUTH })).json.description, 'again')
    assert.ok((await auditRows(b, "resource_type = 'repository' and operation = 'update' and resource = 'rp/gamma'")).length >= 2)
  })

  test('DELETE removes the repository, its artifacts and tags; /v2 forgets it at once', async () => {
    // warm the registry caches first
    assert.equal((await v2(b, 'rp/nested/beta/manifests/v1')).status, 200)
    assert.equal((await v2(b, 'rp/nested/beta/tags/list')).status, 200)
    await expectError(api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE', auth: guest.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE', auth: developer.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE' }), 401, 'UNAUTHORIZED')
    const r = await api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE', auth: maintainer.auth })
    assert.equal(r.status, 200, r.text)
    await expectError(api(b, '/projects/rp/repositories/nested%252Fbeta', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    assert.equal((await v2(b, 'rp/nested/beta/manifests/v1')).status, 404)
    assert.equal((await v2(b, 'rp/nested/beta/tags/list')).status, 404)
    assert.equal((await auditRows(b, "resource_type = 'repository' and operation = 'delete' and resource = 'rp/nested/beta'")).length, 1)
    // pushing again makes a fresh repository
    await pushImage(b, 'rp/nested/beta', 'again')
    const again = await api(b, '/projects/rp/repositories/nested%252Fbeta', { auth: ADMIN_AUTH })
    assert.equal(again.json.artifact_count, 1)
    assert.equal((await v2(b, 'rp/nested/beta/manifests/again')).status, 200)
    await expectError(api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE', auth: ADMIN_AUTH, body: {} }).then(async () => api(b, '/projects/rp/repositories/nested%252Fbeta', { method: 'DELETE', auth: ADMIN_AUTH })), 404, 'NOT_FOUND')
  })

  test('bad list parameters are 400', async () => {
    for (const qs of ['q=nosuch%3D1', 'sort=bogus', 'page=0', 'page_size=1000', 'q=name%3D%5B1~2', 'page=1&page=2']) {
      await expectError(api(b, `/projects/rp/repositories?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      await expectError(api(b, `/repositories?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
  })
})
