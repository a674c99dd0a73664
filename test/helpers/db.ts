// Reads (and, for set-ups, writes) a test server's database through the product's own adapters:
// deps.db of a server in this process; for a child process, a Kysely opened like the server's own
// (openSqlite or openPostgres, from the backend its data dir remembers). Never the SQLite file by hand.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { openSqlite } from '../../src/db/sqlite.js'
import { openPostgres } from '../../src/db/postgres.js'
import type { Deps } from '../../src/deps.js'
import type { ConfigInput } from '../../src/config/load.js'
import { backendConfig, createTestDatabase, dropTestDatabase } from './backend.js'
import { loadConfig } from '../../src/config/load.js'
import { openBlobStore, createLogger } from '../../src/deps.js'
import type { BlobStore } from '../../src/storage/blob-store.js'

/** A Kysely on the database of the server whose data dir is `dataDir`; destroy it when done. */
export async function openServerDb(dataDir: string): Promise<Kysely<Database>> {
  const pg = (await backendConfig(dataDir)).database?.postgresql
  if (pg?.url) return openPostgres({ url: pg.url, poolSize: 2, statementTimeoutSeconds: 30 })
  return openSqlite(join(dataDir, 'berth.db'))
}

/**
 * Runs `fn` on the blob store of the server whose data dir is `dataDir` (filesystem or S3, as its
 * backend says), opened as the server opens it: a test reads blobs as the next server would.
 */
export async function withServerBlobs<T>(dataDir: string, fn: (blobs: BlobStore) => Promise<T>): Promise<T> {
  const config = loadConfig({ file: null, env: {}, overrides: { ...(await backendConfig(dataDir)), data_volume: dataDir } })
  const blobs = openBlobStore(config, createLogger({ log: { level: 'silent', access_log: false } }))
  try {
    return await fn(blobs)
  } finally {
    await blobs.close()
  }
}

/** Runs `fn` on the server's database: its own deps.db when it runs in this process. */
export async function withServerDb<T>(server: { dataDir: string; deps?: Deps }, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (server.deps) return fn(server.deps.db)
  const db = await openServerDb(server.dataDir)
  try {
    return await fn(db)
  } finally {
    await db.destroy()
  }
}

/**
 * Runs one statement with `?` placeholders (the same text on SQLite and PostgreSQL: Kysely
 * numbers the parameters for PostgreSQL); returns its rows. count(*) comes back as a number on both.
 */
export async function queryRows(server: { dataDir: string; deps?: Deps }, sqlText: string, ...params: unknown[]): Promise<Array<Record<string, any>>> {
  const pieces = sqlText.split('?')
  if (pieces.length !== params.length + 1) throw new Error(`queryRows: ${pieces.length - 1} placeholders, ${params.length} parameters: ${sqlText}`)
  const strings = Object.assign([...pieces], { raw: [...pieces] }) as unknown as TemplateStringsArray
  return withServerDb(server, async (db) => (await sql<Record<string, any>>(strings, ...params).execute(db)).rows.map((r) => ({ ...r })))
}

/** A database of one dialect for a unit test, fresh and empty (not migrated). */
export type TestDatabase = {
  dialect: 'sqlite' | 'postgresql'
  db: Kysely<Database>
  /** The `database` section of a berth.yml on this database. */
  config: ConfigInput['database']
  drop(): Promise<void>
}

/**
 * The dialects a db unit test runs on: SQLite always, PostgreSQL too when BERTH_TEST_POSTGRES_URL
 * is set (npm test sets it; `eval "$(node scripts/test-services.mjs start)"` does by hand).
 */
export const testDialects: Array<TestDatabase['dialect']> = process.env.BERTH_TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite']

export async function openTestDatabase(dialect: TestDatabase['dialect']): Promise<TestDatabase> {
  if (dialect === 'postgresql') {
    const url = await createTestDatabase()
    const db = openPostgres({ url, poolSize: 4, statementTimeoutSeconds: 30 })
    return { dialect, db, config: { type: 'postgresql', postgresql: { url } }, async drop() { await db.destroy(); await dropTestDatabase(url) } }
  }
  const dir = await mkdtemp(join(tmpdir(), 'berth-db-'))
  const path = join(dir, 'berth.db')
  const db = openSqlite(path)
  return { dialect, db, config: { type: 'sqlite', sqlite: { path } }, async drop() { await db.destroy(); await rm(dir, { recursive: true, force: true }) } }
}
