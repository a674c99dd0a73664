// Credentials bound to identities, not names (issue 6): a credential version on users and robots
// that sessions and tokens carry and that every password change, demotion, secret refresh or
// disabling bumps; robot permissions keyed by the project's id, so a permission dies with its
// project instead of passing to a new project of the same name.
import { sql, type Kysely } from 'kysely'
import { integer } from '../dialect.js'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('harbor_user').addColumn('credential_version', integer(db), (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('robot').addColumn('credential_version', integer(db), (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('session').addColumn('credential_version', integer(db), (c) => c.notNull().defaultTo(0)).execute()

  /** the project a 'project' permission is on; 0 for '*' (every project) and for system permissions */
  await db.schema.alterTable('robot_permission').addColumn('project_id', integer(db), (c) => c.notNull().defaultTo(0)).execute()
  await sql`update robot_permission set project_id = coalesce((select project_id from project where project.name = robot_permission.namespace), -1)
    where kind = 'project' and namespace <> '*'`.execute(db)
  // permissions on a project that no longer exists protect nothing and would pass to a namesake
  await sql`delete from robot_permission where project_id = -1`.execute(db)
  await db.schema.createIndex('robot_permission_project').on('robot_permission').column('project_id').execute()
}
