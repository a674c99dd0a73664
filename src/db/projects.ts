import type { Db, ProjectRow } from './schema.js'

export function findProjectByName(db: Db, name: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirst()
}

