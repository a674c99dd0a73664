// Identity and access: users, sessions, project owners and members, metadata, robots and their
// permissions, labels, quotas, system settings and the audit log.
import type { Kysely } from 'kysely'
import { autoIncrementId, integer, varchar } from '../dialect.js'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('harbor_user')
    .addColumn('user_id', integer(db), autoIncrementId(db))
    .addColumn('username', varchar(db, 255), (c) => c.notNull().unique())
    .addColumn('email', varchar(db, 255))
    .addColumn('realname', varchar(db, 255), (c) => c.notNull().defaultTo(''))
    .addColumn('comment', varchar(db, 255), (c) => c.notNull().defaultTo(''))
    /** "scrypt$N$r$p$salt$hash", or '' for users who cannot log in with a password */
    .addColumn('password', varchar(db, 512), (c) => c.notNull())
    .addColumn('sysadmin_flag', integer(db), (c) => c.notNull().defaultTo(0))
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('harbor_user_email').on('harbor_user').column('email').unique().execute()

  await db.schema.createTable('session')
    .addColumn('id_hash', varchar(db, 64), (c) => c.primaryKey())
    .addColumn('user_id', integer(db), (c) => c.notNull().references('harbor_user.user_id').onDelete('cascade'))
    .addColumn('csrf_token', varchar(db, 64), (c) => c.notNull())
    .addColumn('expires_at', varchar(db, 32), (c) => c.notNull())
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('session_expires').on('session').column('expires_at').execute()

  await db.schema.alterTable('project').addColumn('owner_id', integer(db)).execute()

  await db.schema.createTable('project_metadata')
    .addColumn('project_id', integer(db), (c) => c.notNull().references('project.project_id').onDelete('cascade'))
    .addColumn('name', varchar(db, 255), (c) => c.notNull())
    .addColumn('value', varchar(db, 255), (c) => c.notNull())
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .addPrimaryKeyConstraint('project_metadata_pk', ['project_id', 'name'])
    .execute()

  await db.schema.createTable('project_member')
    .addColumn('id', integer(db), autoIncrementId(db))
    .addColumn('project_id', integer(db), (c) => c.notNull().references('project.project_id').onDelete('cascade'))
    /** a user id ('u') or, once LDAP/OIDC land, a group id ('g') */
    .addColumn('entity_id', integer(db), (c) => c.notNull())
    .addColumn('entity_type', varchar(db, 1), (c) => c.notNull())
    /** Harbor's role ids: 1 project admin, 2 developer, 3 guest, 4 maintainer, 5 limited guest */
    .addColumn('role', integer(db), (c) => c.notNull())
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .addUniqueConstraint('project_member_entity', ['project_id', 'entity_id', 'entity_type'])
    .execute()
  await db.schema.createIndex('project_member_entity_idx').on('project_member').columns(['entity_type', 'entity_id']).execute()

  await db.schema.createTable('robot')
    .addColumn('id', integer(db), autoIncrementId(db))
    /** the name without the `robot$` prefix; project robots are "<project>+<name>", as Harbor */
    .addColumn('name', varchar(db, 255), (c) => c.notNull().unique())
    .addColumn('description', varchar(db, 1024), (c) => c.notNull().defaultTo(''))
    /** 0 for system robots */
    .addColumn('project_id', integer(db), (c) => c.notNull().defaultTo(0))
    .addColumn('level', varchar(db, 16), (c) => c.notNull())
    .addColumn('secret', varchar(db, 512), (c) => c.notNull())
    /** -1: never */
    .addColumn('duration', integer(db), (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled', integer(db), (c) => c.notNull().defaultTo(0))
    .addColumn('creator_ref', integer(db), (c) => c.notNull().defaultTo(0))
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .execute()

  await db.schema.createTable('robot_permission')
    .addColumn('robot_id', integer(db), (c) => c.notNull().references('robot.id').onDelete('cascade'))
    /** "project" or "system" */
    .addColumn('kind', varchar(db, 16), (c) => c.notNull())
    /** a project name, "*" for every project, or "/" for system */
    .addColumn('namespace', varchar(db, 255), (c) => c.notNull())
    .addColumn('resource', varchar(db, 64), (c) => c.notNull())
    .addColumn('action', varchar(db, 64), (c) => c.notNull())
    .addPrimaryKeyConstraint('robot_permission_pk', ['robot_id', 'kind', 'namespace', 'resource', 'action'])
    .execute()

  await db.schema.createTable('label')
    .addColumn('id', integer(db), autoIncrementId(db))
    .addColumn('name', varchar(db, 128), (c) => c.notNull())
    .addColumn('description', varchar(db, 1024), (c) => c.notNull().defaultTo(''))
    .addColumn('color', varchar(db, 16), (c) => c.notNull().defaultTo(''))
    /** "g" global (system) or "p" project, as Harbor */
    .addColumn('scope', varchar(db, 1), (c) => c.notNull())
    .addColumn('project_id', integer(db), (c) => c.notNull().defaultTo(0))
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .addUniqueConstraint('label_name_scope', ['name', 'scope', 'project_id'])
    .execute()

  await db.schema.createTable('artifact_label')
    .addColumn('artifact_id', integer(db), (c) => c.notNull().references('artifact.id').onDelete('cascade'))
    .addColumn('label_id', integer(db), (c) => c.notNull().references('label.id').onDelete('cascade'))
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addPrimaryKeyConstraint('artifact_label_pk', ['artifact_id', 'label_id'])
    .execute()

  await db.schema.createTable('quota')
    .addColumn('project_id', integer(db), (c) => c.primaryKey().references('project.project_id').onDelete('cascade'))
    /** bytes; -1 unlimited */
    .addColumn('hard_storage', 'bigint', (c) => c.notNull().defaultTo(-1))
    .addColumn('creation_time', varchar(db, 32), (c) => c.notNull())
    .addColumn('update_time', varchar(db, 32), (c) => c.notNull())
    .execute()

  await db.schema.createTable('system_setting')
    .addColumn('name', varchar(db, 128), (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema.createTable('audit_log')
    .addColumn('id', integer(db), autoIncrementId(db))
    .addColumn('project_id', integer(db), (c) => c.notNull().defaultTo(0))
    /** create, delete, pull, push, update, login, login_failed … */
    .addColumn('operation', varchar(db, 32), (c) => c.notNull())
    /** artifact, project, member, robot, user, repository, tag, label … */
    .addColumn('resource_type', varchar(db, 64), (c) => c.notNull())
    .addColumn('resource', varchar(db, 1024), (c) => c.notNull())
    .addColumn('username', varchar(db, 255), (c) => c.notNull())
    .addColumn('client_ip', varchar(db, 64), (c) => c.notNull().defaultTo(''))
    .addColumn('op_time', varchar(db, 32), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_project_time').on('audit_log').columns(['project_id', 'op_time']).execute()
  await db.schema.createIndex('audit_log_time').on('audit_log').column('op_time').execute()
}
