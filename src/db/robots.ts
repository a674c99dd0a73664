import type { Db, RobotRow } from './schema.js'
import type { RobotPermission } from '../iam/principal.js'

export function findRobotByName(db: Db, name: string): Promise<RobotRow | undefined> {
  return db.selectFrom('robot').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function listRobotPermissions(db: Db, robotId: number): Promise<RobotPermission[]> {
  return db.selectFrom('robot_permission').select(['kind', 'namespace', 'resource', 'action']).where('robot_id', '=', robotId).execute()
}
