// Robot accounts v2: who created a robot, a user ("local") or another robot ("robot"), as
// Harbor's Robot.creator_type.
import type { Kysely } from 'kysely'
import { varchar } from '../dialect.js'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('robot').addColumn('creator_type', varchar(db, 16), (c) => c.notNull().defaultTo('local')).execute()
  await db.schema.createIndex('robot_project').on('robot').columns(['project_id', 'level']).execute()
}
