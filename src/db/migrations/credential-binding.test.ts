// The credential-binding migration on a database written by the previous version: robot
// permissions gain the id of the project they name, and those on projects that are gone (which a
// namesake would otherwise inherit) are dropped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Migrator, sql, type Kysely } from 'kysely'
import { migrations } from '../migrate.js'
import { openTestDatabase, testDialects } from '../../../test/helpers/db.js'

for (const dialect of testDialects) test(`${dialect}: robot permissions are keyed by project id; dangling ones go`, async () => {
  const testDb = await openTestDatabase(dialect)
  const db = testDb.db as unknown as Kysely<any>
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('20261127120000-robot-creator-type')
    assert.equal(before.error, undefined)
    const now = '2026-01-01T00:00:00.000Z'
    await sql`insert into project (project_id, name, public, creation_time, update_time) values (7, 'alive', 0, ${now}, ${now})`.execute(db)
    await sql`insert into harbor_user (user_id, username, password, creation_time, update_time) values (5, 'u', '', ${now}, ${now})`.execute(db)
    await sql`insert into robot (id, name, project_id, level, secret, duration, expires_at, creation_time, update_time) values (1, 'sys', 0, 'system', 'x', -1, -1, ${now}, ${now})`.execute(db)
    await sql`insert into session (id_hash, user_id, csrf_token, expires_at, creation_time) values ('h', 5, 'c', ${now}, ${now})`.execute(db)
    for (const [kind, namespace] of [['project', 'alive'], ['project', 'gone'], ['project', '*'], ['system', '/']]) {
      await sql`insert into robot_permission (robot_id, kind, namespace, resource, action) values (1, ${kind}, ${namespace}, 'repository', 'pull')`.execute(db)
    }
    const after = await migrator.migrateToLatest()
    assert.equal(after.error, undefined)
    const rows = await sql<{ kind: string; namespace: string; project_id: number }>`select kind, namespace, project_id from robot_permission order by namespace`.execute(db)
    assert.deepEqual(rows.rows.map((r) => ({ ...r })), [
      { kind: 'project', namespace: '*', project_id: 0 },
      { kind: 'system', namespace: '/', project_id: 0 },
      { kind: 'project', namespace: 'alive', project_id: 7 },
    ])
    const versions = await sql<{ v: number }>`select credential_version as v from harbor_user union all select credential_version from robot union all select credential_version from session`.execute(db)
    assert.deepEqual(versions.rows.map((r) => r.v), [0, 0, 0])
  } finally {
    await testDb.drop()
  }
})
