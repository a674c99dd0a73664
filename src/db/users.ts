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
