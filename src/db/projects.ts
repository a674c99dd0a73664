import type { Db, ProjectRow } from './schema.js'

export function findProjectByName(db: Db, name: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirst()
}


export function findProjectById(db: Db, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('project_id', '=', id).executeTakeFirst()
}
