// Versioned migrations, one set for every dialect. Listed here rather than read from a folder
// so the compiled build carries them and their order is explicit.
import type { Kysely } from 'kysely'
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

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
