// Harbor's /search and /statistics: results and counts limited to what the caller may see.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, createProject, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, expectError, makeProject, makeUser, pushImage } from '../helpers/api-client.js'

describe('search and statistics', () => {
  let b: RunningBerth
  let carol: Awaited<ReturnType<typeof makeUser>>
  let dave: Awaited<ReturnType<typeof makeUser>>

  before(async () => {
    b = await startBerth()
    await createProject(b.url, 'findpub', { public: true })
    await createProject(b.url, 'findpriv')
    carol = await makeUser(b, 'carol')
    dave = await makeUser(b, 'dave')
    await makeProject(b, 'findcarol', { auth: carol.auth })
    for (const repo of ['findpub/web', 'findpub/db', 'findpriv/secret', 'findcarol/tool']) {
      assert.equal((await pushImage(b, ADMIN_AUTH, repo, 'v1')).status, 201)
    }
    assert.equal((await pushImage(b, ADMIN_AUTH, 'findpub/web', 'v2')).status, 201)
  })
  after(async () => { await b?.close() })

  const names = (r: { json: any }) => ({
    projects: r.json.project.map((p: any) => p.name).sort(),
    repos: r.json.repository.map((x: any) => x.repository_name).sort(),
  })

  test('search: anonymous sees public, members their own, the admin all', async () => {
    const anon = await api(b, '/search?q=find')
    assert.equal(anon.status, 200)
    assert.deepEqual(names(anon), { projects: ['findpub'], repos: ['findpub/db', 'findpub/web'] })
    const web = anon.json.repository.find((x: any) => x.repository_name === 'findpub/web')
    assert.equal(web.project_name, 'findpub')
    assert.equal(web.project_public, true)
    assert.equal(web.artifact_count, 2)
    assert.equal(typeof web.pull_count, 'number')
    assert.equal(typeof web.project_id, 'number')
    assert.equal(anon.json.project[0].repo_count, 2)
    assert.equal(anon.json.project[0].metadata.public, 'true')

    assert.deepEqual(names(await api(b, '/search?q=find', { auth: carol.auth })), { projects: ['findcarol', 'findpub'], repos: ['findcarol/tool', 'findpub/db', 'findpub/web'] })
    const mine = (await api(b, '/search?q=findcarol', { auth: carol.auth })).json.project[0]
    assert.equal(mine.current_user_role_id, 1)
    assert.deepEqual(names(await api(b, '/search?q=find', { auth: dave.auth })), { projects: ['findpub'], repos: ['findpub/db', 'findpub/web'] })
    assert.deepEqual(names(await api(b, '/search?q=find', { auth: ADMIN_AUTH })), {
      projects: ['findcarol', 'findpriv', 'findpub'], repos: ['findcarol/tool', 'findpriv/secret', 'findpub/db', 'findpub/web'],
    })
    assert.deepEqual(names(await api(b, '/search?q=secret', { auth: dave.auth })), { projects: [], repos: [] })
    assert.deepEqual(names(await api(b, '/search?q=secret', { auth: ADMIN_AUTH })), { projects: [], repos: ['findpriv/secret'] })
  })

  test('search: bad input', async () => {
    await expectError(api(b, '/search'), 400, 'BAD_REQUEST')
    await expectError(api(b, '/search?q=a&q=b'), 400, 'BAD_REQUEST')
    await expectError(api(b, `/search?q=${'x'.repeat(300)}`), 400, 'BAD_REQUEST')
    // LIKE wildcards are literal, unicode and '..' just match nothing
    for (const q of ['%', '_', '..', 'ünï', '\\', "'", '"; drop table project; --']) {
      const r = await api(b, `/search?q=${encodeURIComponent(q)}`, { auth: ADMIN_AUTH })
      assert.equal(r.status, 200, q)
      assert.deepEqual(names(r), { projects: [], repos: [] }, q)
    }
    const invalid = await api(b, '/search?q=find', { auth: 'Basic Zm9vOmJhcg==' })
    assert.equal(invalid.status, 401)
  })

  test('statistics: anonymous 401; the admin gets totals; others counts within sight and no totals', async () => {
    await expectError(api(b, '/statistics'), 401, 'UNAUTHORIZED')
    const admin = await api(b, '/statistics', { auth: ADMIN_AUTH })
    assert.equal(admin.status, 200)
    const s = admin.json
    assert.deepEqual(Object.keys(s).sort(), ['private_project_count', 'private_repo_count', 'public_project_count', 'public_repo_count', 'total_project_count', 'total_repo_count', 'total_storage_consumption'])
    // library (public, from bootstrap) and findpub are public; findpriv and findcarol private
    assert.equal(s.public_project_count, 2)
    assert.equal(s.private_project_count, 2)
    assert.equal(s.total_project_count, 4)
    assert.equal(s.public_repo_count, 2)
    assert.equal(s.private_repo_count, 2)
    assert.equal(s.total_repo_count, 4)
    assert.ok(s.total_storage_consumption > 5 * 512)

    const c = (await api(b, '/statistics', { auth: carol.auth })).json
    assert.deepEqual(c, { private_project_count: 1, private_repo_count: 1, public_project_count: 2, public_repo_count: 2, total_project_count: 0, total_repo_count: 0, total_storage_consumption: 0 })
    const d = (await api(b, '/statistics', { auth: dave.auth })).json
    assert.deepEqual(d, { private_project_count: 0, private_repo_count: 0, public_project_count: 2, public_repo_count: 2, total_project_count: 0, total_repo_count: 0, total_storage_consumption: 0 })
  })
})
