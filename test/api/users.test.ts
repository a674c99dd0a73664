// Harbor's /users API: who may do what, validation, uniqueness, audit, and its effect on sign-in.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { withServerDb } from '../helpers/db.js'
import { api, auditRows, basic, dbRows, expectError, makeUser } from '../helpers/api-client.js'

describe('users API', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b.close() })

  describe('POST /users', () => {
    test('the admin creates a user: 201 with Location, the user reads as Harbor UserResp without a password', async () => {
      const r = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'alice', email: 'alice@example.com', realname: 'Alice A', comment: 'hi', password: 'Alice12345' } })
      assert.equal(r.status, 201)
      const location = r.headers.get('location')!
      assert.match(location, /^\/api\/v2\.0\/users\/\d+$/)
      const got = await api(b, location.slice('/api/v2.0'.length), { auth: ADMIN_AUTH })
      assert.equal(got.status, 200)
      const u = got.json
      assert.equal(u.username, 'alice')
      assert.equal(u.email, 'alice@example.com')
      assert.equal(u.realname, 'Alice A')
      assert.equal(u.comment, 'hi')
      assert.equal(u.sysadmin_flag, false)
      assert.equal(u.admin_role_in_auth, false)
      assert.equal(typeof u.user_id, 'number')
      assert.ok(!Number.isNaN(Date.parse(u.creation_time)))
      assert.ok(!Number.isNaN(Date.parse(u.update_time)))
      assert.ok(!JSON.stringify(u).toLowerCase().includes('password'))
      // the new user signs in
      const me = await api(b, '/users/current', { auth: basic('alice', 'Alice12345') })
      assert.equal(me.status, 200)
      assert.equal(me.json.user_id, u.user_id)
      assert.equal((await auditRows(b, `resource_type = 'user' and operation = 'create' and resource = 'alice'`)).length, 1)
    })

    test('anonymous is refused with 401 and a non-admin with 403 while self-registration is off', async () => {
      const body = { username: 'nobody1', email: 'nobody1@example.com', realname: 'No Body', password: 'Nobody123' }
      await expectError(api(b, '/users', { method: 'POST', body }), 401, 'UNAUTHORIZED')
      const u = await makeUser(b)
      await expectError(api(b, '/users', { method: 'POST', auth: u.auth, body }), 403, 'FORBIDDEN')
      const list = await api(b, '/users?username=nobody1', { auth: ADMIN_AUTH })
      assert.deepEqual(list.json, [])
    })

    test('bad bodies are 400 and store nothing', async () => {
      const good = { username: 'badbody', email: 'badbody@example.com', realname: 'Bad Body', password: 'Badbody123' }
      const bodies: unknown[] = [
        { ...good, username: 42 },
        { ...good, password: undefined },
        { ...good, email: 'not-an-email' },
        { ...good, email: '' },
        { ...good, email: undefined },
        { ...good, realname: '' },
        { ...good, realname: 'a,b' },
        { ...good, comment: 'x'.repeat(31) },
        { ...good, username: '' },
        { ...good, username: 'x'.repeat(256) },
        { ...good, username: 'a,b' },
        { ...good, username: 'a"b' },
        { ...good, username: 'a~b' },
        { ...good, username: 'a#b' },
        { ...good, username: 'a$b' },
        { ...good, username: 'a%b' },
        { ...good, username: ' lead' },
        { ...good, username: 'trail ' },
        { ...good, username: 'zero\u200bwidth' },
        { ...good, username: 'nul\u0000byte' },
        { ...good, username: 'robot$fake' },
        [good],
        'just a string',
        null,
      ]
      for (const body of bodies) {
        await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body }), 400, 'BAD_REQUEST')
      }
      await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, raw: '{"username":' }), 400, 'BAD_REQUEST')
      await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      const huge = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { ...good, comment: 'x'.repeat(2 * 1024 * 1024) } })
      assert.equal(huge.status, 413)
      const list = await api(b, '/users?username=badbody', { auth: ADMIN_AUTH })
      assert.deepEqual(list.json, [])
      const listNul = await api(b, `/users?username=${encodeURIComponent('nul')}`, { auth: ADMIN_AUTH })
      assert.deepEqual(listNul.json, [])
    })

    test('weak passwords are 400', async () => {
      for (const password of ['short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere', '']) {
        await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'weakpw', email: 'weakpw@example.com', realname: 'Weak', password } }), 400, 'BAD_REQUEST')
      }
    })

    test('a taken username or email is 409', async () => {
      const u = await makeUser(b)
      await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: u.username, email: 'other@example.com', realname: 'X', password: 'Passw0rdX' } }), 409, 'CONFLICT')
      await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'fresh-name', email: `${u.username}@example.com`, realname: 'X', password: 'Passw0rdX' } }), 409, 'CONFLICT')
      await expectError(api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'admin', email: 'admin2@example.com', realname: 'X', password: 'Passw0rdX' } }), 409, 'CONFLICT')
    })
  })

  describe('GET /users', () => {
    test('admin lists with q, sort and paging; X-Total-Count and Link', async () => {
      const made = [await makeUser(b, 'lister'), await makeUser(b, 'lister'), await makeUser(b, 'lister')]
      const all = await api(b, '/users?q=username%3D~lister&sort=-username&page_size=2', { auth: ADMIN_AUTH })
      assert.equal(all.status, 200)
      assert.equal(all.headers.get('x-total-count'), '3')
      assert.match(all.headers.get('link')!, /rel="next"/)
      assert.deepEqual(all.json.map((u: any) => u.username), [made[2]!.username, made[1]!.username])
      for (const u of all.json) assert.ok(!('password' in u))
      const page2 = await api(b, '/users?q=username%3D~lister&sort=-username&page_size=2&page=2', { auth: ADMIN_AUTH })
      assert.deepEqual(page2.json.map((u: any) => u.username), [made[0]!.username])
      assert.match(page2.headers.get('link')!, /rel="prev"/)
      const exact = await api(b, `/users?q=email%3D${made[1]!.username}%40example.com`, { auth: ADMIN_AUTH })
      assert.deepEqual(exact.json.map((u: any) => u.username), [made[1]!.username])
      const byParam = await api(b, `/users?username=${made[0]!.username}`, { auth: ADMIN_AUTH })
      assert.deepEqual(byParam.json.map((u: any) => u.username), [made[0]!.username])
      const byList = await api(b, `/users?q=username%3D%7B${made[0]!.username}%20${made[2]!.username}%7D&sort=username`, { auth: ADMIN_AUTH })
      assert.deepEqual(byList.json.map((u: any) => u.username), [made[0]!.username, made[2]!.username])
      // a fuzzy % or _ is a literal character, not a wildcard
      const literal = await api(b, '/users?q=username%3D~%25', { auth: ADMIN_AUTH })
      assert.deepEqual(literal.json, [])
    })

    test('bad q, sort and paging are 400; anonymous 401; non-admin 403', async () => {
      for (const qs of ['q=password%3Dx', 'q=username', 'sort=password', 'page=0', 'page_size=1000', 'page_size=abc']) {
        await expectError(api(b, `/users?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      }
      await expectError(api(b, '/users'), 401, 'UNAUTHORIZED')
      const u = await makeUser(b)
      await expectError(api(b, '/users', { auth: u.auth }), 403, 'FORBIDDEN')
    })
  })

  describe('GET /users/search', () => {
    test('any signed-in user searches by username and sees only ids and names', async () => {
      const target = await makeUser(b, 'searchme')
      const u = await makeUser(b)
      const r = await api(b, '/users/search?username=searchme', { auth: u.auth })
      assert.equal(r.status, 200)
      assert.equal(r.headers.get('x-total-count'), '1')
      assert.deepEqual(r.json, [{ user_id: target.id, username: target.username }])
      const none = await api(b, '/users/search?username=zzz-nobody', { auth: u.auth })
      assert.deepEqual(none.json, [])
      assert.equal(none.headers.get('x-total-count'), '0')
    })

    test('anonymous is 401; a missing username is 400', async () => {
      await expectError(api(b, '/users/search?username=admin'), 401, 'UNAUTHORIZED')
      await expectError(api(b, '/users/search', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      await expectError(api(b, '/users/search?username=', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    })
  })

  describe('GET /users/current and permissions', () => {
    test('the current user, for admin and user; anonymous 401', async () => {
      const admin = await api(b, '/users/current', { auth: ADMIN_AUTH })
      assert.equal(admin.status, 200)
      assert.equal(admin.json.username, 'admin')
      assert.equal(admin.json.user_id, 1)
      assert.equal(admin.json.sysadmin_flag, true)
      const u = await makeUser(b)
      const me = await api(b, '/users/current', { auth: u.auth })
      assert.equal(me.json.username, u.username)
      assert.equal(me.json.sysadmin_flag, false)
      await expectError(api(b, '/users/current'), 401, 'UNAUTHORIZED')
      await expectError(api(b, '/users/current', { auth: basic(u.username, 'Wrong1234') }), 401, 'UNAUTHORIZED')
    })

    test('permissions by scope, absolute and relative', async () => {
      const sys = await api(b, '/users/current/permissions?scope=/system', { auth: ADMIN_AUTH })
      assert.equal(sys.status, 200)
      assert.ok(sys.json.some((p: any) => p.resource === '/system/user' && p.action === 'create'))
      const rel = await api(b, '/users/current/permissions?scope=/system&relative=true', { auth: ADMIN_AUTH })
      assert.ok(rel.json.some((p: any) => p.resource === 'user' && p.action === 'delete'))

      const u = await makeUser(b)
      const userSys = await api(b, '/users/current/permissions?scope=/system', { auth: u.auth })
      assert.deepEqual(userSys.json, [])
      // library (project 1) is public: a non-member may pull, not push
      const lib = await api(b, '/users/current/permissions?scope=/project/1&relative=true', { auth: u.auth })
      assert.ok(lib.json.some((p: any) => p.resource === 'repository' && p.action === 'pull'))
      assert.ok(!lib.json.some((p: any) => p.resource === 'repository' && p.action === 'push'))
      const adminLib = await api(b, '/users/current/permissions?scope=/project/1', { auth: ADMIN_AUTH })
      assert.ok(adminLib.json.some((p: any) => p.resource === '/project/1/repository' && p.action === 'push'))
      assert.ok(adminLib.json.some((p: any) => p.resource === '/project/1' && p.action === 'delete'))
      for (const scope of ['', '/project/999999', '/nonsense', '/project/abc']) {
        const r = await api(b, `/users/current/permissions?scope=${encodeURIComponent(scope)}`, { auth: ADMIN_AUTH })
        assert.equal(r.status, 200)
        assert.deepEqual(r.json, [])
      }
      await expectError(api(b, '/users/current/permissions?scope=/system&relative=maybe', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      await expectError(api(b, '/users/current/permissions?scope=/system'), 401, 'UNAUTHORIZED')
    })
  })

  describe('GET and PUT /users/{user_id}', () => {
    test('self and admin read; others 403; unknown 404; bad id 400; anonymous 401', async () => {
      const u = await makeUser(b)
      const other = await makeUser(b)
      assert.equal((await api(b, `/users/${u.id}`, { auth: u.auth })).status, 200)
      assert.equal((await api(b, `/users/${u.id}`, { auth: ADMIN_AUTH })).status, 200)
      await expectError(api(b, `/users/${u.id}`, { auth: other.auth }), 403, 'FORBIDDEN')
      await expectError(api(b, `/users/${u.id}`), 401, 'UNAUTHORIZED')
      await expectError(api(b, '/users/999999', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
      for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
        await expectError(api(b, `/users/${id}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      }
    })

    test('profile: self and admin update email, realname, comment; others 403; bad bodies 400; taken email 409', async () => {
      const u = await makeUser(b)
      const other = await makeUser(b)
      const r = await api(b, `/users/${u.id}`, { method: 'PUT', auth: u.auth, body: { email: `new-${u.username}@example.com`, realname: 'New Name', comment: 'updated' } })
      assert.equal(r.status, 200)
      const got = (await api(b, `/users/${u.id}`, { auth: u.auth })).json
      assert.equal(got.email, `new-${u.username}@example.com`)
      assert.equal(got.realname, 'New Name')
      assert.equal(got.comment, 'updated')
      assert.equal((await api(b, `/users/${u.id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { comment: 'by admin' } })).status, 200)
      assert.equal((await api(b, `/users/${u.id}`, { auth: u.auth })).json.comment, 'by admin')
      assert.equal((await api(b, `/users/${u.id}`, { auth: u.auth })).json.realname, 'New Name')
      await expectError(api(b, `/users/${u.id}`, { method: 'PUT', auth: other.auth, body: { comment: 'x' } }), 403, 'FORBIDDEN')
      await expectError(api(b, `/users/${u.id}`, { method: 'PUT', body: { comment: 'x' } }), 401, 'UNAUTHORIZED')
      for (const body of [{ email: 5 }, { email: 'bad' }, { realname: '' }, { realname: 'a%b' }, { comment: 'x'.repeat(31) }, null, []]) {
        await expectError(api(b, `/users/${u.id}`, { method: 'PUT', auth: u.auth, body }), 400, 'BAD_REQUEST')
      }
      // fields a UserProfile does not have are ignored, as Harbor ignores them: no rename, no promotion, no password
      for (const body of [{ username: 'renamed' }, { sysadmin_flag: true }, { password: 'Abcdefg123' }]) {
        assert.equal((await api(b, `/users/${u.id}`, { method: 'PUT', auth: u.auth, body })).status, 200)
      }
      const still = (await api(b, `/users/${u.id}`, { auth: u.auth })).json
      assert.equal(still.username, u.username)
      assert.equal(still.sysadmin_flag, false)
      await expectError(api(b, '/users/current', { auth: basic(u.username, 'Abcdefg123') }), 401, 'UNAUTHORIZED')
      await expectError(api(b, `/users/${u.id}`, { method: 'PUT', auth: u.auth, body: { email: `${other.username}@example.com` } }), 409, 'CONFLICT')
      await expectError(api(b, '/users/999999', { method: 'PUT', auth: ADMIN_AUTH, body: { comment: 'x' } }), 404, 'NOT_FOUND')
      assert.equal((await api(b, `/users/${u.id}`, { auth: u.auth })).json.comment, 'by admin')
      assert.ok((await auditRows(b, `resource_type = 'user' and operation = 'update' and resource = '${u.username}'`)).length >= 2)
    })
  })

  describe('PUT /users/{user_id}/password', () => {
    test('self with the old password; the old one then fails on /api and /v2', async () => {
      const u = await makeUser(b)
      // warm the auth cache with the old password
      assert.equal((await api(b, '/users/current', { auth: u.auth })).status, 200)
      assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: u.auth } })).status, 200)
      const r = await api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { old_password: u.password, new_password: 'Changed123' } })
      assert.equal(r.status, 200, r.text)
      await expectError(api(b, '/users/current', { auth: u.auth }), 401, 'UNAUTHORIZED')
      assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: u.auth } })).status, 401)
      const fresh = basic(u.username, 'Changed123')
      assert.equal((await api(b, '/users/current', { auth: fresh })).status, 200)
      assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: fresh } })).status, 200)
    })

    test('self: wrong or missing old password 403; weak 400; same as old 400; others 403', async () => {
      const u = await makeUser(b)
      const other = await makeUser(b)
      await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { old_password: 'Wrong12345', new_password: 'Changed123' } }), 403, 'FORBIDDEN')
      await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { new_password: 'Changed123' } }), 403, 'FORBIDDEN')
      for (const weak of ['short1A', 'nouppercase1', 'NOLOWERCASE1', 'NoDigitsAtAll', '']) {
        await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { old_password: u.password, new_password: weak } }), 400, 'BAD_REQUEST')
      }
      await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body: { old_password: u.password, new_password: u.password } }), 400, 'BAD_REQUEST')
      for (const body of [{ old_password: u.password }, { old_password: u.password, new_password: 12345678 }, null]) {
        await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: u.auth, body }), 400, 'BAD_REQUEST')
      }
      await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', auth: other.auth, body: { old_password: u.password, new_password: 'Changed123' } }), 403, 'FORBIDDEN')
      await expectError(api(b, `/users/${u.id}/password`, { method: 'PUT', body: { old_password: u.password, new_password: 'Changed123' } }), 401, 'UNAUTHORIZED')
      // nothing changed
      assert.equal((await api(b, '/users/current', { auth: u.auth })).status, 200)
    })

    test('the admin resets a password without the old one', async () => {
      const u = await makeUser(b)
      assert.equal((await api(b, '/users/current', { auth: u.auth })).status, 200)
      const r = await api(b, `/users/${u.id}/password`, { method: 'PUT', auth: ADMIN_AUTH, body: { new_password: 'ResetBy4dmin' } })
      assert.equal(r.status, 200, r.text)
      await expectError(api(b, '/users/current', { auth: u.auth }), 401, 'UNAUTHORIZED')
      assert.equal((await api(b, '/users/current', { auth: basic(u.username, 'ResetBy4dmin') })).status, 200)
      await expectError(api(b, '/users/999999/password', { method: 'PUT', auth: ADMIN_AUTH, body: { new_password: 'ResetBy4dmin' } }), 404, 'NOT_FOUND')
    })
  })

  describe('PUT /users/{user_id}/sysadmin', () => {
    test('the admin promotes and demotes; the change takes effect at once', async () => {
      const u = await makeUser(b)
      await expectError(api(b, '/users', { auth: u.auth }), 403, 'FORBIDDEN')
      assert.equal((await api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: true } })).status, 200)
      assert.equal((await api(b, `/users/${u.id}`, { auth: ADMIN_AUTH })).json.sysadmin_flag, true)
      assert.equal((await api(b, '/users', { auth: u.auth })).status, 200)
      assert.equal((await api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: false } })).status, 200)
      await expectError(api(b, '/users', { auth: u.auth }), 403, 'FORBIDDEN')
      assert.ok((await auditRows(b, `resource_type = 'user' and operation = 'update' and resource = '${u.username}'`)).length >= 2)
    })

    test('non-admin 403, anonymous 401, own flag 403, bad body 400, unknown 404', async () => {
      const u = await makeUser(b)
      await expectError(api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: u.auth, body: { sysadmin_flag: true } }), 403, 'FORBIDDEN')
      await expectError(api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', body: { sysadmin_flag: true } }), 401, 'UNAUTHORIZED')
      await expectError(api(b, '/users/1/sysadmin', { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: false } }), 403, 'FORBIDDEN')
      for (const body of [{}, { sysadmin_flag: 'true' }, null]) {
        await expectError(api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body }), 400, 'BAD_REQUEST')
      }
      await expectError(api(b, '/users/999999/sysadmin', { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: true } }), 404, 'NOT_FOUND')
      assert.equal((await api(b, `/users/${u.id}`, { auth: ADMIN_AUTH })).json.sysadmin_flag, false)
      assert.equal((await api(b, '/users/1', { auth: ADMIN_AUTH })).json.sysadmin_flag, true)
    })
  })

  describe('DELETE /users/{user_id}', () => {
    test('the admin deletes a user, who can no longer sign in; the name is free again', async () => {
      const u = await makeUser(b)
      assert.equal((await api(b, '/users/current', { auth: u.auth })).status, 200)
      assert.equal((await api(b, `/users/${u.id}`, { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
      await expectError(api(b, '/users/current', { auth: u.auth }), 401, 'UNAUTHORIZED')
      await expectError(api(b, `/users/${u.id}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
      await expectError(api(b, `/users/${u.id}`, { method: 'DELETE', auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
      assert.equal((await auditRows(b, `resource_type = 'user' and operation = 'delete' and resource = '${u.username}'`)).length, 1)
      const again = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: u.username, email: `${u.username}@example.com`, realname: 'Again', password: 'Again12345' } })
      assert.equal(again.status, 201)
    })

    test('deleting a user removes their project memberships', async () => {
      const u = await makeUser(b)
      // a developer membership in library (project 1), written straight to the database
      const now = new Date().toISOString()
      await withServerDb(b, (db) => db.insertInto('project_member').values({ project_id: 1, entity_id: u.id, entity_type: 'u', role: 2, creation_time: now, update_time: now }).execute())
      const perms = await api(b, '/users/current/permissions?scope=/project/1&relative=true', { auth: u.auth })
      assert.ok(perms.json.some((p: any) => p.resource === 'repository' && p.action === 'push'))
      assert.equal((await api(b, `/users/${u.id}`, { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
      assert.equal((await dbRows(b, `select count(*) as n from project_member where entity_type = 'u' and entity_id = ?`, u.id))[0]!.n, 0)
    })

    test('refusals: anonymous 401, non-admin 403, self 403, user 1 403, bad id 400', async () => {
      const u = await makeUser(b)
      const other = await makeUser(b)
      await expectError(api(b, `/users/${other.id}`, { method: 'DELETE' }), 401, 'UNAUTHORIZED')
      await expectError(api(b, `/users/${other.id}`, { method: 'DELETE', auth: u.auth }), 403, 'FORBIDDEN')
      await expectError(api(b, '/users/1', { method: 'DELETE', auth: ADMIN_AUTH }), 403, 'FORBIDDEN')
      // a second admin may delete neither itself nor user 1
      assert.equal((await api(b, `/users/${u.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: true } })).status, 200)
      await expectError(api(b, `/users/${u.id}`, { method: 'DELETE', auth: u.auth }), 403, 'FORBIDDEN')
      await expectError(api(b, '/users/1', { method: 'DELETE', auth: u.auth }), 403, 'FORBIDDEN')
      await expectError(api(b, '/users/abc', { method: 'DELETE', auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      assert.equal((await api(b, '/users/current', { auth: ADMIN_AUTH })).status, 200)
      assert.equal((await api(b, `/users/${other.id}`, { auth: ADMIN_AUTH })).status, 200)
    })
  })
})

describe('self-registration', () => {
  test('on: anonymous signs up an ordinary user; signed-in non-admins are still refused', async () => {
    const b = await startBerth({ config: { auth: { self_registration: true } } })
    try {
      const r = await api(b, '/users', { method: 'POST', body: { username: 'signup', email: 'signup@example.com', realname: 'Sign Up', password: 'SignUp123' } })
      assert.equal(r.status, 201, r.text)
      const me = await api(b, '/users/current', { auth: basic('signup', 'SignUp123') })
      assert.equal(me.status, 200)
      assert.equal(me.json.sysadmin_flag, false)
      await expectError(api(b, '/users', { method: 'POST', body: { username: 'signup2', email: 'signup2@example.com', realname: 'X', password: 'weak' } }), 400, 'BAD_REQUEST')
      await expectError(api(b, '/users', { method: 'POST', body: { username: 'signup', email: 'other@example.com', realname: 'X', password: 'SignUp123' } }), 409, 'CONFLICT')
      await expectError(api(b, '/users', { method: 'POST', auth: basic('signup', 'SignUp123'), body: { username: 'signup3', email: 'signup3@example.com', realname: 'X', password: 'SignUp123' } }), 403, 'FORBIDDEN')
      assert.equal((await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username: 'byadmin', email: 'byadmin@example.com', realname: 'X', password: 'SignUp123' } })).status, 201)
      assert.equal((await auditRows(b, `resource_type = 'user' and operation = 'create' and resource = 'signup' and username = 'signup'`)).length, 1)
    } finally {
      await b.close()
    }
  })

  test('off: anonymous sign-up is 401', async () => {
    const b = await startBerth({ config: { auth: { self_registration: false } } })
    try {
      await expectError(api(b, '/users', { method: 'POST', body: { username: 'signup', email: 'signup@example.com', realname: 'Sign Up', password: 'SignUp123' } }), 401, 'UNAUTHORIZED')
    } finally {
      await b.close()
    }
  })
})
