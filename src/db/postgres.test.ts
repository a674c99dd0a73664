// The PostgreSQL adapter's own settings: statement_timeout on every pooled connection.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { openPostgres } from './postgres.js'
import { createTestDatabase, dropTestDatabase } from '../../test/helpers/backend.js'

const skip = process.env.BERTH_TEST_POSTGRES_URL ? false : 'BERTH_TEST_POSTGRES_URL is unset'

test('statement_timeout_seconds cancels a statement that runs longer, on every connection of the pool', { skip }, async () => {
  const url = await createTestDatabase()
  const db = openPostgres({ url, poolSize: 3, statementTimeoutSeconds: 0.3 })
  try {
    const shown = await Promise.all([0, 1, 2].map(() => db.connection().execute(async (c) => (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(c)).rows[0]!.statement_timeout)))
    assert.deepEqual(shown, ['300ms', '300ms', '300ms'])
    await assert.rejects(sql`select pg_sleep(2)`.execute(db), (err: { code?: string }) => err.code === '57014')
    const untimed = openPostgres({ url, poolSize: 1, statementTimeoutSeconds: 0 })
    try {
      assert.equal((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(untimed)).rows[0]!.statement_timeout, '0')
    } finally {
      await untimed.destroy()
    }
  } finally {
    await db.destroy()
    await dropTestDatabase(url)
  }
})
