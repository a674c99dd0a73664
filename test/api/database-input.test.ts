// Input that one dialect stores or compares and the other cannot, on every backend the pass runs:
// ids past 32 bits find nothing (PostgreSQL's integer is 32-bit, SQLite's 64: Berth uses bigint
// there), and a NUL character, which PostgreSQL text cannot hold, is never a 500.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { api } from '../helpers/api-client.js'

describe('input at the edges of the database types', () => {
  let b: InProcessBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b.close() })

  test('ids past 2^31 are 404 (or an empty list), never a 500', async () => {
    const big = 2 ** 40
    for (const path of [`/projects/${big}`, `/users/${big}`, `/robots/${big}`, `/labels/${big}`, `/projects/1/members/${big}`, `/quotas/${big}`]) {
      const r = await api(b, path, { auth: ADMIN_AUTH })
      assert.equal(r.status, 404, `${path}: ${r.text}`)
    }
    const listed = await api(b, `/projects?q=${encodeURIComponent(`project_id=${big}`)}`, { auth: ADMIN_AUTH })
    assert.equal(listed.status, 200)
    assert.deepEqual(listed.json, [])
  })

  test('a NUL character in a filter or search finds nothing (SQLite) or is refused as bad input (PostgreSQL)', async () => {
    const onPostgres = b.deps.config.database.type === 'postgresql'
    for (const path of ['/projects?name=a%00b', '/search?q=%00', `/audit-logs?q=${encodeURIComponent('resource=\0x')}`, `/projects/library/repositories?q=${encodeURIComponent('name=~\0')}`]) {
      const r = await api(b, path, { auth: ADMIN_AUTH })
      if (onPostgres) {
        assert.equal(r.status, 400, `${path}: ${r.text}`)
        assert.match(r.text, /NUL character/)
      } else {
        assert.equal(r.status, 200, `${path}: ${r.text}`)
      }
    }
  })
})
