import type { Db } from './schema.js'

/** The user's role in the project, or undefined if not a member. */
export async function findUserRole(db: Db, projectId: number, userId: number): Promise<number | undefined> {
  const row = await db.selectFrom('project_member').select('role')
    .where('project_id', '=', projectId).where('entity_type', '=', 'u').where('entity_id', '=', userId).executeTakeFirst()
  return row?.role
}

export async function insertMember(db: Db, projectId: number, userId: number, role: number, now: string): Promise<void> {
  await db.insertInto('project_member')
    .values({ project_id: projectId, entity_id: userId, entity_type: 'u', role, creation_time: now, update_time: now })
    .onConflict((oc) => oc.columns(['project_id', 'entity_id', 'entity_type']).doUpdateSet({ role, update_time: now }))
    .execute()
}
