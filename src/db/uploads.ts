import type { Db, UploadRow } from './schema.js'

export async function insertUpload(db: Db, id: string, repository: string, now: string): Promise<void> {
  await db.insertInto('upload').values({ id, repository, size: 0, creation_time: now, update_time: now }).execute()
}

export function findUpload(db: Db, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('upload').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateUploadSize(db: Db, id: string, size: number, now: string): Promise<void> {
  await db.updateTable('upload').set({ size, update_time: now }).where('id', '=', id).execute()
}

export async function deleteUploadRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('upload').where('id', '=', id).execute()
}

export async function listUploadsUpdatedBefore(db: Db, before: string): Promise<string[]> {
  const rows = await db.selectFrom('upload').select('id').where('update_time', '<', before).execute()
  return rows.map((r) => r.id)
}

export async function hasUpload(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('upload').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
