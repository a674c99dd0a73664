// Requests as Harbor's clients send them, on every route of /api/v2.0: Content-Type: application/json
// on every call (with or without a body), fields the API does not know, repeated query parameters.
// The routes come from the server itself, so a route added tomorrow is covered without a new line here.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RouteOptions } from 'fastify'
import { ADMIN_AUTH, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { flushAudit } from '../../src/audit/log.js'
import { api, basic, errorCode, expectError, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'
import { loadOpenApi } from '../../src/http/api/openapi.js'

const PREFIX = '/api/v2.0'

describe('requests as Harbor clients send them', () => {
  let b: InProcessBerth
  const routes: Array<{ method: string; url: string }> = []

  before(async () => {
    b = await startBerth({
      onRoute: (r: RouteOptions) => {
        if (!r.url.startsWith(`${PREFIX}/`)) return
        for (const method of [r.method].flat()) routes.push({ method, url: r.url })
      },
    })
  })
  after(async () => { await b?.close() })

  /** The route's path with every parameter filled by an id that names nothing. */
  const fill = (url: string) => url.slice(PREFIX.length).replace(/:\w+/g, '999999')

  test('Content-Type: application/json with an empty body is no body at all, on every route', async () => {
    assert.ok(routes.length >= 60, `only ${routes.length} routes seen`)
    const differ: string[] = []
    for (const { method, url } of routes) {
      const path = fill(url)
      const bare = await api(b, path, { method, auth: ADMIN_AUTH })
      const hasBody = method !== 'GET' && method !== 'HEAD'
      const res = await fetch(`${b.url}${PREFIX}${path}`, {
        method, headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json' }, ...(hasBody ? { body: '' } : {}),
      })
      const text = await res.text()
      let json: unknown
      try { json = JSON.parse(text) } catch { json = undefined }
      const code = errorCode({ json })
      if (res.status !== bare.status || code !== errorCode(bare)) {
        differ.push(`${method} ${url}: ${res.status} ${text} (without the header ${bare.status})`)
      }
    }
    assert.deepEqual(differ, [])
  })

  test('a bodiless DELETE with Content-Type: application/json deletes', async () => {
    const id = await makeProject(b, 'bodiless-delete')
    const res = await fetch(`${b.url}${PREFIX}/projects/${id}`, { method: 'DELETE', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json' }, body: '' })
    assert.equal(res.status, 200, await res.text())
    await expectError(api(b, `/projects/${id}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
  })

  test('a route that needs a body says so when it gets none', async () => {
    const r = await expectError(api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, raw: '' }), 400, 'BAD_REQUEST')
    assert.match(r.json.errors[0].message, /body/)
  })

  test('fields Harbor does not know are ignored at every depth, as Harbor ignores them', async () => {
    await makeProject(b, 'loose')
    const image = await pushImage(b, ADMIN_AUTH, 'loose/app', 'v1')
    assert.equal(image.status, 201)

    // a third-party client sends `editable` (and more) when it creates a robot
    const robot = await api(b, '/robots', {
      method: 'POST', auth: ADMIN_AUTH, body: {
        name: 'loose-ci', level: 'project', duration: -1, editable: true, unknown: { deep: 1 },
        permissions: [{ kind: 'project', namespace: 'loose', extra: 'x', access: [{ resource: 'repository', action: 'pull', effect: 'allow', colour: 'red' }] }],
      },
    })
    assert.equal(robot.status, 201, robot.text)
    assert.equal(await pullManifest(b, basic(robot.json.name, robot.json.secret), 'loose/app', 'v1'), 200)

    const user = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'loosey', email: 'loosey@example.com', realname: 'Loose Y', password: 'Loosey123', sysadmin_flag: true, extra: 1 } })
    assert.equal(user.status, 201, user.text)
    assert.equal((await api(b, '/users/current', { auth: basic('loosey', 'Loosey123') })).json.sysadmin_flag, false, 'not a UserCreationReq field: no admin')

    const project = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'loose2', extra: 1, metadata: { public: 'true', unknown_key: 'x' }, cve_allowlist: { items: [], more: 1 } } })
    assert.equal(project.status, 201, project.text)
    assert.equal((await api(b, '/projects/loose2', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' } })).json.metadata.unknown_key, undefined)

    const member = await api(b, '/projects/loose/members', { method: 'POST', auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' }, body: { role_id: 3, member_user: { username: 'loosey', extra: true }, extra: 1 } })
    assert.equal(member.status, 201, member.text)
    const label = await api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'loose', scope: 'g', extra: 1 } })
    assert.equal(label.status, 201, label.text)
    const A = '/projects/loose/repositories/app/artifacts'
    assert.equal((await api(b, `${A}/v1/tags`, { method: 'POST', auth: ADMIN_AUTH, body: { name: 'v2', extra: 1 } })).status, 201)
    const labelId = Number(label.headers.get('location')!.split('/').pop())
    assert.equal((await api(b, `${A}/v1/labels`, { method: 'POST', auth: ADMIN_AUTH, body: { id: labelId, extra: 1 } })).status, 200)
    assert.equal((await api(b, '/projects/loose/repositories/app', { method: 'PUT', auth: ADMIN_AUTH, body: { description: 'd', extra: 1 } })).status, 200)
    assert.equal((await api(b, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, body: { self_registration: false, no_such_setting: 1 } })).status, 200)
    const u = await makeUser(b)
    assert.equal((await api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { old_password: u.password, new_password: 'Changed123', extra: 1 } })).status, 200)
    assert.equal((await api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: false, extra: 1 } })).status, 200)
  })

  test('a known field with a wrong value is still a 400 that names the field', async () => {
    const r = await expectError(api(b, '/robots', {
      method: 'POST', auth: ADMIN_AUTH, body: {
        name: 'typed', level: 'project', editable: true, permissions: [{ kind: 'project', namespace: 'loose', access: [{ resource: 'repository', action: 5 }] }],
      },
    }), 400, 'BAD_REQUEST')
    assert.match(r.json.errors[0].message, /permissions\[0\]\.access\[0\]\.action/)
    const p = await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'typed', metadata: { public: true } } }), 400, 'BAD_REQUEST')
    assert.match(p.json.errors[0].message, /metadata\.public/)
  })

  test('a query parameter given twice is a 400 on every route that reads it, never a 500', async () => {
    const failed: string[] = []
    for (const { method, url } of routes.filter((r) => r.method === 'GET')) {
      const path = `${fill(url)}?q=name%3Da&q=name%3Db&sort=name&sort=name&page=1&page=1`
      const r = await api(b, path, { auth: ADMIN_AUTH })
      if (r.status >= 500) failed.push(`${method} ${path}: ${r.status} ${r.text}`)
    }
    assert.deepEqual(failed, [])
    for (const path of ['/users', '/robots', '/audit-logs', '/projects', '/repositories', '/labels?scope=g', '/quotas', '/projects/loose/logs']) {
      const sep = path.includes('?') ? '&' : '?'
      const r = await expectError(api(b, `${path}${sep}page=1&page=2`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      assert.match(r.json.errors[0].message, /page/, path)
    }
    await expectError(api(b, '/search?q=a&q=b', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
  })

  test('q is URL-decoded once more, as Harbor does, on every route that takes q', async () => {
    const id = await makeProject(b, 'qdecode')
    assert.equal((await pushImage(b, ADMIN_AUTH, 'qdecode/app', 'v1')).status, 201)
    // the push's audit rows are written behind: in the table before the lists are compared
    await flushAudit(b.deps)
    assert.equal((await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'qdecode-bot', level: 'system', duration: -1, permissions: [{ kind: 'project', namespace: 'qdecode', access: [{ resource: 'repository', action: 'pull' }] }] } })).status, 201)
    assert.equal((await api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'qdecode-label', scope: 'g' } })).status, 201)
    // a fuzzy condition that matches something on each route, sent as clients send it: encoded twice
    const conditions: Record<string, string> = {
      '/projects': 'name=~qdecod',
      '/repositories': 'name=~qdecode/ap',
      '/projects/{project_name}/repositories': 'name=~ap',
      '/projects/{project_name}/repositories/{repository_name}/artifacts': 'tags=~v',
      '/projects/{project_name}/repositories/{repository_name}/artifacts/{reference}/tags': 'name=~v',
      '/robots': 'name=~qdecode-b',
      '/labels': 'name=~qdecode-lab',
      '/users': 'username=~admi',
      '/audit-logs': 'operation=~creat',
      '/projects/{project_name}/logs': 'operation=~creat',
    }
    const takesQ = Object.entries(loadOpenApi().doc.paths)
      .filter(([, item]) => Object.values(item).some((op) => ((op as { parameters?: Array<{ $ref?: string }> }).parameters ?? []).some((p) => p.$ref === '#/components/parameters/query')))
      .map(([path]) => path)
    assert.deepEqual(takesQ.sort(), Object.keys(conditions).sort(), 'every route that takes q has a condition here')
    for (const [route, condition] of Object.entries(conditions)) {
      const path = route.replace('{project_name}', 'qdecode').replace('{repository_name}', 'app').replace('{reference}', 'v1')
      const extra = route === '/labels' ? '&scope=g' : ''
      const once = await api(b, `${path}?q=${encodeURIComponent(condition)}${extra}`, { auth: ADMIN_AUTH })
      const twice = await api(b, `${path}?q=${encodeURIComponent(encodeURIComponent(condition))}${extra}`, { auth: ADMIN_AUTH })
      assert.equal(once.status, 200, `${route}: ${once.text}`)
      assert.ok(once.json.length > 0, `${route}: ${condition} matches something`)
      assert.deepEqual(twice.json, once.json, route)
    }
    // the example: q=name%3D%257Eapp is the fuzzy match name=~app
    const projects = await api(b, '/projects?q=name%3D%257Eqdeco', { auth: ADMIN_AUTH })
    assert.deepEqual(projects.json.map((p: any) => p.project_id), [id])
    // a value that does not decode is taken as it is: an exact name with a "%" in it matches nothing
    const raw = await api(b, '/projects?q=name%3D%25zz', { auth: ADMIN_AUTH })
    assert.equal(raw.status, 200, raw.text)
    assert.deepEqual(raw.json, [])
  })

  test('boolean query parameters read as go-openapi reads them', async () => {
    for (const v of ['1', 't', 'TRUE', 'yes']) {
      const r = await api(b, `/users/current/permissions?scope=/system&relative=${v}`, { auth: ADMIN_AUTH })
      assert.equal(r.status, 200, `${v}: ${r.text}`)
      assert.ok(r.json.length > 0 && r.json.every((p: any) => !p.resource.startsWith('/')), v)
    }
    const withDetail = await api(b, '/projects?with_detail=0&name=loose', { auth: ADMIN_AUTH })
    assert.equal(withDetail.status, 200, withDetail.text)
    assert.ok(withDetail.json.every((p: any) => p.metadata === undefined))
    await expectError(api(b, '/projects?with_detail=perhaps', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
  })
})
