// Two Berth instances on one database and one Redis (issue 7): a change made through one is in
// force on the other at once, although the other had the old answer cached. On the embedded pass
// both share one SQLite data dir (WAL is safe across processes and connections); on the scale-out
// pass test/helpers/backend.ts gives them the same PostgreSQL database, keyed by that data dir.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ADMIN_AUTH, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { addMember, api, basic, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'
import { manualClock } from '../helpers/clock.js'
import { requestFrom } from '../helpers/net.js'

const redisUrl = process.env.BERTH_TEST_REDIS_URL

describe('two instances share their state through Redis', { skip: redisUrl ? false : 'BERTH_TEST_REDIS_URL is unset (run with npm test)' }, () => {
  let dataDir: string
  let a: InProcessBerth
  let b: InProcessBerth
  const clock = manualClock()

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'berth-shared-'))
    const config = { redis: { url: redisUrl!, key_prefix: `berth-test-${randomBytes(6).toString('hex')}:` } }
    a = await startBerth({ dataDir, config, clock })
    b = await startBerth({ dataDir, config, clock })
  })
  after(async () => {
    await a?.close()
    await b?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test("a member's role changed through A is enforced by B on the next request", async () => {
    await makeProject(a, 'roles')
    const u = await makeUser(a, 'mover')
    await addMember(a, 'roles', u.username, 2) // developer: may push
    const startUpload = () => fetch(`${b.url}/v2/roles/app/blobs/uploads/`, { method: 'POST', headers: { authorization: u.auth } })
    assert.equal((await startUpload()).status, 202, 'B remembers the developer role')
    const members = await api(a, `/projects/roles/members?entityname=${u.username}`, { auth: ADMIN_AUTH })
    const id = members.json[0].id as number
    assert.equal((await api(a, `/projects/roles/members/${id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { role_id: 3 } })).status, 200) // guest
    const refused = await startUpload()
    assert.equal(refused.status, 403, 'B enforces the guest role at once')
    assert.equal((await pullManifest(b, u.auth, 'roles/app', 'latest')), 404, 'a guest still reads')
  })

  test('a tag deleted through A is 404 on B at once, though B had it cached', async () => {
    await makeProject(a, 'tags', { public: true })
    const pushed = await pushImage(a, ADMIN_AUTH, 'tags/app', 'v1')
    assert.equal(pushed.status, 201)
    assert.equal(await pullManifest(b, undefined, 'tags/app', 'v1'), 200)
    assert.equal(await pullManifest(b, undefined, 'tags/app', 'v1', 'HEAD'), 200) // served from B's cache
    const del = await api(a, `/projects/tags/repositories/app/artifacts/${pushed.digest}/tags/v1`, { method: 'DELETE', auth: ADMIN_AUTH })
    assert.equal(del.status, 200, del.text)
    assert.equal(await pullManifest(b, undefined, 'tags/app', 'v1'), 404)
    // and an artifact deleted through B is gone on A, which had it cached by digest
    assert.equal(await pullManifest(a, undefined, 'tags/app', pushed.digest!), 200)
    const gone = await fetch(`${b.url}/v2/tags/app/manifests/${pushed.digest}`, { method: 'DELETE', headers: { authorization: ADMIN_AUTH } })
    assert.equal(gone.status, 202)
    assert.equal(await pullManifest(a, undefined, 'tags/app', pushed.digest!), 404)
  })

  test('a setting changed through A is in force on B', async () => {
    const u = await makeUser(a, 'creator')
    await makeProject(b, 'mine1', { auth: u.auth }) // B now remembers "everyone may create projects"
    const put = await api(a, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, body: { project_creation_restriction: 'adminonly' } })
    assert.equal(put.status, 200, put.text)
    const refused = await api(b, '/projects', { method: 'POST', auth: u.auth, body: { project_name: 'mine2', metadata: { public: 'false' } } })
    assert.equal(refused.status, 403, refused.text)
    await api(a, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, body: { project_creation_restriction: 'everyone' } })
  })

  test('failed logins spread over A and B hold the client off on both', async () => {
    const wrong = basic('admin', 'wrong-password')
    const attempt = (on: InProcessBerth) => requestFrom('127.0.0.9', `${on.url}/v2/`, { headers: { authorization: wrong } })
    // five free failures and the sixth, which starts a wait: three on each instance
    for (let i = 0; i < 6; i++) assert.equal((await attempt(i % 2 ? b : a)).status, 401, `attempt ${i + 1}`)
    for (const on of [a, b]) {
      const held = await attempt(on)
      assert.equal(held.status, 429)
      assert.equal(held.headers['retry-after'], '1')
    }
    clock.advance(1000)
    assert.equal((await attempt(b)).status, 401, 'the wait is over on both')
  })
})
