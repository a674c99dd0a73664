// Harbor's /projects/{project_name_or_id}/members API: the role matrix, validation, conflicts,
// audit, and that a membership change takes effect on the very next request.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { addMember, api, dbRows, errorCode, expectError, makeProject, makeUser } from '../helpers/api-client.js'

describe('members API', () => {
  let b: RunningBerth
  let pid: number
  const u: Record<string, Awaited<ReturnType<typeof makeUser>>> = {}
  before(async () => {
    b = await startBerth()
    pid = await makeProject(b, 'team')
    for (const [role, n] of [['admin', 1], ['developer', 2], ['guest', 3], ['maintainer', 4], ['limited', 5]] as const) {
      u[role] = await makeUser(b)
      await addMember(b, 'team', u[role]!.username, n)
    }
    u.outsider = await makeUser(b)
  })
  after(async () => { await b?.close() })

  const members = (auth?: string, qs = '') => api(b, `/projects/${pid}/members${qs}`, { auth })

  test('list: members as Harbor shows them, entityname filter, paging headers', async () => {
    const r = await members(ADMIN_AUTH, '?page_size=100')
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('x-total-count'), '6', 'admin (creator) and five members')
    const dev = r.json.find((m: any) => m.entity_name === u.developer!.username)
    assert.deepEqual(Object.keys(dev).sort(), ['entity_id', 'entity_name', 'entity_type', 'id', 'project_id', 'role_id', 'role_name'])
    assert.equal(dev.role_id, 2)
    assert.equal(dev.role_name, 'developer')
    assert.equal(dev.entity_type, 'u')
    assert.equal(dev.entity_id, u.developer!.id)
    assert.equal(dev.project_id, pid)
    const roles = Object.fromEntries(r.json.map((m: any) => [m.entity_name, m.role_name]))
    assert.equal(roles[u.maintainer!.username], 'maintainer')
    assert.equal(roles[u.limited!.username], 'limitedGuest')
    assert.equal(roles.admin, 'projectAdmin')

    const f = await members(ADMIN_AUTH, `?entityname=${u.guest!.username}`)
    assert.deepEqual(f.json.map((m: any) => m.entity_name), [u.guest!.username])
    const p = await members(ADMIN_AUTH, '?page=2&page_size=2')
    assert.equal(p.json.length, 2)
    assert.equal(p.headers.get('x-total-count'), '6')
    assert.match(p.headers.get('link')!, /rel="prev".*rel="next"/)
    await expectError(members(ADMIN_AUTH, '?page_size=0'), 400, 'BAD_REQUEST')
    const g = await api(b, '/projects/team/members', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' } })
    assert.equal(g.headers.get('x-total-count'), '6')
  })

  test('who may list and read members: guests and up; not limited guests, outsiders or anonymous', async () => {
    for (const role of ['admin', 'developer', 'guest', 'maintainer']) assert.equal((await members(u[role]!.auth)).status, 200, role)
    await expectError(members(u.limited!.auth), 403, 'FORBIDDEN')
    await expectError(members(u.outsider!.auth), 404, 'NOT_FOUND')
    await expectError(members(undefined), 401, 'UNAUTHORIZED')
    const list = await members(ADMIN_AUTH, '?page_size=100')
    const mid = list.json.find((m: any) => m.entity_name === u.guest!.username).id
    const one = await api(b, `/projects/${pid}/members/${mid}`, { auth: u.guest!.auth })
    assert.equal(one.status, 200)
    assert.equal(one.json.role_id, 3)
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { auth: u.limited!.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `/projects/${pid}/members/999999`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    for (const bad of ['abc', '0', '-1', '1.5', '1..2', '%C3%BC', '9'.repeat(30)]) {
      await expectError(api(b, `/projects/${pid}/members/${bad}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
  })

  test('add: only project admins (and system admins); takes effect at once; duplicates 409; audit', async () => {
    const newcomer = await makeUser(b)
    await expectError(api(b, '/projects/team', { auth: newcomer.auth }), 404, 'NOT_FOUND')
    const body = { role_id: 2, member_user: { username: newcomer.username } }
    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', body }), 401, 'UNAUTHORIZED')
    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: u.outsider!.auth, body }), 404, 'NOT_FOUND')
    for (const role of ['developer', 'guest', 'maintainer', 'limited']) {
      await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: u[role]!.auth, body }), 403, 'FORBIDDEN')
    }
    assert.equal((await dbRows(b, 'select count(*) as n from project_member where entity_id = ?', newcomer.id))[0]!.n, 0, 'refusals store nothing')

    const r = await api(b, `/projects/${pid}/members`, { method: 'POST', auth: u.admin!.auth, body })
    assert.equal(r.status, 201, r.text)
    const loc = r.headers.get('location')!
    assert.match(loc, new RegExp(`^/api/v2\\.0/projects/${pid}/members/\\d+$`))
    const mid = Number(loc.split('/').pop())
    assert.equal((await api(b, `/projects/${pid}/members/${mid}`, { auth: ADMIN_AUTH })).json.entity_name, newcomer.username)
    const g = await api(b, '/projects/team', { auth: newcomer.auth })
    assert.equal(g.status, 200, 'the new member sees the project on the next request')
    assert.equal(g.json.current_user_role_id, 2)

    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: u.admin!.auth, body }), 409, 'CONFLICT')
    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: 3, member_user: { user_id: newcomer.id } } }), 409, 'CONFLICT')
    const audit = (await dbRows(b, "select * from audit_log where resource_type = 'member' and resource = ? order by id", newcomer.username))
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.operation, 'create')
    assert.equal(audit[0]!.username, u.admin!.username)
    assert.equal(audit[0]!.project_id, pid)

    const byId = await makeUser(b)
    assert.equal((await api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: 5, member_user: { user_id: byId.id } } })).status, 201)
  })

  test('add: unknown users 404, bad roles and bodies 400, nothing stored', async () => {
    const before = (await dbRows(b, 'select count(*) as n from project_member'))[0]!.n
    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: 2, member_user: { username: 'nobody-here' } } }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: 2, member_user: { user_id: 999999 } } }), 404, 'NOT_FOUND')
    const fresh = await makeUser(b)
    const bad: unknown[] = [
      {}, null, [], { role_id: 0, member_user: { username: fresh.username } }, { role_id: 6, member_user: { username: fresh.username } },
      { role_id: '2', member_user: { username: fresh.username } }, { role_id: 2.5, member_user: { username: fresh.username } },
      { role_id: 2 }, { role_id: 2, member_user: {} }, { role_id: 2, member_user: { username: 5 } },
      { role_id: 2, member_group: { group_name: 'devs' } }, { role_id: 2, member_user: { username: 'x'.repeat(300) } },
    ]
    for (const body of bad) {
      const r = await api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, body })
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`)
      assert.equal(errorCode(r), 'BAD_REQUEST')
    }
    const huge = await api(b, `/projects/${pid}/members`, { method: 'POST', auth: ADMIN_AUTH, raw: JSON.stringify({ role_id: 2, member_user: { username: fresh.username }, pad: 'x'.repeat(2 * 1024 * 1024) }) })
    assert.equal(huge.status, 413)
    assert.equal((await dbRows(b, 'select count(*) as n from project_member'))[0]!.n, before)
  })

  test('update role: project admins only; the new role applies at once; bad roles 400', async () => {
    const m = await makeUser(b)
    await addMember(b, 'team', m.username, 3)
    const mid = (await members(ADMIN_AUTH, `?entityname=${m.username}`)).json[0].id
    const put = (auth: string | undefined, body: unknown) => api(b, `/projects/${pid}/members/${mid}`, { method: 'PUT', auth, body })
    await expectError(put(undefined, { role_id: 1 }), 401, 'UNAUTHORIZED')
    for (const role of ['developer', 'guest', 'maintainer', 'limited']) await expectError(put(u[role]!.auth, { role_id: 1 }), 403, 'FORBIDDEN')
    await expectError(put(m.auth, { role_id: 1 }), 403, 'FORBIDDEN')
    await expectError(api(b, `/projects/${pid}`, { method: 'PUT', auth: m.auth, body: { metadata: { auto_scan: 'true' } } }), 403, 'FORBIDDEN')
    for (const body of [{ role_id: 0 }, { role_id: 9 }, { role_id: 'x' }, {}, null]) {
      const r = await put(u.admin!.auth, body)
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`)
    }
    assert.equal((await api(b, `/projects/${pid}/members/${mid}`, { auth: ADMIN_AUTH })).json.role_id, 3, 'unchanged')
    assert.equal((await put(u.admin!.auth, { role_id: 1 })).status, 200)
    assert.equal((await api(b, `/projects/${pid}/members/${mid}`, { auth: ADMIN_AUTH })).json.role_name, 'projectAdmin')
    assert.equal((await api(b, `/projects/${pid}`, { method: 'PUT', auth: m.auth, body: { metadata: { auto_scan: 'true' } } })).status, 200, 'promoted: may update now')
    await expectError(api(b, `/projects/${pid}/members/999999`, { method: 'PUT', auth: ADMIN_AUTH, body: { role_id: 2 } }), 404, 'NOT_FOUND')
    assert.equal((await dbRows(b, "select count(*) as n from audit_log where resource_type = 'member' and operation = 'update' and resource = ?", m.username))[0]!.n, 1)
  })

  test('delete: project admins only; the former member loses access at once; audit', async () => {
    const m = await makeUser(b)
    await addMember(b, 'team', m.username, 2)
    const mid = (await members(ADMIN_AUTH, `?entityname=${m.username}`)).json[0].id
    assert.equal((await api(b, '/projects/team', { auth: m.auth })).status, 200)
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE' }), 401, 'UNAUTHORIZED')
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE', auth: u.outsider!.auth }), 404, 'NOT_FOUND')
    for (const role of ['developer', 'guest', 'maintainer', 'limited']) {
      await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE', auth: u[role]!.auth }), 403, 'FORBIDDEN')
    }
    assert.equal((await api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE', auth: u.admin!.auth })).status, 200)
    await expectError(api(b, '/projects/team', { auth: m.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE', auth: u.admin!.auth }), 404, 'NOT_FOUND')
    assert.equal((await dbRows(b, "select count(*) as n from audit_log where resource_type = 'member' and operation = 'delete' and resource = ?", m.username))[0]!.n, 1)
  })

  test('members of another project are not reachable through this one', async () => {
    const other = await makeProject(b, 'elsewhere')
    const mid = (await api(b, `/projects/${other}/members`, { auth: ADMIN_AUTH })).json[0].id
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { auth: u.admin!.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'DELETE', auth: u.admin!.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${pid}/members/${mid}`, { method: 'PUT', auth: u.admin!.auth, body: { role_id: 3 } }), 404, 'NOT_FOUND')
    assert.equal((await api(b, `/projects/${other}/members/${mid}`, { auth: ADMIN_AUTH })).json.role_id, 1)
  })
})
