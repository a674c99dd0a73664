// Harbor's robot accounts v2 (/robots): who may create, list, read, update, refresh and delete;
// validation; the secret shown once; and robots' credentials on /v2 with real clients.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ADMIN_AUTH, createProject, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { api, basic, expectError, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'
import { manualClock } from '../helpers/clock.js'
import { flushAudit } from '../../src/audit/log.js'
import { writeOciLayout } from '../helpers/oci-layout.js'
import { clientSandbox, requireBinaries, run } from '../e2e/clients.js'

type Perm = { kind: 'project' | 'system'; namespace: string; access: Array<{ resource: string; action: string }> }
// Harbor URL-decodes q once more: a "+" in a robot's name travels encoded twice
const harborQ = (value: string) => encodeURIComponent(encodeURIComponent(value))
const projectPerm = (namespace: string, ...pairs: string[]): Perm => ({
  kind: 'project', namespace, access: pairs.map((p) => { const [resource, action] = p.split(':'); return { resource: resource!, action: action! } }),
})

describe('robots API', () => {
  let b: InProcessBerth
  let alice: Awaited<ReturnType<typeof makeUser>>
  let bob: Awaited<ReturnType<typeof makeUser>>
  const ids: Record<string, number> = {}

  const create = (auth: string | undefined, body: unknown) => api(b, '/robots', { method: 'POST', auth, body })
  const countAll = async () => {
    const sys = await api(b, '/robots?page_size=100', { auth: ADMIN_AUTH })
    let n = Number(sys.headers.get('x-total-count'))
    for (const p of ['proj', 'other', 'alice-proj']) {
      const r = await api(b, `/robots?q=level=project,project_id=${ids[p]}&page_size=100`, { auth: ADMIN_AUTH })
      n += Number(r.headers.get('x-total-count'))
    }
    return n
  }

  before(async () => {
    b = await startBerth()
    await createProject(b.url, 'proj')
    await createProject(b.url, 'other')
    alice = await makeUser(b, 'alice')
    bob = await makeUser(b, 'bob')
    await makeProject(b, 'alice-proj', { auth: alice.auth })
    for (const p of ['proj', 'other', 'alice-proj']) {
      const got = await api(b, `/projects/${p}`, { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' } })
      assert.equal(got.status, 200, got.text)
      ids[p] = got.json.project_id
    }
  })
  after(async () => { await b?.close() })

  test('bad input is a 4xx and stores nothing', async () => {
    const before = await countAll()
    const good = { name: 'ok', level: 'project', duration: -1, permissions: [projectPerm('proj', 'repository:pull')] }
    await expectError(create(ADMIN_AUTH, { ...good, duration: '5' }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, level: 'galaxy' }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, duration: -2 }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, duration: 2 ** 31 }), 400, 'BAD_REQUEST')
    for (const name of ['Upper', 'a+b', 'robot$x', '..', 'a..b', '', 'ünï', 'a/b', 'x'.repeat(300)]) {
      await expectError(create(ADMIN_AUTH, { ...good, name }), 400, 'BAD_REQUEST')
    }
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [projectPerm('proj')] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [projectPerm('proj', 'repository:pull'), projectPerm('other', 'repository:pull')] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [projectPerm('proj', 'spaceship:pull')] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [projectPerm('proj', 'repository:fly')] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [{ kind: 'system', namespace: '/', access: [{ resource: 'user', action: 'list' }] }] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, secret: 'weak' }), 400, 'BAD_REQUEST')
    // Harbor honours effect "deny"; Berth only grants, so a deny is refused rather than read as a grant
    const denied = await expectError(create(ADMIN_AUTH, { ...good, permissions: [{ kind: 'project', namespace: 'proj', access: [{ resource: 'repository', action: 'pull', effect: 'deny' }] }] }), 400, 'BAD_REQUEST')
    assert.match(denied.json.errors[0].message, /permissions\[0\]\.access\[0\]\.effect/)
    await expectError(create(ADMIN_AUTH, { ...good, level: 'system', permissions: [{ kind: 'system', namespace: 'proj', access: [{ resource: 'user', action: 'list' }] }] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, level: 'system', permissions: [{ kind: 'system', namespace: '/', access: [{ resource: 'repository', action: 'pull' }] }] }), 400, 'BAD_REQUEST')
    await expectError(create(ADMIN_AUTH, { ...good, level: 'system', permissions: [projectPerm('nope', 'repository:pull')] }), 404, 'NOT_FOUND')
    await expectError(create(ADMIN_AUTH, { ...good, permissions: [projectPerm('nope', 'repository:pull')] }), 404, 'NOT_FOUND')
    await expectError(api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, raw: '{"name":' }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, raw: '[]' }), 400, 'BAD_REQUEST')
    const huge = await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { ...good, description: 'x'.repeat(2 * 1024 * 1024) } })
    assert.equal(huge.status, 413)
    await expectError(create(ADMIN_AUTH, { ...good, description: 'x'.repeat(2000) }), 400, 'BAD_REQUEST')
    assert.equal(await countAll(), before)
  })

  test('who may create: anonymous 401, outsiders refused, no more than the creator holds', async () => {
    const before = await countAll()
    const body = { name: 'nope', level: 'project', duration: -1, permissions: [projectPerm('proj', 'repository:pull')] }
    await expectError(create(undefined, body), 401, 'UNAUTHORIZED')
    await expectError(create(basic('admin', 'wrong'), body), 401, 'UNAUTHORIZED')
    const r = await create(bob.auth, body)
    assert.ok(r.status === 403 || r.status === 404, r.text)
    await expectError(create(bob.auth, { ...body, level: 'system' }), 403, 'FORBIDDEN')
    await expectError(create(alice.auth, { ...body, level: 'system', permissions: [projectPerm('alice-proj', 'repository:pull')] }), 403, 'FORBIDDEN')
    // alice is project admin of alice-proj, which does not include updating the quota or '*'
    await expectError(create(alice.auth, { ...body, permissions: [projectPerm('alice-proj', 'quota:update')] }), 403, 'FORBIDDEN')
    await expectError(create(alice.auth, { ...body, permissions: [projectPerm('alice-proj', 'repository:*')] }), 403, 'FORBIDDEN')
    assert.equal(await countAll(), before)
    // within her role she may
    const ok = await create(alice.auth, { ...body, name: 'alice-bot', permissions: [projectPerm('alice-proj', 'repository:pull', 'repository:push')] })
    assert.equal(ok.status, 201, ok.text)
    assert.equal(ok.json.name, 'robot$alice-proj+alice-bot')
    const got = await api(b, `/robots/${ok.json.id}`, { auth: alice.auth })
    assert.equal(got.status, 200)
    assert.equal(got.json.creator_type, 'local')
    assert.equal(got.json.creator_ref, alice.id)
    // bob may not see it, nor list alice-proj's robots, nor the system ones
    await expectError(api(b, `/robots/${ok.json.id}`, { auth: bob.auth }), 403, 'FORBIDDEN')
    const listed = await api(b, `/robots?q=level=project,project_id=${ids['alice-proj']}`, { auth: bob.auth })
    assert.ok(listed.status === 403 || listed.status === 404, listed.text)
    await expectError(api(b, '/robots', { auth: alice.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, '/robots', { auth: undefined }), 401, 'UNAUTHORIZED')
    const mine = await api(b, `/robots?q=level=project,project_id=${ids['alice-proj']}`, { auth: alice.auth })
    assert.equal(mine.status, 200)
    assert.deepEqual(mine.json.map((r: any) => r.name), ['robot$alice-proj+alice-bot'])
    await expectError(api(b, `/robots/${ok.json.id}`, { method: 'DELETE', auth: bob.auth }), 403, 'FORBIDDEN')
    assert.equal((await api(b, `/robots/${ok.json.id}`, { method: 'DELETE', auth: alice.auth })).status, 200)
  })

  test('create, show once, list, conflict; a project robot on /v2 has exactly its permissions', async () => {
    const r = await create(ADMIN_AUTH, { name: 'puller', description: 'reads', level: 'project', duration: 30, permissions: [projectPerm('proj', 'repository:pull', 'artifact:read')] })
    assert.equal(r.status, 201, r.text)
    assert.deepEqual(Object.keys(r.json).sort(), ['creation_time', 'expires_at', 'id', 'name', 'secret'])
    assert.equal(r.json.name, 'robot$proj+puller')
    assert.match(r.headers.get('location')!, new RegExp(`/api/v2.0/robots/${r.json.id}$`))
    const created = Date.parse(r.json.creation_time) / 1000
    assert.ok(Math.abs(r.json.expires_at - (created + 30 * 86400)) <= 1)
    const secret = r.json.secret as string
    assert.ok(secret.length >= 8)
    await expectError(create(ADMIN_AUTH, { name: 'puller', level: 'project', permissions: [projectPerm('proj', 'repository:pull')] }), 409, 'CONFLICT')

    const got = await api(b, `/robots/${r.json.id}`, { auth: ADMIN_AUTH })
    assert.equal(got.status, 200)
    assert.equal(got.json.secret, undefined, 'GET never shows the secret')
    assert.equal(got.json.name, 'robot$proj+puller')
    assert.equal(got.json.level, 'project')
    assert.equal(got.json.duration, 30)
    assert.equal(got.json.disable, false)
    assert.equal(got.json.editable, true)
    const byName = (a: { resource: string; action: string }, z: { resource: string; action: string }) => `${a.resource}:${a.action}`.localeCompare(`${z.resource}:${z.action}`)
    assert.deepEqual(got.json.permissions.map((p: Perm) => ({ ...p, access: [...p.access].sort(byName) })), [projectPerm('proj', 'artifact:read', 'repository:pull')])
    const list = await api(b, `/robots?q=level=project,project_id=${ids.proj}`, { auth: ADMIN_AUTH })
    assert.equal(list.status, 200)
    assert.ok(list.json.every((x: any) => x.secret === undefined))
    assert.ok(list.json.some((x: any) => x.id === r.json.id))
    const sys = await api(b, '/robots', { auth: ADMIN_AUTH })
    assert.ok(!sys.json.some((x: any) => x.id === r.json.id), 'project robots are not listed as system robots')

    // the admin pushes something, the robot pulls it, cannot push, cannot read another project
    assert.equal((await pushImage(b, ADMIN_AUTH, 'proj/app', 'v1')).status, 201)
    assert.equal((await pushImage(b, ADMIN_AUTH, 'other/app', 'v1')).status, 201)
    const robotAuth = basic('robot$proj+puller', secret)
    assert.equal(await pullManifest(b, robotAuth, 'proj/app', 'v1'), 200)
    const push = await pushImage(b, robotAuth, 'proj/app', 'v2')
    assert.ok(push.status === 401 || push.status === 403, `push: ${push.status}`)
    const otherPull = await pullManifest(b, robotAuth, 'other/app', 'v1')
    assert.ok(otherPull === 401 || otherPull === 403, `other project: ${otherPull}`)
    assert.equal(await pullManifest(b, basic('robot$proj+puller', 'Wrong1234'), 'proj/app', 'v1'), 401)
    assert.equal(await pullManifest(b, basic('proj+puller', secret), 'proj/app', 'v1'), 401, 'the robot$ prefix is needed')
    const del = await fetch(`${b.url}/v2/proj/app/manifests/v1`, { method: 'DELETE', headers: { authorization: robotAuth } })
    assert.ok(del.status === 401 || del.status === 403, `delete: ${del.status}`)

    // the token service narrows the scope to what the robot holds
    const tok = await fetch(`${b.url}/service/token?service=${encodeURIComponent('harbor-registry')}&scope=repository:proj/app:pull,push&scope=repository:other/app:pull`, { headers: { authorization: robotAuth } })
    assert.equal(tok.status, 200)
    const { token } = await tok.json() as { token: string }
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { access: Array<{ name: string; actions: string[] }> }
    assert.deepEqual(claims.access.find((a) => a.name === 'proj/app')?.actions, ['pull'])
    assert.deepEqual(claims.access.find((a) => a.name === 'other/app')?.actions ?? [], [])
    assert.equal(await pullManifest(b, `Bearer ${token}`, 'proj/app', 'v1'), 200)
    assert.equal(await pullManifest(b, `Bearer ${token}`, 'other/app', 'v1'), 401)
    // the robot reads the API within its permissions only
    assert.equal((await api(b, '/robots', { auth: robotAuth })).status, 403)
  })

  test('list: q, sort, paging and bad parameters', async () => {
    for (const n of ['sys-a', 'sys-b', 'sys-c']) {
      const r = await create(ADMIN_AUTH, { name: n, level: 'system', permissions: [{ kind: 'system', namespace: '/', access: [{ resource: 'audit-log', action: 'list' }] }, projectPerm('*', 'repository:pull')] })
      assert.equal(r.status, 201, r.text)
    }
    const page1 = await api(b, '/robots?q=name=~sys-&sort=name&page=1&page_size=2', { auth: ADMIN_AUTH })
    assert.equal(page1.status, 200)
    assert.equal(page1.headers.get('x-total-count'), '3')
    assert.deepEqual(page1.json.map((r: any) => r.name), ['robot$sys-a', 'robot$sys-b'])
    assert.match(page1.headers.get('link') ?? '', /rel="next"/)
    const page2 = await api(b, '/robots?q=name=~sys-&sort=name&page=2&page_size=2', { auth: ADMIN_AUTH })
    assert.deepEqual(page2.json.map((r: any) => r.name), ['robot$sys-c'])
    const desc = await api(b, '/robots?q=name=~sys-&sort=-name', { auth: ADMIN_AUTH })
    assert.equal(desc.json[0].name, 'robot$sys-c')
    const exact = await api(b, `/robots?q=name=${encodeURIComponent('robot$sys-b')}`, { auth: ADMIN_AUTH })
    assert.deepEqual(exact.json.map((r: any) => r.name), ['robot$sys-b'])
    assert.deepEqual(exact.json[0].permissions.map((p: any) => p.kind).sort(), ['project', 'system'])
    await expectError(api(b, '/robots?q=level=project', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?q=level=galaxy', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?q=level=project,project_id=abc', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?q=colour=red', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?sort=secret', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?page_size=1000', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?page=0', { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    await expectError(api(b, '/robots?q=level=project,project_id=999999', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      await expectError(api(b, `/robots/${id}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
    await expectError(api(b, '/robots/999999', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, '/robots/999999', { method: 'PATCH', auth: ADMIN_AUTH, body: {} }), 404, 'NOT_FOUND')
    await expectError(api(b, '/robots/999999', { method: 'DELETE', auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, '/robots/1', { auth: undefined }), 401, 'UNAUTHORIZED')
  })

  test('a system robot covering every project pulls anywhere; a robot with system robot create may create', async () => {
    const creator = await create(ADMIN_AUTH, { name: 'maker', level: 'system', permissions: [
      { kind: 'system', namespace: '/', access: [{ resource: 'robot', action: 'create' }, { resource: 'robot', action: 'read' }] },
      projectPerm('*', 'repository:pull'),
    ] })
    assert.equal(creator.status, 201, creator.text)
    const makerAuth = basic('robot$maker', creator.json.secret)
    assert.equal(await pullManifest(b, makerAuth, 'other/app', 'v1'), 200)
    const child = await create(makerAuth, { name: 'child', level: 'system', permissions: [projectPerm('*', 'repository:pull')] })
    assert.equal(child.status, 201, child.text)
    const got = await api(b, `/robots/${child.json.id}`, { auth: makerAuth })
    assert.equal(got.json.creator_type, 'robot')
    assert.equal(got.json.creator_ref, creator.json.id)
    await expectError(create(makerAuth, { name: 'greedy', level: 'system', permissions: [projectPerm('*', 'repository:push')] }), 403, 'FORBIDDEN')
    await expectError(create(makerAuth, { name: 'greedy', level: 'system', permissions: [{ kind: 'system', namespace: '/', access: [{ resource: 'user', action: 'create' }] }] }), 403, 'FORBIDDEN')
  })

  test('update: disable, expire, permissions; refresh the secret; delete', async () => {
    const r = await create(ADMIN_AUTH, { name: 'ci', level: 'project', permissions: [projectPerm('proj', 'repository:pull')] })
    assert.equal(r.status, 201, r.text)
    const id = r.json.id as number
    let auth = basic('robot$proj+ci', r.json.secret)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 200)
    const view = (await api(b, `/robots/${id}`, { auth: ADMIN_AUTH })).json
    assert.equal(view.expires_at, -1)
    const put = (body: unknown, who = ADMIN_AUTH) => api(b, `/robots/${id}`, { method: 'PUT', auth: who, body })

    // bad updates change nothing
    await expectError(put({ ...view, level: 'system' }), 400, 'BAD_REQUEST')
    await expectError(put({ ...view, name: 'robot$proj+other' }), 400, 'BAD_REQUEST')
    await expectError(put({ ...view, disable: 'yes' }), 400, 'BAD_REQUEST')
    await expectError(put({ ...view, permissions: [projectPerm('other', 'repository:pull')] }), 400, 'BAD_REQUEST')
    await expectError(put({ ...view, duration: -5 }), 400, 'BAD_REQUEST')
    await expectError(put({ ...view, disable: true }, bob.auth), 403, 'FORBIDDEN')
    await expectError(put({ ...view, disable: true }, ''), 401, 'UNAUTHORIZED')
    assert.deepEqual((await api(b, `/robots/${id}`, { auth: ADMIN_AUTH })).json, view)

    // push added: the robot can push now
    assert.equal((await put({ ...view, description: 'builds', permissions: [projectPerm('proj', 'repository:pull', 'repository:push')] })).status, 200)
    assert.equal((await pushImage(b, auth, 'proj/ci', 'v1')).status, 201)
    const updated = (await api(b, `/robots/${id}`, { auth: ADMIN_AUTH })).json
    assert.equal(updated.description, 'builds')

    // disabled: refused on /v2 and the API, enabled again: works
    assert.equal((await put({ ...updated, disable: true })).status, 200)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 401)
    assert.equal((await api(b, '/statistics', { auth })).status, 401)
    assert.equal((await put({ ...updated, disable: false })).status, 200)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 200)

    // expired (a past expires_at) is refused; a duration sets a future one
    assert.equal((await put({ ...updated, expires_at: Math.floor(Date.now() / 1000) - 60 })).status, 200)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 401)
    assert.equal((await put({ ...updated, duration: 7 })).status, 200)
    const week = (await api(b, `/robots/${id}`, { auth: ADMIN_AUTH })).json
    assert.equal(week.duration, 7)
    assert.ok(week.expires_at > Date.now() / 1000)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 200)

    // refresh: generated secret shown once, the old one stops working
    await expectError(api(b, `/robots/${id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: { secret: 'short' } }), 400, 'BAD_REQUEST')
    await expectError(api(b, `/robots/${id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: { secret: 5 } }), 400, 'BAD_REQUEST')
    await expectError(api(b, `/robots/${id}`, { method: 'PATCH', auth: bob.auth, body: {} }), 403, 'FORBIDDEN')
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 200)
    const fresh = await api(b, `/robots/${id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: {} })
    assert.equal(fresh.status, 200)
    assert.ok(fresh.json.secret.length >= 8)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 401)
    auth = basic('robot$proj+ci', fresh.json.secret)
    assert.equal(await pullManifest(b, auth, 'proj/app', 'v1'), 200)
    const chosen = await api(b, `/robots/${id}`, { method: 'PATCH', auth: ADMIN_AUTH, body: { secret: 'Chosen1234' } })
    assert.equal(chosen.status, 200)
    assert.equal(chosen.json.secret, '', 'a chosen secret is not echoed, as Harbor')
    assert.equal(await pullManifest(b, basic('robot$proj+ci', 'Chosen1234'), 'proj/app', 'v1'), 200)

    // the changes are audited
    const logs = await api(b, `/audit-logs?q=resource_type=robot,resource=${harborQ('robot$proj+ci')}&sort=op_time`, { auth: ADMIN_AUTH })
    assert.equal(logs.status, 200)
    assert.deepEqual(logs.json.map((l: any) => l.operation), ['create', 'update', 'update', 'update', 'update', 'update', 'update', 'update'])
    assert.ok(logs.json.every((l: any) => l.username === 'admin'))

    // delete: gone, credentials refused
    assert.equal((await api(b, `/robots/${id}`, { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
    await expectError(api(b, `/robots/${id}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    assert.equal(await pullManifest(b, basic('robot$proj+ci', 'Chosen1234'), 'proj/app', 'v1'), 401)
    const gone = await api(b, `/audit-logs?q=resource_type=robot,operation=delete,resource=${harborQ('robot$proj+ci')}`, { auth: ADMIN_AUTH })
    assert.equal(gone.json.length, 1)
  })

  test('skopeo copy with a project robot: its project yes, another no, disabled no', async () => {
    requireBinaries('skopeo')
    const box = await clientSandbox('robot-skopeo')
    try {
      await writeOciLayout(join(box.dir, 'src'), { layers: [1024], tag: 'v1' })
      const r = await create(ADMIN_AUTH, { name: 'pusher', level: 'project', permissions: [projectPerm('proj', 'repository:pull', 'repository:push')] })
      assert.equal(r.status, 201, r.text)
      const creds = `robot$proj+pusher:${r.json.secret}`
      const copy = (dest: string) => run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', creds, `oci:${join(box.dir, 'src')}:v1`, `docker://${b.host}/${dest}`], { env: box.env, timeoutMs: 120_000 })
      const ok = await copy('proj/skopeo:v1')
      assert.equal(ok.code, 0, ok.stderr)
      const refused = await copy('other/skopeo:v1')
      assert.notEqual(refused.code, 0)
      const view = (await api(b, `/robots/${r.json.id}`, { auth: ADMIN_AUTH })).json
      assert.equal((await api(b, `/robots/${r.json.id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { ...view, disable: true } })).status, 200)
      const disabled = await copy('proj/skopeo:v2')
      assert.notEqual(disabled.code, 0)
      assert.equal(await pullManifest(b, ADMIN_AUTH, 'proj/skopeo', 'v1'), 200)
      assert.equal(await pullManifest(b, ADMIN_AUTH, 'other/skopeo', 'v1'), 404)
      assert.equal(await pullManifest(b, ADMIN_AUTH, 'proj/skopeo', 'v2'), 404)
      await flushAudit(b.deps) // the /v2 push rows are written behind
      const pushed = await api(b, `/audit-logs?q=username=${harborQ('robot$proj+pusher')},operation=create`, { auth: ADMIN_AUTH })
      assert.deepEqual(pushed.json.map((l: any) => l.resource), ['proj/skopeo:v1'])
    } finally {
      await box.cleanup()
    }
  })
})

describe('robot expiry, on an injected clock', () => {
  const clock = manualClock()
  let b: InProcessBerth
  before(async () => {
    b = await startBerth({ clock })
    await createProject(b.url, 'exp')
    assert.equal((await pushImage(b, ADMIN_AUTH, 'exp/app', 'v1')).status, 201)
  })
  after(async () => { await b?.close() })

  test('a robot with duration 1 works until its expiry and not a second after, even just after a use', async () => {
    const r = await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'daily', level: 'project', duration: 1, permissions: [projectPerm('exp', 'repository:pull')] } })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.expires_at, Math.floor(clock.now().getTime() / 1000) + 86_400)
    const auth = basic('robot$exp+daily', r.json.secret)
    assert.equal(await pullManifest(b, auth, 'exp/app', 'v1'), 200)
    clock.advance(86_400_000 - 10_000)
    assert.equal(await pullManifest(b, auth, 'exp/app', 'v1'), 200, 'ten seconds before expiry')
    clock.advance(20_000)
    assert.equal(await pullManifest(b, auth, 'exp/app', 'v1'), 401, 'ten seconds after expiry: no grace from remembered credentials')
    assert.equal((await api(b, '/statistics', { auth })).status, 401)
  })

  test("a registry token issued just before its robot's expiry stops working at that expiry, not at its own", async () => {
    const r = await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'tokened', level: 'project', duration: 1, permissions: [projectPerm('exp', 'repository:pull')] } })
    assert.equal(r.status, 201, r.text)
    clock.advance(86_400_000 - 10_000)
    const res = await fetch(`${b.url}/service/token?service=harbor-registry&scope=repository:exp/app:pull`, { headers: { authorization: basic('robot$exp+tokened', r.json.secret) } })
    assert.equal(res.status, 200)
    const bearer = `Bearer ${((await res.json()) as { token: string }).token}`
    assert.equal(await pullManifest(b, bearer, 'exp/app', 'v1'), 200, 'ten seconds before expiry')
    clock.advance(20_000)
    assert.equal(await pullManifest(b, bearer, 'exp/app', 'v1'), 401, 'ten seconds after expiry: the token was remembered no longer than its robot')
  })
})
