// Upload sessions know who opened them (a principal's name: user, robot$…), so that open sessions
// are capped per user and repository by counting rows, which every instance sees alike. Rows from
// before have owner '' and count against nobody.
import type { Kysely } from 'kysely'
import { varchar } from '../dialect.js'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('upload').addColumn('owner', varchar(db, 255), (c) => c.notNull().defaultTo('')).execute()
  await db.schema.createIndex('upload_owner_repository').on('upload').columns(['owner', 'repository', 'update_time']).execute()
}
