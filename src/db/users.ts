import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
import type { Db, UserRow } from './schema.js'

export function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('harbor_user').selectAll().where('username', '=', username).executeTakeFirst()
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('harbor_user').selectAll().where('user_id', '=', id).executeTakeFirst()
}

export async function insertUser(db: Db, row: { username: string; email: string | null; realname: string; comment: string; password: string; sysadmin: boolean; now: string }): Promise<number> {
  const res = await db.insertInto('harbor_user').values({
    username: row.username, email: row.email, realname: row.realname, comment: row.comment, password: row.password,
    sysadmin_flag: row.sysadmin ? 1 : 0, creation_time: row.now, update_time: row.now,
  }).returning('user_id').executeTakeFirstOrThrow()
  return res.user_id
}

/** Inserts the user unless the name is taken (by a concurrent insert too); its id, or undefined. */
export async function insertUserUnlessTaken(db: Db, row: { username: string; email: string | null; realname: string; comment: string; password: string; sysadmin: boolean; now: string }): Promise<number | undefined> {
  const res = await db.insertInto('harbor_user').values({
    username: row.username, email: row.email, realname: row.realname, comment: row.comment, password: row.password,
    sysadmin_flag: row.sysadmin ? 1 : 0, creation_time: row.now, update_time: row.now,
  }).onConflict((oc) => oc.column('username').doNothing()).returning('user_id').executeTakeFirst()
  return res?.user_id
}

export type UserFilter =
  | { kind: 'exact'; value: string }
  | { kind: 'fuzzy'; value: string }
  | { kind: 'range'; min?: string; max?: string }
  | { kind: 'or'; values: string[] }
  | { kind: 'and'; values: string[] }

export type UserListOptions = {
  filters: Partial<Record<'username' | 'email', UserFilter>>
  sort: Array<{ field: 'user_id' | 'username' | 'email' | 'realname' | 'creation_time' | 'update_time'; desc: boolean }>
  offset: number
  limit: number
}

function filtered(db: Db, filters: UserListOptions['filters']) {
  let query = db.selectFrom('harbor_user')
  for (const [field, f] of Object.entries(filters) as Array<['username' | 'email', UserFilter]>) {
    switch (f.kind) {
      case 'exact':
        query = query.where(field, '=', f.value)
        break
      case 'fuzzy':
        query = query.where(likeIgnoringCase(sql.ref(field), containsPattern(f.value)))
        break
      case 'range':
        if (f.min !== undefined) query = query.where(field, '>=', f.min)
        if (f.max !== undefined) query = query.where(field, '<=', f.max)
        break
      case 'or':
        query = query.where(field, 'in', f.values)
        break
      case 'and':
        for (const v of f.values) query = query.where(field, '=', v)
        break
    }
  }
  return query
}

export async function countUsers(db: Db, filters: UserListOptions['filters']): Promise<number> {
  const row = await filtered(db, filters).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listUsers(db: Db, opts: UserListOptions): Promise<UserRow[]> {
  let query = filtered(db, opts.filters).selectAll()
  // email is the one nullable key: NULLs first ascending, as SQLite orders them and PostgreSQL does not by itself
  for (const key of opts.sort) query = query.orderBy(key.field, (ob) => key.desc ? ob.desc().nullsLast() : ob.asc().nullsFirst())
  if (!opts.sort.some((k) => k.field === 'user_id')) query = query.orderBy('user_id', 'asc')
  return query.limit(opts.limit).offset(opts.offset).execute()
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('harbor_user').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function updateUserProfile(db: Db, id: number, row: { email: string | null; realname: string; comment: string; now: string }): Promise<void> {
  await db.updateTable('harbor_user').set({ email: row.email, realname: row.realname, comment: row.comment, update_time: row.now })
    .where('user_id', '=', id).execute()
}

export async function updateUserPassword(db: Db, id: number, hash: string, now: string): Promise<void> {
  await db.updateTable('harbor_user').set({ password: hash, update_time: now }).where('user_id', '=', id).execute()
}

export async function updateUserSysadmin(db: Db, id: number, sysadmin: boolean, now: string): Promise<void> {
  await db.updateTable('harbor_user').set({ sysadmin_flag: sysadmin ? 1 : 0, update_time: now }).where('user_id', '=', id).execute()
}

/**
 * Ends every credential derived from the user's (sessions, refresh and registry tokens carry the
 * version). Explicit rather than part of updateUserPassword: re-hashing the same password is no change.
 */
export async function revokeUserCredentials(db: Db, id: number): Promise<void> {
  await db.updateTable('harbor_user').set({ credential_version: sql<number>`credential_version + 1` }).where('user_id', '=', id).execute()
  await db.deleteFrom('session').where('user_id', '=', id).execute()
}

/** Removes the user with their project memberships and portal sessions. */
export async function deleteUser(db: Db, id: number): Promise<void> {
  await db.deleteFrom('project_member').where('entity_type', '=', 'u').where('entity_id', '=', id).execute()
  await db.deleteFrom('session').where('user_id', '=', id).execute()
  await db.deleteFrom('harbor_user').where('user_id', '=', id).execute()
}

export { isUniqueViolation } from './dialect.js'

/**
 * The same password hashed anew (a stronger cost): only while the row still holds `old`, so a
 * password changed meanwhile is never overwritten. Not a password change: nothing else moves.
 */
export async function replaceUserPasswordHash(db: Db, id: number, old: string, hash: string): Promise<void> {
  await db.updateTable('harbor_user').set({ password: hash }).where('user_id', '=', id).where('password', '=', old).execute()
}
