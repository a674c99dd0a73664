// The embedded default: one SQLite file in the data directory, in WAL mode.
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema.js'

export function openSqlite(path: string): Kysely<Database> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  // The database holds password hashes and tokens: created 0600 here, not by SQLite (0644), and
  // SQLite gives the -wal and -shm files the database file's mode.
  closeSync(openSync(path, 'a', 0o600))
  const raw = new SqliteDatabase(path)
  raw.pragma('journal_mode = WAL')
  // NORMAL in WAL mode survives a process crash (kill -9); only power loss may drop the last commits.
  raw.pragma('synchronous = NORMAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  // checkpoints (and their fsync) run on a worker: see sqlite-checkpointer.ts
  raw.pragma('wal_autocheckpoint = 0')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
}
