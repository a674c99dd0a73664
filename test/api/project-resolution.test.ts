// The project checked is the project used. Harbor allows project names made of digits, so "1"
// may be a name while 1 is another project's id: {project_name} parameters and a copy's `from=`
// are names, {project_name_or_id} is an id unless X-Is-Resource-Name says otherwise, and query
// parameters called project_id are ids whatever the header says.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, expectError, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'

describe('project names and ids resolve once', () => {
  let b: RunningBerth
  let mallory: Awaited<ReturnType<typeof makeUser>>
  let numericId: number
  const name = (id: number) => String(id)

  before(async () => {
    b = await startBerth()
    mallory = await makeUser(b, 'mallory')
    // library (id 1) is public; the private project *named* "1" belongs to someone else
    numericId = await makeProject(b, '1')
    assert.equal((await pushImage(b, ADMIN_AUTH, '1/app', 'v1')).status, 201)
    await makeProject(b, 'mallory-proj', { auth: mallory.auth })
  })
  after(async () => { await b?.close() })

  test('copy from=1/app:v1 reads the project named "1", and checks access on that project', async () => {
    assert.notEqual(numericId, 1)
    await expectError(api(b, '/projects/mallory-proj/repositories/stolen/artifacts?from=1/app:v1', { method: 'POST', auth: mallory.auth }), 404)
    assert.equal(await pullManifest(b, mallory.auth, 'mallory-proj/stolen', 'v1'), 404)
    const repos = await api(b, '/projects/mallory-proj/repositories', { auth: mallory.auth })
    assert.deepEqual(repos.json, [])
    // the admin, who may read "1", copies from it (and not from library)
    const ok = await api(b, '/projects/mallory-proj/repositories/copied/artifacts?from=1/app:v1', { method: 'POST', auth: ADMIN_AUTH })
    assert.equal(ok.status, 201, ok.text)
    assert.equal(await pullManifest(b, mallory.auth, 'mallory-proj/copied', 'v1'), 200)
  })

  test('{project_name} is a name even when it is all digits', async () => {
    // the admin sees the repositories of the project named "1", not those of library (id 1)
    const list = await api(b, '/projects/1/repositories', { auth: ADMIN_AUTH })
    assert.equal(list.status, 200, list.text)
    assert.deepEqual(list.json.map((r: { name: string }) => r.name), ['1/app'])
    // mallory may list library's repositories but not those of the private "1"
    await expectError(api(b, '/projects/1/repositories', { auth: mallory.auth }), 404)
    await expectError(api(b, '/projects/1/repositories/app/artifacts', { auth: mallory.auth }), 404)
    await expectError(api(b, '/projects/1/logs', { auth: mallory.auth }), 404)
  })

  test('{project_name_or_id} follows X-Is-Resource-Name', async () => {
    const byId = await api(b, `/projects/${numericId}`, { auth: ADMIN_AUTH })
    assert.equal(byId.json.name, '1')
    const one = await api(b, '/projects/1', { auth: ADMIN_AUTH })
    assert.equal(one.json.name, 'library')
    const byName = await api(b, '/projects/1', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'true' } })
    assert.equal(byName.json.project_id, numericId)
    await expectError(api(b, '/projects/1', { auth: mallory.auth, headers: { 'x-is-resource-name': 'true' } }), 404)
    // the header is a boolean as go-openapi reads them (True, 1, yes …); nonsense is a 400, not a guess
    for (const yes of ['True', '1', 'yes']) {
      assert.equal((await api(b, '/projects/1', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': yes } })).json.project_id, numericId)
    }
    assert.equal((await api(b, '/projects/1', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'false' } })).json.name, 'library')
    await expectError(api(b, '/projects/1', { auth: ADMIN_AUTH, headers: { 'x-is-resource-name': 'maybe' } }), 400)
  })

  test('project_id in a query is an id whatever X-Is-Resource-Name says', async () => {
    // mallory owns mallory-proj; a project named after its id must not be what is checked
    const mine = await api(b, '/projects/mallory-proj', { auth: mallory.auth, headers: { 'x-is-resource-name': 'true' } })
    const mineId = mine.json.project_id as number
    await makeProject(b, name(mineId))
    const robots = await api(b, `/robots?q=level=project,project_id=${mineId}`, { auth: mallory.auth, headers: { 'x-is-resource-name': 'true' } })
    assert.equal(robots.status, 200, robots.text)
    const labels = await api(b, `/labels?scope=p&project_id=${mineId}`, { auth: mallory.auth, headers: { 'x-is-resource-name': 'true' } })
    assert.equal(labels.status, 200, labels.text)
    // and on the admin's project of that id mallory is refused
    await expectError(api(b, `/robots?q=level=project,project_id=${numericId}`, { auth: mallory.auth, headers: { 'x-is-resource-name': 'true' } }), 404)
  })

  test('a robot namespace is a name: a project robot for "1" lands in the project named "1"', async () => {
    const r = await api(b, '/robots', {
      method: 'POST', auth: ADMIN_AUTH,
      body: { name: 'digits', level: 'project', duration: -1, permissions: [{ kind: 'project', namespace: '1', access: [{ resource: 'repository', action: 'pull' }] }] },
    })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.name, 'robot$1+digits')
    const got = await api(b, `/robots/${r.json.id}`, { auth: ADMIN_AUTH })
    assert.equal(got.json.permissions[0].namespace, '1')
    const listed = await api(b, `/robots?q=level=project,project_id=${numericId}`, { auth: ADMIN_AUTH })
    assert.deepEqual(listed.json.map((x: { name: string }) => x.name), ['robot$1+digits'])
  })
})
