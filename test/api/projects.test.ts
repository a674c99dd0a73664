// Harbor's /projects and /quotas APIs: creation rules, visibility, the role matrix, metadata,
// deletion of non-empty projects, summary and quota usage, and bad input that must store nothing.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { addMember, api, dbRows, errorCode, expectError, makeProject, makeUser } from '../helpers/api-client.js'

const sha = (buf: Buffer) => `sha256:${createHash('sha256').update(buf).digest('hex')}`

/** Pushes a one-layer image through /v2 with plain fetch (monolithic uploads, then the manifest). */
async function pushImage(b: RunningBerth, repo: string, tag: string, layerBytes: Buffer) {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, n: `${repo}:${tag}` }))
  for (const blob of [config, layerBytes]) {
    const res = await fetch(`${b.url}/v2/${repo}/blobs/uploads/?digest=${sha(blob)}`, {
      method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream' }, body: blob,
    })
    assert.equal(res.status, 201, await res.text())
  }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(layerBytes), size: layerBytes.length }],
  }))
  const res = await fetch(`${b.url}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/vnd.oci.image.manifest.v1+json' }, body: manifest,
  })
  assert.equal(res.status, 201, await res.text())
  return config.length + layerBytes.length + manifest.length
}

describe('projects API', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b?.close() })

  test('create: 201 with Location, the creator owns it as project admin, with a quota and an audit row', async () => {
    const u = await makeUser(b)
    const r = await api(b, '/projects', { method: 'POST', auth: u.auth, body: { project_name: 'alpha', metadata: { public: 'false', auto_scan: 'true', severity: 'High' } } })
    assert.equal(r.status, 201, r.text)
    const loc = r.headers.get('location')!
    assert.match(loc, /^\/api\/v2\.0\/projects\/\d+$/)
    const id = Number(loc.split('/').pop())

    const g = await api(b, `/projects/${id}`, { auth: u.auth })
    assert.equal(g.status, 200, g.text)
    assert.equal(g.json.project_id, id)
    assert.equal(g.json.name, 'alpha')
    assert.equal(g.json.owner_id, u.id)
    assert.equal(g.json.owner_name, u.username)
    assert.equal(g.json.current_user_role_id, 1)
    assert.deepEqual(g.json.current_user_role_ids, [1])
    assert.equal(g.json.repo_count, 0)
    assert.equal(g.json.deleted, false)
    assert.deepEqual(g.json.metadata, { public: 'false', auto_scan: 'true', severity: 'high' })
    assert.deepEqual(g.json.cve_allowlist.items, [])
    assert.equal(g.json.cve_allowlist.project_id, id)
    assert.match(g.json.creation_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    const byName = await api(b, '/projects/alpha', { auth: u.auth })
    assert.equal(byName.json.project_id, id)

    assert.deepEqual((await dbRows(b, 'select role, entity_id from project_member where project_id = ?', id)), [{ role: 1, entity_id: u.id }])
    assert.deepEqual((await dbRows(b, 'select hard_storage from quota where project_id = ?', id)), [{ hard_storage: -1 }])
    const audit = (await dbRows(b, "select * from audit_log where resource_type = 'project' and resource = 'alpha'"))
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.operation, 'create')
    assert.equal(audit[0]!.username, u.username)
    assert.equal(audit[0]!.project_id, id)
  })

  test('create: X-Resource-Name-In-Location, the deprecated public flag, storage_limit for admins only', async () => {
    const r = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, headers: { 'x-resource-name-in-location': 'true' }, body: { project_name: 'beta', public: true, storage_limit: 1048576 } })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.headers.get('location'), '/api/v2.0/projects/beta')
    const g = await api(b, '/projects/beta', { headers: { 'x-is-resource-name': 'true' } })
    assert.equal(g.status, 200, 'public: anonymous may read')
    assert.equal(g.json.metadata.public, 'true')
    assert.equal(g.json.current_user_role_id, 0)
    const q = await api(b, `/quotas/${g.json.project_id}`, { auth: ADMIN_AUTH })
    assert.equal(q.json.hard.storage, 1048576)

    const u = await makeUser(b)
    const id = await makeProject(b, 'gamma-limit', { auth: u.auth, extra: { storage_limit: 5 } })
    const q2 = await api(b, `/quotas/${id}`, { auth: ADMIN_AUTH })
    assert.equal(q2.json.hard.storage, -1, "a user's storage_limit is ignored, as Harbor does")
  })

  test('create: duplicate 409, anonymous 401, bad names and bodies 400, nothing stored', async () => {
    await makeProject(b, 'dup')
    await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'dup' } }), 409, 'CONFLICT')
    await expectError(api(b, '/projects', { method: 'POST', body: { project_name: 'anon' } }), 401, 'UNAUTHORIZED')
    const before = (await dbRows(b, 'select count(*) as n from project'))[0]!.n
    const badNames = ['', 'Upper', 'a..b', '..', '-lead', 'trail-', 'a/b', 'a b', 'ünï', 'a\u0000b', 'x'.repeat(256), 'a__b'.replace('__', '._'), 'é']
    for (const name of badNames) {
      await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: name } }), 400, 'BAD_REQUEST')
    }
    const badBodies: unknown[] = [
      {}, null, [], 'x', { project_name: 5 }, { project_name: 'ok2', public: 'true' },
      { project_name: 'ok3', metadata: { public: true } }, { project_name: 'ok4', metadata: { public: 'maybe' } },
      { project_name: 'ok6', metadata: { severity: 'extreme' } },
      { project_name: 'ok7', storage_limit: -5 }, { project_name: 'ok8', storage_limit: 1.5 }, { project_name: 'ok9', storage_limit: '10' },
      { project_name: 'ok10', metadata: { retention_id: '3' } }, { project_name: 'ok11', registry_id: 1 },
      { project_name: 'ok12', cve_allowlist: { items: [{ cve_id: 'CVE-1' }] } }, { project_name: 'ok13', metadata: { auto_scan: 'x'.repeat(300) } },
    ]
    for (const body of badBodies) {
      const r = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body })
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`)
      assert.equal(errorCode(r), 'BAD_REQUEST')
    }
    await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, raw: '{"project_name":' }), 400, 'BAD_REQUEST')
    const huge = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, raw: JSON.stringify({ project_name: 'huge', pad: 'x'.repeat(2 * 1024 * 1024) }) })
    assert.equal(huge.status, 413)
    assert.equal((await dbRows(b, 'select count(*) as n from project'))[0]!.n, before, 'nothing stored')
    assert.equal((await dbRows(b, "select count(*) as n from project where name like 'ok%'"))[0]!.n, 0)
  })

  test('HEAD /projects?project_name=: 200 when it exists, 404 when not, 400 without a name', async () => {
    await makeProject(b, 'headcheck')
    assert.equal((await api(b, '/projects?project_name=headcheck', { method: 'HEAD', auth: ADMIN_AUTH })).status, 200)
    assert.equal((await api(b, '/projects?project_name=nosuch', { method: 'HEAD', auth: ADMIN_AUTH })).status, 404)
    assert.equal((await api(b, '/projects', { method: 'HEAD', auth: ADMIN_AUTH })).status, 400)
    assert.equal((await api(b, '/projects?project_name=library', { method: 'HEAD' })).status, 200, 'public, anonymous')
    const u = await makeUser(b)
    assert.equal((await api(b, '/projects?project_name=headcheck', { method: 'HEAD', auth: u.auth })).status, 403, 'exists, not readable')
  })

  test('list: anonymous sees public projects, users also their own, admins all; filters, paging, headers', async () => {
    const owner = await makeUser(b)
    const other = await makeUser(b)
    await makeProject(b, 'vis-pub', { public: true })
    await makeProject(b, 'vis-priv')
    await makeProject(b, 'vis-mine', { auth: owner.auth })
    const names = async (auth?: string, qs = '') => {
      const r = await api(b, `/projects?page_size=100${qs}`, { auth })
      assert.equal(r.status, 200, r.text)
      assert.equal(Number(r.headers.get('x-total-count')), r.json.length)
      return (r.json as Array<{ name: string }>).map((p) => p.name).filter((n) => n.startsWith('vis-')).sort()
    }
    assert.deepEqual(await names(undefined), ['vis-pub'])
    assert.deepEqual(await names(other.auth), ['vis-pub'])
    assert.deepEqual(await names(owner.auth), ['vis-mine', 'vis-pub'])
    assert.deepEqual(await names(ADMIN_AUTH), ['vis-mine', 'vis-priv', 'vis-pub'])
    assert.deepEqual(await names(owner.auth, '&public=false'), ['vis-mine'])
    assert.deepEqual(await names(undefined, '&public=false'), [])
    assert.deepEqual(await names(ADMIN_AUTH, '&public=true'), ['vis-pub'])
    assert.deepEqual(await names(ADMIN_AUTH, '&name=vis-p'), ['vis-priv', 'vis-pub'])
    assert.deepEqual(await names(ADMIN_AUTH, `&owner=${owner.username}`), ['vis-mine'])
    assert.deepEqual(await names(ADMIN_AUTH, `&q=${encodeURIComponent('name=~vis-,public=false')}`), ['vis-mine', 'vis-priv'])
    assert.deepEqual(await names(ADMIN_AUTH, `&q=${encodeURIComponent('name={vis-pub vis-mine}')}`), ['vis-mine', 'vis-pub'])

    const page = await api(b, `/projects?q=${encodeURIComponent('name=~vis-')}&sort=-name&page=2&page_size=1`, { auth: ADMIN_AUTH })
    assert.equal(page.status, 200)
    assert.equal(page.headers.get('x-total-count'), '3')
    assert.deepEqual(page.json.map((p: any) => p.name), ['vis-priv'])
    assert.match(page.headers.get('link')!, /rel="prev".*rel="next"/)

    const lean = await api(b, '/projects?with_detail=false&name=vis-pub', { auth: ADMIN_AUTH })
    assert.equal(lean.json[0].metadata, undefined)
    assert.equal(typeof lean.json[0].repo_count, 'number')

    for (const qs of ['page=0', 'page_size=1000', 'q=nosuch=1', 'q=name', 'sort=owner', 'public=maybe', 'with_detail=2', 'page=1&page=2']) {
      await expectError(api(b, `/projects?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
  })

  test('get: private projects are hidden from anonymous (401) and non-members (404); ids and names', async () => {
    const id = await makeProject(b, 'hidden')
    const u = await makeUser(b)
    await expectError(api(b, `/projects/${id}`), 401, 'UNAUTHORIZED')
    await expectError(api(b, `/projects/${id}`, { auth: u.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/nosuch', { auth: u.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/999999', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/a..b', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${encodeURIComponent('ünï')}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await addMember(b, 'hidden', u.username, 3)
    const g = await api(b, '/projects/hidden', { auth: u.auth })
    assert.equal(g.status, 200)
    assert.equal(g.json.current_user_role_id, 3)
    assert.equal(g.json.togglable, false)
  })

  test('update: the role matrix, public toggles visibility at once, bad input 400 and nothing changed', async () => {
    const id = await makeProject(b, 'upd')
    const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {}
    for (const [role, n] of [['admin', 1], ['developer', 2], ['guest', 3], ['maintainer', 4], ['limited', 5]] as const) {
      users[role] = await makeUser(b)
      await addMember(b, 'upd', users[role]!.username, n)
    }
    const outsider = await makeUser(b)
    const put = (auth: string | undefined, body: unknown) => api(b, `/projects/${id}`, { method: 'PUT', auth, body })
    await expectError(put(undefined, { metadata: { public: 'true' } }), 401, 'UNAUTHORIZED')
    await expectError(put(outsider.auth, { metadata: { public: 'true' } }), 404, 'NOT_FOUND')
    for (const role of ['developer', 'guest', 'maintainer', 'limited']) {
      await expectError(put(users[role]!.auth, { metadata: { public: 'true' } }), 403, 'FORBIDDEN')
    }
    assert.equal((await api(b, `/projects/${id}`)).status, 401, 'still private')

    const ok = await put(users.admin!.auth, { metadata: { public: 'true', auto_scan: 'true' } })
    assert.equal(ok.status, 200, ok.text)
    const g = await api(b, `/projects/${id}`)
    assert.equal(g.status, 200, 'anonymous reads it as soon as it is public')
    assert.equal(g.json.metadata.public, 'true')
    assert.equal(g.json.metadata.auto_scan, 'true')
    assert.equal((await api(b, `/projects/${id}`, { auth: outsider.auth })).status, 200)

    for (const body of [{ project_name: 'renamed' }, { metadata: { public: 'nope' } }, { metadata: { retention_id: '9' } }, { metadata: { public: false } }, null]) {
      const r = await put(users.admin!.auth, body)
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`)
    }
    await expectError(put(users.admin!.auth, { storage_limit: 10 }), 403, 'FORBIDDEN')
    assert.equal((await put(ADMIN_AUTH, { storage_limit: 4096 })).status, 200)
    assert.equal((await api(b, `/quotas/${id}`, { auth: ADMIN_AUTH })).json.hard.storage, 4096)
    assert.equal((await api(b, `/projects/${id}`)).json.metadata.public, 'true', 'unchanged by refused updates')

    assert.equal((await put(ADMIN_AUTH, { public: false })).status, 200)
    assert.equal((await api(b, `/projects/${id}`)).status, 401, 'private again')
    assert.ok((await dbRows(b, "select count(*) as n from audit_log where resource_type = 'project' and operation = 'update' and resource = 'upd'"))[0]!.n >= 3)
  })

  test('delete: refused with 412 while the project holds repositories, _deletable says why; the role matrix', async () => {
    const id = await makeProject(b, 'full')
    await pushImage(b, 'full/app', 'v1', Buffer.from('layer of full'))
    const d = await api(b, `/projects/${id}/_deletable`, { auth: ADMIN_AUTH })
    assert.equal(d.status, 200)
    assert.equal(d.json.deletable, false)
    assert.ok(d.json.message)
    await expectError(api(b, `/projects/${id}`, { method: 'DELETE', auth: ADMIN_AUTH }), 412, 'PRECONDITION')
    assert.equal((await api(b, `/projects/${id}`, { auth: ADMIN_AUTH })).json.repo_count, 1)

    const eid = await makeProject(b, 'empty')
    const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {}
    for (const [role, n] of [['admin', 1], ['developer', 2], ['guest', 3], ['maintainer', 4]] as const) {
      users[role] = await makeUser(b)
      await addMember(b, 'empty', users[role]!.username, n)
    }
    assert.deepEqual((await api(b, `/projects/${eid}/_deletable`, { auth: users.admin!.auth })).json, { deletable: true })
    await expectError(api(b, `/projects/${eid}/_deletable`, { auth: users.maintainer!.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `/projects/${eid}`, { method: 'DELETE' }), 401, 'UNAUTHORIZED')
    for (const role of ['developer', 'guest', 'maintainer']) {
      await expectError(api(b, `/projects/${eid}`, { method: 'DELETE', auth: users[role]!.auth }), 403, 'FORBIDDEN')
    }
    assert.equal((await api(b, `/projects/${eid}`, { method: 'DELETE', auth: users.admin!.auth })).status, 200)
    await expectError(api(b, `/projects/${eid}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    assert.equal((await dbRows(b, 'select count(*) as n from project_member where project_id = ?', eid))[0]!.n, 0)
    assert.equal((await dbRows(b, 'select count(*) as n from quota where project_id = ?', eid))[0]!.n, 0)
    assert.equal((await dbRows(b, "select count(*) as n from audit_log where resource_type = 'project' and operation = 'delete' and resource = 'empty'"))[0]!.n, 1)
    await makeProject(b, 'empty')
  })

  test('summary: repositories, members by role and quota for those who may read them', async () => {
    const id = await makeProject(b, 'summ', { extra: { storage_limit: 10_000_000 } })
    const guest = await makeUser(b)
    const limited = await makeUser(b)
    const dev = await makeUser(b)
    await addMember(b, 'summ', guest.username, 3)
    await addMember(b, 'summ', limited.username, 5)
    await addMember(b, 'summ', dev.username, 2)
    const used = await pushImage(b, 'summ/one', 'v1', Buffer.from('summary layer'))
    const s = await api(b, `/projects/${id}/summary`, { auth: guest.auth })
    assert.equal(s.status, 200, s.text)
    assert.deepEqual(s.json, {
      repo_count: 1, project_admin_count: 1, maintainer_count: 0, developer_count: 1, guest_count: 1, limited_guest_count: 1,
      quota: { hard: { storage: 10_000_000 }, used: { storage: used } },
    })
    const l = await api(b, `/projects/${id}/summary`, { auth: limited.auth })
    assert.equal(l.status, 200)
    assert.equal(l.json.guest_count, undefined, 'limited guests may not list members')
    assert.deepEqual(l.json.quota.used, { storage: used })
    await expectError(api(b, `/projects/${id}/summary`), 401, 'UNAUTHORIZED')
  })

  test('metadatas: read, add, update, delete with the role matrix and Harbor validation', async () => {
    const id = await makeProject(b, 'meta')
    const dev = await makeUser(b)
    const maint = await makeUser(b)
    await addMember(b, 'meta', dev.username, 2)
    await addMember(b, 'meta', maint.username, 4)
    const base = `/projects/${id}/metadatas`
    assert.deepEqual((await api(b, base, { auth: maint.auth })).json, { public: 'false' })
    assert.deepEqual((await api(b, `${base}/`, { auth: maint.auth })).json, { public: 'false' })
    await expectError(api(b, base, { auth: dev.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, base, { method: 'POST', auth: dev.auth, body: { auto_scan: 'true' } }), 403, 'FORBIDDEN')
    await expectError(api(b, base), 401, 'UNAUTHORIZED')

    assert.equal((await api(b, base, { method: 'POST', auth: maint.auth, body: { auto_scan: 'TRUE' } })).status, 200)
    assert.deepEqual((await api(b, `${base}/auto_scan`, { auth: maint.auth })).json, { auto_scan: 'true' })
    await expectError(api(b, base, { method: 'POST', auth: maint.auth, body: { auto_scan: 'false' } }), 409, 'CONFLICT')
    for (const body of [{}, { auto_scan: 'true', prevent_vul: 'true' }, { bogus: 'true' }, { auto_scan: 'yes' }, { severity: 'bad' }, { auto_scan: true }, { retention_id: '1' }, []]) {
      const r = await api(b, base, { method: 'POST', auth: maint.auth, body })
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`)
    }
    assert.equal((await api(b, `${base}/auto_scan`, { method: 'PUT', auth: maint.auth, body: { auto_scan: 'false' } })).status, 200)
    assert.deepEqual((await api(b, `${base}/auto_scan`, { auth: maint.auth })).json, { auto_scan: 'false' })
    await expectError(api(b, `${base}/auto_scan`, { method: 'PUT', auth: maint.auth, body: { prevent_vul: 'false' } }), 400, 'BAD_REQUEST')
    await expectError(api(b, `${base}/auto_scan`, { method: 'PUT', auth: dev.auth, body: { auto_scan: 'true' } }), 403, 'FORBIDDEN')

    assert.equal((await api(b, `${base}/public`, { method: 'PUT', auth: maint.auth, body: { public: 'true' } })).status, 200)
    assert.equal((await api(b, `/projects/${id}`)).status, 200, 'public through the metadata route')
    await expectError(api(b, `${base}/public`, { method: 'DELETE', auth: maint.auth }), 400, 'BAD_REQUEST')

    assert.equal((await api(b, `${base}/auto_scan`, { method: 'DELETE', auth: maint.auth })).status, 200)
    await expectError(api(b, `${base}/auto_scan`, { auth: maint.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${base}/auto_scan`, { method: 'DELETE', auth: maint.auth }), 404, 'NOT_FOUND')
    assert.deepEqual((await api(b, base, { auth: ADMIN_AUTH })).json, { public: 'true' })
  })

  test('settings for features Berth does not have are refused when they ask for them, accepted when off', async () => {
    // what the Terraform provider sends for a project with its defaults: nothing here asks for a missing feature
    const terraform = { project_name: 'tf-defaults', storage_limit: -1, metadata: { auto_scan: 'true', public: 'false', severity: 'low', prevent_vul: 'false', enable_content_trust: 'false', reuse_sys_cve_allowlist: 'true' } }
    const created = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: terraform })
    assert.equal(created.status, 201, created.text)
    const id = Number(created.headers.get('location')!.split('/').pop())
    assert.equal((await api(b, `/projects/${id}`, { auth: ADMIN_AUTH })).json.metadata.auto_scan, 'true')

    const gates = ['enable_content_trust', 'enable_content_trust_cosign', 'prevent_vul']
    const before = (await dbRows(b, 'select count(*) as n from project'))[0]!.n
    for (const key of gates) {
      for (const value of ['true', 'TRUE', '1']) {
        const r = await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'gated', metadata: { [key]: value } } }), 400, 'BAD_REQUEST')
        assert.match(r.json.errors[0].message, new RegExp(key))
        await expectError(api(b, `/projects/${id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { metadata: { [key]: value } } }), 400, 'BAD_REQUEST')
        await expectError(api(b, `/projects/${id}/metadatas/`, { method: 'POST', auth: ADMIN_AUTH, body: { [key]: value } }), 400, 'BAD_REQUEST')
        await expectError(api(b, `/projects/${id}/metadatas/${key}`, { method: 'PUT', auth: ADMIN_AUTH, body: { [key]: value } }), 400, 'BAD_REQUEST')
      }
      assert.equal((await api(b, `/projects/${id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { metadata: { [key]: 'false' } } })).status, 200)
    }
    // a proxy-cache project needs a proxy cache
    const proxy = await expectError(api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'proxied', registry_id: 1 } }), 400, 'BAD_REQUEST')
    assert.match(proxy.json.errors[0].message, /proxy cache/)
    assert.equal((await dbRows(b, 'select count(*) as n from project'))[0]!.n, before)
    const meta = (await api(b, `/projects/${id}`, { auth: ADMIN_AUTH })).json.metadata
    for (const key of gates) assert.notEqual(meta[key], 'true', key)
  })

  test('creation restricted to admins when project_creation_restriction is adminonly', async () => {
    const restricted = await startBerth({ config: { auth: { project_creation_restriction: 'adminonly' } } as any })
    try {
      const u = await makeUser(restricted)
      await expectError(api(restricted, '/projects', { method: 'POST', auth: u.auth, body: { project_name: 'nope' } }), 403, 'FORBIDDEN')
      assert.equal((await dbRows(restricted, "select count(*) as n from project where name = 'nope'"))[0]!.n, 0)
      assert.equal((await api(restricted, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'yes' } })).status, 201)
    } finally {
      await restricted.close()
    }
  })

  test('quotas: system admins only; used storage counts each distinct blob of a project once', async () => {
    const id = await makeProject(b, 'quot', { extra: { storage_limit: 123456 } })
    const layer = Buffer.from('shared layer bytes')
    const first = await pushImage(b, 'quot/a', 'v1', layer)
    const second = await pushImage(b, 'quot/b', 'v1', layer)
    // the second image shares the layer; its config and manifest differ
    const used = first + second - layer.length
    const q = await api(b, `/quotas/${id}`, { auth: ADMIN_AUTH })
    assert.equal(q.status, 200, q.text)
    assert.deepEqual(q.json.ref, { id, name: 'quot', owner_name: 'admin' })
    assert.deepEqual(q.json.hard, { storage: 123456 })
    assert.deepEqual(q.json.used, { storage: used })
    assert.equal(q.json.id, id)

    const list = await api(b, `/quotas?reference=project&reference_id=${id}`, { auth: ADMIN_AUTH })
    assert.equal(list.status, 200)
    assert.equal(list.headers.get('x-total-count'), '1')
    assert.equal(list.json[0].id, id)
    const all = await api(b, '/quotas?sort=-used.storage&page_size=100', { auth: ADMIN_AUTH })
    assert.equal(Number(all.headers.get('x-total-count')), (await dbRows(b, 'select count(*) as n from project'))[0]!.n)
    const usedList = all.json.map((x: any) => x.used.storage)
    assert.deepEqual(usedList, [...usedList].sort((x: number, y: number) => y - x))
    assert.equal((await api(b, '/quotas?reference=repository', { auth: ADMIN_AUTH })).json.length, 0)

    const u = await makeUser(b)
    await expectError(api(b, '/quotas', { auth: u.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `/quotas/${id}`, { auth: u.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, '/quotas'), 401, 'UNAUTHORIZED')
    await expectError(api(b, '/quotas/999999', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, '/quotas/abc', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/quotas?sort=name', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
  })
})
