import type { Db, ProjectRow } from './schema.js'

export function findProjectByName(db: Db, name: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirst()
}

/** Inserts the project unless it exists; returns its id either way. */
export async function ensureProject(db: Db, name: string, now: string): Promise<number> {
  await db.insertInto('project')
    .values({ name, public: 0, creation_time: now, update_time: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.selectFrom('project').select('project_id').where('name', '=', name).executeTakeFirstOrThrow()
  return row.project_id
}
