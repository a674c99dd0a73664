import type { Db } from './schema.js'

export async function insertSession(db: Db, row: { id_hash: string; user_id: number; credential_version: number; csrf_token: string; expires_at: string; now: string }): Promise<void> {
  await db.insertInto('session').values({
    id_hash: row.id_hash, user_id: row.user_id, credential_version: row.credential_version, csrf_token: row.csrf_token, expires_at: row.expires_at, creation_time: row.now,
  }).execute()
}

export function findSession(db: Db, idHash: string) {
  return db.selectFrom('session').innerJoin('harbor_user', 'harbor_user.user_id', 'session.user_id')
    .select(['session.user_id', 'session.csrf_token', 'session.expires_at', 'session.credential_version as session_version',
      'harbor_user.username', 'harbor_user.sysadmin_flag', 'harbor_user.credential_version'])
    .where('session.id_hash', '=', idHash).executeTakeFirst()
}

export async function touchSession(db: Db, idHash: string, expiresAt: string): Promise<void> {
  await db.updateTable('session').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute()
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', now).execute()
}
