// Credentials are bound to identities, not names, and die with their source: robot permissions
// go with their project (a new project of the same name inherits nothing); refresh tokens,
// registry tokens and portal sessions die with a password change, a demotion, a deleted user
// (whose name a new user may take), a refreshed or disabled robot.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, basic, createUser, expectError, makeProject, makeUser, portalSession, pullManifest, pushImage } from '../helpers/api-client.js'

describe('credentials bound to identities', () => {
  let b: RunningBerth

  /** GET /service/token as `auth` for `scope`; returns the JSON answer (and asserts 200). */
  async function token(auth: string, scope: string, extra = '') {
    const res = await fetch(`${b.url}/service/token?service=harbor-registry&scope=${encodeURIComponent(scope)}${extra}`, { headers: { authorization: auth } })
    assert.equal(res.status, 200, await res.clone().text())
    return (await res.json()) as { token: string; refresh_token?: string }
  }
  const bearer = (t: { token: string }) => `Bearer ${t.token}`
  async function refresh(refreshToken: string, scope: string) {
    return fetch(`${b.url}/service/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, service: 'harbor-registry', scope }).toString(),
    })
  }

  before(async () => {
    b = await startBerth()
    await makeProject(b, 'bound')
    assert.equal((await pushImage(b, ADMIN_AUTH, 'bound/app', 'v1')).status, 201)
  })
  after(async () => { await b?.close() })

  test("a system robot's permission on teamx dies with teamx; a new teamx grants it nothing", async () => {
    await makeProject(b, 'teamx')
    const r = await api(b, '/robots', {
      method: 'POST', auth: ADMIN_AUTH,
      body: { name: 'teamx-pusher', level: 'system', duration: -1, permissions: [{ kind: 'project', namespace: 'teamx', access: [{ resource: 'repository', action: 'push' }, { resource: 'repository', action: 'pull' }] }] },
    })
    assert.equal(r.status, 201, r.text)
    const robotAuth = basic(r.json.name, r.json.secret)
    assert.equal((await pushImage(b, robotAuth, 'teamx/app', 'v1')).status, 201)
    const early = await token(robotAuth, 'repository:teamx/other:pull,push')
    // empty the project and delete it, then someone else creates a new teamx
    assert.equal((await api(b, '/projects/teamx/repositories/app', { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
    assert.equal((await api(b, '/projects/teamx', { method: 'DELETE', auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' } })).status, 200)
    const eve = await makeUser(b, 'eve')
    await makeProject(b, 'teamx', { auth: eve.auth })
    assert.equal((await pushImage(b, robotAuth, 'teamx/app', 'v2')).status, 403)
    // a registry token issued for the old teamx opens nothing in the new one
    assert.equal((await pushImage(b, bearer(early), 'teamx/other', 'v1')).status, 401)
    const fresh = await token(robotAuth, 'repository:teamx/app:pull,push')
    assert.equal((await pushImage(b, bearer(fresh), 'teamx/app', 'v3')).status, 401)
    const shown = await api(b, `/robots/${r.json.id}`, { auth: ADMIN_AUTH })
    assert.deepEqual(shown.json.permissions, [])
    const projects = await api(b, '/projects', { auth: robotAuth })
    assert.equal(projects.status, 200, projects.text)
    assert.deepEqual(projects.json.map((p: { name: string }) => p.name).filter((n: string) => n === 'teamx'), [])
  })

  test('refresh tokens die with a password change', async () => {
    const alice = await makeUser(b, 'alice')
    await api(b, '/projects/bound/members', { method: 'POST', auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' }, body: { role_id: 2, member_user: { username: alice.username } } })
    const t = await token(alice.auth, 'repository:bound/app:pull', '&offline_token=true')
    assert.ok(t.refresh_token)
    const again = await refresh(t.refresh_token!, 'repository:bound/app:pull')
    assert.equal(again.status, 200, await again.text())
    const changed = await api(b, `/users/${alice.id}/password`, { method: 'PUT', auth: alice.auth, body: { old_password: alice.password, new_password: 'N3wPassword!' } })
    assert.equal(changed.status, 200, changed.text)
    assert.equal((await refresh(t.refresh_token!, 'repository:bound/app:pull')).status, 401)
    // and so does the registry token issued before the change
    assert.equal(await pullManifest(b, bearer(t), 'bound/app', 'v1'), 401)
  })

  test("a deleted user's refresh token does not work for a new user of the same name", async () => {
    const carol = await createUser(b, 'carol', 'Carol-Pass1')
    const t = await token(carol.auth, 'repository:bound/app:pull', '&offline_token=true')
    assert.equal((await api(b, `/users/${carol.id}`, { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
    const reborn = await createUser(b, 'carol', 'Other-Pass2')
    assert.notEqual(reborn.id, carol.id)
    assert.equal((await refresh(t.refresh_token!, 'repository:bound/app:pull')).status, 401)
    assert.equal(await pullManifest(b, bearer(t), 'bound/app', 'v1'), 401)
  })

  test('portal sessions die with a password change made elsewhere; the session that made it goes on', async () => {
    const dave = await makeUser(b, 'dave')
    const s1 = await portalSession(b, dave.username, dave.password)
    const s2 = await portalSession(b, dave.username, dave.password)
    assert.equal((await api(b, '/users/current', { cookie: s1.cookie })).status, 200)
    // dave changes his password in the portal, through session 1
    const res = await api(b, `/users/${dave.id}/password`, {
      method: 'PUT', cookie: s1.cookie, csrf: s1.csrf, body: { old_password: dave.password, new_password: 'Dave-New-Pass1' },
    })
    assert.equal(res.status, 200, res.text)
    const renewed = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: res.headers.get('x-harbor-csrf-token')! }
    assert.notEqual(renewed.cookie, s1.cookie)
    assert.equal((await api(b, '/users/current', { cookie: s2.cookie })).status, 401)
    assert.equal((await api(b, '/users/current', { cookie: s1.cookie })).status, 401)
    assert.equal((await api(b, '/users/current', { cookie: renewed.cookie })).status, 200)
    // an admin resetting the password ends every session
    assert.equal((await api(b, `/users/${dave.id}/password`, { method: 'PUT', auth: ADMIN_AUTH, body: { new_password: 'Reset-By-Admin1' } })).status, 200)
    assert.equal((await api(b, '/users/current', { cookie: renewed.cookie })).status, 401)
  })

  test("a demoted admin's sessions and tokens die with the demotion", async () => {
    const root = await makeUser(b, 'root')
    assert.equal((await api(b, `/users/${root.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: true } })).status, 200)
    const session = await portalSession(b, root.username, root.password)
    const t = await token(root.auth, 'repository:bound/app:pull,push')
    assert.equal(await pullManifest(b, bearer(t), 'bound/app', 'v1'), 200)
    assert.equal((await api(b, `/users/${root.id}/sysadmin`, { method: 'PUT', auth: ADMIN_AUTH, body: { sysadmin_flag: false } })).status, 200)
    assert.equal((await api(b, '/users/current', { cookie: session.cookie })).status, 401)
    assert.equal(await pullManifest(b, bearer(t), 'bound/app', 'v1'), 401)
    // the password itself still works, with what the user now is
    assert.equal((await api(b, '/users/current', { auth: root.auth })).json.sysadmin_flag, false)
  })

  test("a robot's registry tokens die when its secret is refreshed or it is disabled", async () => {
    const r = await api(b, '/robots', {
      method: 'POST', auth: ADMIN_AUTH,
      body: { name: 'puller', level: 'project', duration: -1, permissions: [{ kind: 'project', namespace: 'bound', access: [{ resource: 'repository', action: 'pull' }] }] },
    })
    assert.equal(r.status, 201, r.text)
    let auth = basic(r.json.name, r.json.secret)
    const t1 = await token(auth, 'repository:bound/app:pull')
    assert.equal(await pullManifest(b, bearer(t1), 'bound/app', 'v1'), 200)
    const refreshed = await api(b, `/robots/${r.json.id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: {} })
    assert.equal(refreshed.status, 200)
    assert.equal(await pullManifest(b, bearer(t1), 'bound/app', 'v1'), 401)
    auth = basic(r.json.name, refreshed.json.secret)
    const t2 = await token(auth, 'repository:bound/app:pull')
    assert.equal(await pullManifest(b, bearer(t2), 'bound/app', 'v1'), 200)
    const robot = (await api(b, `/robots/${r.json.id}`, { auth: ADMIN_AUTH })).json
    assert.equal((await api(b, `/robots/${r.json.id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { ...robot, disable: true } })).status, 200)
    assert.equal(await pullManifest(b, bearer(t2), 'bound/app', 'v1'), 401)
    // and a description edit is no reason to end anything
    assert.equal((await api(b, `/robots/${r.json.id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { ...robot, disable: false } })).status, 200)
    const t3 = await token(auth, 'repository:bound/app:pull')
    assert.equal((await api(b, `/robots/${r.json.id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { ...robot, disable: false, description: 'edited' } })).status, 200)
    assert.equal(await pullManifest(b, bearer(t3), 'bound/app', 'v1'), 200)
    await expectError(api(b, '/users/current', { auth: bearer(t3) }), 401)
  })
})
