// Row modules give the same answers on SQLite and PostgreSQL where the two differ by nature:
// numbered ids, bigints and counts as numbers, fuzzy filters that ignore case, unique violations
// told apart, and insert-if-absent that holds under truly parallel transactions.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { migrateToLatest } from './migrate.js'
import { countProjects, insertProject, listQuotas } from './projects.js'
import { findBlob, insertBlob } from './blobs.js'
import { ensureRepository, countRepositories } from './repositories.js'
import { countOpenUploads, insertUploadWithinCaps } from './uploads.js'
import { totalBlobBytes } from './search.js'
import { isUniqueViolation } from './dialect.js'
import { insertUser, listUsers } from './users.js'
import { openTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/db.js'

const now = '2026-12-04T00:00:00.000Z'

for (const dialect of testDialects) describe(`row modules on ${dialect}`, () => {
  let t: TestDatabase
  before(async () => {
    t = await openTestDatabase(dialect)
    await migrateToLatest(t.db)
  })
  after(async () => { await t.drop() })

  test('ids are numbered by the database, as numbers', async () => {
    const a = await insertProject(t.db, { name: 'alpha', public: true, ownerId: 0, now })
    const b = await insertProject(t.db, { name: 'Beta_1', public: false, ownerId: 0, now })
    assert.equal(typeof a, 'number')
    assert.ok(b > a)
  })

  test('bigints, counts and sums are numbers', async () => {
    await insertBlob(t.db, 'sha256:big', 5_000_000_000, now)
    assert.deepEqual(await findBlob(t.db, 'sha256:big'), { size: 5_000_000_000 })
    assert.equal(await totalBlobBytes(t.db), 5_000_000_000)
    const n = await countProjects(t.db, { visibility: { kind: 'all' } })
    assert.equal(n, 2)
    const quotas = await listQuotas(t.db, { limit: 10, offset: 0 })
    assert.deepEqual(quotas.map((q) => [q.name, q.hard_storage, q.used_storage]), [['alpha', -1, 0], ['Beta_1', -1, 0]])
  })

  test('fuzzy filters ignore case, and %, _ and \\ match only themselves', async () => {
    const count = (fuzzy: string) => countProjects(t.db, { visibility: { kind: 'all' }, name: [{ kind: 'fuzzy', value: fuzzy }] })
    assert.equal(await count('ALP'), 1)
    assert.equal(await count('beta'), 1)
    assert.equal(await count('a_1'), 1)
    assert.equal(await count('_'), 1)
    assert.equal(await count('%'), 0)
    assert.equal(await count('\\'), 0)
  })

  test('a unique violation is told apart from other errors', async () => {
    const err = await insertProject(t.db, { name: 'alpha', public: true, ownerId: 0, now }).then(() => undefined, (e: unknown) => e)
    assert.ok(err, 'the second insert fails')
    assert.ok(isUniqueViolation(err))
    assert.ok(!isUniqueViolation(new Error('other')))
  })

  test('concurrent pushes creating one repository: every transaction gets the same id', async () => {
    const projectId = await insertProject(t.db, { name: 'race', public: false, ownerId: 0, now })
    const ids = await Promise.all(Array.from({ length: 8 }, () =>
      t.db.transaction().execute((trx) => ensureRepository(trx, projectId, 'race/app', now))))
    assert.equal(new Set(ids).size, 1)
    assert.equal(await countRepositories(t.db, { projectIds: [projectId] }), 1)
  })

  test('an upload row is inserted within its caps', async () => {
    const caps = { perRepository: 2, perOwner: 3, since: null }
    const results = []
    for (let i = 0; i < 3; i++) results.push(await insertUploadWithinCaps(t.db, { id: `u${i}`, repository: 'alpha/app', owner: 'bob', now }, caps))
    assert.deepEqual(results, [true, true, false])
    assert.equal(await countOpenUploads(t.db, 'bob', null, 'alpha/app'), 2)
  })

  test('parallel upload sessions of one owner never go past the cap', async () => {
    const caps = { perRepository: 3, perOwner: 100, since: null }
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      insertUploadWithinCaps(t.db, { id: `p${i}`, repository: 'alpha/race', owner: 'carol', now }, caps)))
    assert.equal(results.filter(Boolean).length, 3)
    assert.equal(await countOpenUploads(t.db, 'carol', null, 'alpha/race'), 3)
  })
})

for (const dialect of testDialects) test(`${dialect}: users sort with the email-less first, ascending, and last, descending`, async () => {
  const t = await openTestDatabase(dialect)
  try {
    await migrateToLatest(t.db)
    for (const [username, email] of [['a', 'a@x'], ['b', null], ['c', 'c@x']] as const) {
      await insertUser(t.db, { username, email, realname: '', comment: '', password: '', sysadmin: false, now })
    }
    const order = async (desc: boolean) => (await listUsers(t.db, { filters: {}, sort: [{ field: 'email', desc }], offset: 0, limit: 10 })).map((u) => u.username)
    assert.deepEqual(await order(false), ['b', 'a', 'c'])
    assert.deepEqual(await order(true), ['c', 'a', 'b'])
  } finally {
    await t.drop()
  }
})
