// Pulls show up where Harbor shows them: the repository's pull_count and the artifact's pull_time.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { api, makeProject, pullManifest, pushImage } from '../helpers/api-client.js'
import { manualClock } from '../helpers/clock.js'
import { flushPulls } from '../../src/registry/pull-stats.js'
import { addPullCount, touchPullTime } from '../../src/db/pulls.js'

const clock = manualClock()
let b: InProcessBerth
before(async () => {
  b = await startBerth({ clock })
  await makeProject(b, 'stats')
})
after(() => b.close())

test('manifest GETs count as pulls; HEADs do not', async () => {
  const pushed = await pushImage(b, ADMIN_AUTH, 'stats/app', 'v1')
  assert.equal(pushed.status, 201)
  const before = await api(b, '/projects/stats/repositories/app/artifacts/v1', { auth: ADMIN_AUTH })
  assert.equal(before.json.pull_time, '0001-01-01T00:00:00.000Z')
  clock.advance(5000)

  assert.equal(await pullManifest(b, ADMIN_AUTH, 'stats/app', 'v1'), 200)
  assert.equal(await pullManifest(b, ADMIN_AUTH, 'stats/app', 'v1'), 200)
  assert.equal(await pullManifest(b, ADMIN_AUTH, 'stats/app', pushed.digest!), 200)
  assert.equal(await pullManifest(b, ADMIN_AUTH, 'stats/app', 'v1', 'HEAD'), 200)
  await flushPulls(b.deps) // counts are written behind, at most every second

  const repo = await api(b, '/projects/stats/repositories/app', { auth: ADMIN_AUTH })
  assert.equal(repo.status, 200)
  assert.equal(repo.json.pull_count, 3)
  const art = await api(b, '/projects/stats/repositories/app/artifacts/v1', { auth: ADMIN_AUTH })
  assert.equal(Date.parse(art.json.pull_time), clock.now().getTime())
  assert.equal(Date.parse(art.json.pull_time) - Date.parse(art.json.push_time), 5000)
})

test('instances flush their counts independently: counts add up and pull_time never moves back', async () => {
  const pushed = await pushImage(b, ADMIN_AUTH, 'stats/many', 'v1')
  assert.equal(pushed.status, 201)
  const newer = clock.now().toISOString()
  const older = new Date(clock.now().getTime() - 60_000).toISOString()
  // two instances' batches, the newer one written first
  await addPullCount(b.deps.db, 'stats/many', 2)
  await touchPullTime(b.deps.db, 'stats/many', ['v1'], newer)
  await addPullCount(b.deps.db, 'stats/many', 3)
  await touchPullTime(b.deps.db, 'stats/many', [pushed.digest!], older)
  const repo = await api(b, '/projects/stats/repositories/many', { auth: ADMIN_AUTH })
  assert.equal(repo.json.pull_count, 5)
  const art = await api(b, '/projects/stats/repositories/many/artifacts/v1', { auth: ADMIN_AUTH })
  assert.equal(art.json.pull_time, newer)
})
