// No caller obtains, through any path, a credential worth more than its own: refreshing another
// robot's secret, setting another user's password, minting a system admin, or granting a project
// role beyond one's own permissions are refused, and refused calls change nothing.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, basic, expectError, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'

type Access = Array<{ resource: string; action: string }>
const pairs = (...list: string[]): Access => list.map((p) => { const [resource, action] = p.split(':'); return { resource: resource!, action: action! } })

describe('no credential worth more than the caller', () => {
  let b: RunningBerth

  /** Creates a robot as the admin; returns its id, full name, secret and Basic header. */
  async function robot(name: string, level: 'system' | 'project', permissions: unknown[]) {
    const r = await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { name, level, duration: -1, permissions } })
    assert.equal(r.status, 201, r.text)
    return { id: r.json.id as number, name: r.json.name as string, secret: r.json.secret as string, auth: basic(r.json.name, r.json.secret) }
  }

  before(async () => {
    b = await startBerth()
    await makeProject(b, 'esc')
    assert.equal((await pushImage(b, ADMIN_AUTH, 'esc/app', 'v1')).status, 201)
  })
  after(async () => { await b?.close() })

  test("a project robot holding only robot update cannot take over a stronger robot by refreshing its secret", async () => {
    const manager = await robot('manager', 'project', [{ kind: 'project', namespace: 'esc', access: pairs('robot:update', 'robot:read', 'robot:list') }])
    const pusher = await robot('pusher', 'project', [{ kind: 'project', namespace: 'esc', access: pairs('repository:push', 'repository:pull', 'artifact:delete') }])
    await expectError(api(b, `/robots/${pusher.id}`, { method: 'PATCH', auth: manager.auth, body: {} }), 403, 'FORBIDDEN')
    await expectError(api(b, `/robots/${pusher.id}`, { method: 'PATCH', auth: manager.auth, body: { secret: 'Chosen-Secret-123' } }), 403, 'FORBIDDEN')
    // nothing changed: the old secret still works, the chosen one does not
    assert.equal(await pullManifest(b, pusher.auth, 'esc/app', 'v1'), 200)
    assert.equal(await pullManifest(b, basic(pusher.name, 'Chosen-Secret-123'), 'esc/app', 'v1'), 401)
    // a robot may refresh its own secret, and the admin anyone's
    const own = await api(b, `/robots/${manager.id}`, { method: 'PATCH', auth: manager.auth, body: {} })
    assert.equal(own.status, 200, own.text)
    assert.ok(own.json.secret.length >= 8)
    const byAdmin = await api(b, `/robots/${pusher.id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: {} })
    assert.equal(byAdmin.status, 200, byAdmin.text)
  })

  test('a system robot holding robot update cannot refresh a system robot that may manage users', async () => {
    const manager = await robot('sysmanager', 'system', [{ kind: 'system', namespace: '/', access: pairs('robot:update', 'robot:read') }])
    const admin = await robot('sysusers', 'system', [{ kind: 'system', namespace: '/', access: pairs('user:update', 'user:read', 'user:list') }])
    await expectError(api(b, `/robots/${admin.id}`, { method: 'PATCH', auth: manager.auth, body: {} }), 403, 'FORBIDDEN')
    assert.equal((await api(b, '/users', { auth: admin.auth })).status, 200)
  })

  test('a robot holding user update cannot make a system admin nor set another user\'s password', async () => {
    const userManager = await robot('usermanager', 'system', [{ kind: 'system', namespace: '/', access: pairs('user:update', 'user:read', 'user:list') }])
    const victim = await makeUser(b, 'victim')
    await expectError(api(b, `/users/${victim.id}/sysadmin`, { method: 'PUT', auth: userManager.auth, body: { sysadmin_flag: true } }), 403, 'FORBIDDEN')
    await expectError(api(b, '/users/1/password', { method: 'PUT', auth: userManager.auth, body: { new_password: 'Taken0ver!' } }), 403, 'FORBIDDEN')
    await expectError(api(b, `/users/${victim.id}/password`, { method: 'PUT', auth: userManager.auth, body: { new_password: 'Taken0ver!' } }), 403, 'FORBIDDEN')
    // nothing changed
    const me = await api(b, '/users/current', { auth: victim.auth })
    assert.equal(me.status, 200)
    assert.equal(me.json.sysadmin_flag, false)
    assert.equal((await api(b, '/users/current', { auth: ADMIN_AUTH })).status, 200)
    // profile updates stay possible for the robot, as in Harbor
    assert.equal((await api(b, `/users/${victim.id}`, { method: 'PUT', auth: userManager.auth, body: { realname: 'Renamed' } })).status, 200)
  })

  test('a robot managing members cannot grant a role beyond its own permissions', async () => {
    const inviter = await robot('inviter', 'project', [{ kind: 'project', namespace: 'esc', access: pairs('member:create', 'member:update', 'member:list', 'member:read') }])
    const friend = await makeUser(b, 'friend')
    await expectError(api(b, '/projects/esc/members', {
      method: 'POST', auth: inviter.auth, headers: { 'x-is-resource-name': 'true' }, body: { role_id: 1, member_user: { username: friend.username } },
    }), 403, 'FORBIDDEN')
    assert.equal(await pullManifest(b, friend.auth, 'esc/app', 'v1'), 403)
    // one holding everything in the project may
    const owner = await robot('owner', 'project', [{ kind: 'project', namespace: 'esc', access: pairs('*:*') }])
    const ok = await api(b, '/projects/esc/members', {
      method: 'POST', auth: owner.auth, headers: { 'x-is-resource-name': 'true' }, body: { role_id: 1, member_user: { username: friend.username } },
    })
    assert.equal(ok.status, 201, ok.text)
    assert.equal(await pullManifest(b, friend.auth, 'esc/app', 'v1'), 200)
  })
})
