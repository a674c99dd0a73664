// Versioned migrations, one set for every dialect. Listed here rather than read from a folder
// so the compiled build carries them and their order is explicit.
//
// Many instances may start at once on one PostgreSQL database: Kysely's Migrator takes a
// session-level advisory lock (pg_advisory_lock) on one connection, and on that connection reads
// what is applied, then runs every pending migration in one transaction, and only then unlocks.
// A second instance waits on the lock, then finds nothing left to do. On SQLite the file has a
// single writer and the migrations' transaction serializes them alike.
import { sql, type Kysely } from 'kysely'
import { Migrator, type Migration } from 'kysely'
import * as registry from './migrations/20261127000100-registry.js'
import * as identity from './migrations/20261127000200-identity.js'
import * as robotCreatorType from './migrations/20261127120000-robot-creator-type.js'
import * as credentialBinding from './migrations/20261204000100-credential-binding.js'
import * as uploadOwner from './migrations/20261204120000-upload-owner.js'

export const migrations: Record<string, Migration> = {
  '20261127000100-registry': registry,
  '20261127000200-identity': identity,
  '20261127120000-robot-creator-type': robotCreatorType,
  '20261204000100-credential-binding': credentialBinding,
  '20261204120000-upload-owner': uploadOwner,
}

/** The database was migrated by a newer Berth: this one does not know some applied migrations. */
export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(`the database schema is newer than this version of Berth: it has migrations this version does not know (${unknown.join(', ')}). `
      + 'Another instance of a newer Berth migrated it; upgrade Berth to that version (or newer) on this machine too.')
    this.name = 'SchemaTooNewError'
  }
}

/** Applies every pending migration; returns the names applied, in order (none when up to date). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    // Kysely names this "corrupted migrations: previously executed migration … is missing"
    const unknown = await unknownAppliedMigrations(db)
    if (unknown.length) throw new SchemaTooNewError(unknown)
    throw error instanceof Error ? error : new Error(String(error))
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Applied migrations (rows of Kysely's kysely_migration table) that this code does not list. */
export async function unknownAppliedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
    return rows.map((r) => r.name).filter((name) => !(name in migrations))
  } catch {
    return [] // no such table: nothing was ever applied
  }
}
