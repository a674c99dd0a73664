// Migrations on both dialects: applied once, refused on a schema newer than the code, and on
// PostgreSQL one instance at a time when several start together on a fresh database.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { migrateToLatest, migrations, SchemaTooNewError } from './migrate.js'
import { openPostgres } from './postgres.js'
import { openDeps } from '../deps.js'
import { loadConfig } from '../config/load.js'
import { openTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/db.js'
import { TEST_PASSWORD_COST } from '../../test/helpers/berth.js'

const ALL = Object.keys(migrations)
const FUTURE = '29991231000000-from-a-newer-berth'
const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../main.js')

async function withDataDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-migrate-'))
  try {
    return await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const configOn = (t: TestDatabase, dataDir: string) => loadConfig({
  file: null, env: {}, overrides: { data_volume: dataDir, database: t.config, harbor_admin_password: 'Harbor12345', log: { level: 'silent' } },
})

/** `berth migrate` as an operator runs it, on the test database. */
function berthMigrate(t: TestDatabase, dataDir: string) {
  const env: Record<string, string> = { ...process.env as Record<string, string>, BERTH_DATA_DIR: dataDir, BERTH_LOG_LEVEL: 'silent', BERTH_DATABASE_TYPE: t.dialect }
  if (t.config?.postgresql?.url) env.BERTH_DATABASE_POSTGRESQL_URL = t.config.postgresql.url
  if (t.config?.sqlite?.path) env.BERTH_DATABASE_SQLITE_PATH = t.config.sqlite.path
  return spawnSync(process.execPath, [MAIN, 'migrate'], { env, encoding: 'utf8' })
}

for (const dialect of testDialects) describe(`migrations on ${dialect}`, () => {
  test('a fresh database gets every migration once; a second run applies nothing', async () => {
    const t = await openTestDatabase(dialect)
    try {
      assert.deepEqual(await migrateToLatest(t.db), ALL)
      assert.deepEqual(await migrateToLatest(t.db), [])
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(t.db)
      assert.equal(rows[0]!.n, ALL.length)
    } finally {
      await t.drop()
    }
  })

  test('`berth migrate` applies and names the migrations, and touches nothing else', async () => {
    const t = await openTestDatabase(dialect)
    try {
      await withDataDir(async (dataDir) => {
        const first = berthMigrate(t, dataDir)
        assert.equal(first.status, 0, first.stderr)
        assert.match(first.stdout, new RegExp(`applied ${ALL.length} migration\\(s\\):\\n${ALL.map((m) => `  ${m}\\n`).join('')}$`))
        // the schema only: no admin yet, no project
        assert.equal((await t.db.selectFrom('harbor_user').select('user_id').execute()).length, 0)
        assert.equal((await t.db.selectFrom('project').select('project_id').execute()).length, 0)
        const again = berthMigrate(t, dataDir)
        assert.equal(again.status, 0, again.stderr)
        assert.equal(again.stdout, 'the database schema is up to date\n')
      })
    } finally {
      await t.drop()
    }
  })

  test('a schema with migrations the code does not know: openDeps and `berth migrate` refuse, naming them', async () => {
    const t = await openTestDatabase(dialect)
    try {
      await migrateToLatest(t.db)
      await sql`insert into kysely_migration (name, timestamp) values (${FUTURE}, ${new Date().toISOString()})`.execute(t.db)
      await withDataDir(async (dataDir) => {
        await assert.rejects(openDeps(configOn(t, dataDir), { passwordCost: TEST_PASSWORD_COST }), (err: unknown) => {
          assert.ok(err instanceof SchemaTooNewError)
          assert.deepEqual(err.unknown, [FUTURE])
          assert.match(err.message, /schema is newer than this version of Berth/)
          assert.match(err.message, new RegExp(FUTURE))
          assert.match(err.message, /upgrade Berth/)
          return true
        })
        const cli = berthMigrate(t, dataDir)
        assert.equal(cli.status, 2)
        assert.match(cli.stderr, new RegExp(`^berth: the database schema is newer than this version of Berth: .*${FUTURE}.*upgrade Berth`))
        assert.doesNotMatch(cli.stderr, /corrupted|at .*\.js/, 'a plain message, not a stack')
      })
    } finally {
      await t.drop()
    }
  })
})

describe('migrations on PostgreSQL, several instances at once', { skip: testDialects.includes('postgresql') ? false : 'BERTH_TEST_POSTGRES_URL is unset' }, () => {
  test('migrators racing on a fresh database: each migration is applied exactly once, all succeed', async () => {
    const t = await openTestDatabase('postgresql')
    const url = t.config!.postgresql!.url!
    const dbs = Array.from({ length: 4 }, () => openPostgres({ url, poolSize: 2, statementTimeoutSeconds: 30 }))
    try {
      const applied = await Promise.all(dbs.map((db) => migrateToLatest(db)))
      // under the advisory lock one run applies everything; the others find nothing left
      assert.deepEqual(applied.flat().sort(), [...ALL].sort())
      assert.equal(applied.filter((a) => a.length > 0).length, 1)
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()))
      await t.drop()
    }
  })

  test('two instances starting together on one fresh database both start; schema, admin and library exist once', async () => {
    const t = await openTestDatabase('postgresql')
    try {
      await withDataDir(async (a) => withDataDir(async (b) => {
        const deps = await Promise.all([a, b].map((dir) => openDeps(configOn(t, dir), { passwordCost: TEST_PASSWORD_COST })))
        await Promise.all(deps.map((d) => d.close()))
      }))
      const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(t.db)).rows[0]!.n
      assert.equal(await count(sql<{ n: number }>`select count(*) as n from kysely_migration`), ALL.length)
      assert.equal(await count(sql<{ n: number }>`select count(*) as n from harbor_user where username = 'admin'`), 1)
      assert.equal(await count(sql<{ n: number }>`select count(*) as n from project where name = 'library'`), 1)
      assert.equal(await count(sql<{ n: number }>`select count(*) as n from project_member`), 1)
    } finally {
      await t.drop()
    }
  })
})
