import type { Db, RobotRow } from './schema.js'
import type { RobotPermission } from '../iam/principal.js'
import { sql } from 'kysely'
import { conditionSql, type Condition } from './conditions.js'

export function findRobotByName(db: Db, name: string): Promise<RobotRow | undefined> {
  return db.selectFrom('robot').selectAll().where('name', '=', name).executeTakeFirst()
}

export function findRobotById(db: Db, id: number): Promise<RobotRow | undefined> {
  return db.selectFrom('robot').selectAll().where('id', '=', id).executeTakeFirst()
}

const PERMISSION_COLUMNS = ['kind', 'namespace', 'project_id as projectId', 'resource', 'action'] as const

export async function listRobotPermissions(db: Db, robotId: number): Promise<RobotPermission[]> {
  return db.selectFrom('robot_permission').select(PERMISSION_COLUMNS).where('robot_id', '=', robotId).execute()
}

/** Permissions of several robots at once, by robot id. */
export async function listPermissionsOfRobots(db: Db, robotIds: number[]): Promise<Map<number, RobotPermission[]>> {
  const out = new Map<number, RobotPermission[]>(robotIds.map((id) => [id, []]))
  if (robotIds.length === 0) return out
  const rows = await db.selectFrom('robot_permission').select(['robot_id', ...PERMISSION_COLUMNS])
    .where('robot_id', 'in', robotIds).execute()
  for (const { robot_id, ...perm } of rows) out.get(robot_id)?.push(perm)
  return out
}

export type NewRobot = {
  name: string; description: string; projectId: number; level: 'system' | 'project'; secret: string
  duration: number; expiresAt: number; disabled: boolean; creatorRef: number; creatorType: 'local' | 'robot'; now: string
}

export async function insertRobot(db: Db, r: NewRobot): Promise<number> {
  const row = await db.insertInto('robot').values({
    name: r.name, description: r.description, project_id: r.projectId, level: r.level, secret: r.secret,
    duration: r.duration, expires_at: r.expiresAt, disabled: r.disabled ? 1 : 0, creator_ref: r.creatorRef,
    creator_type: r.creatorType, creation_time: r.now, update_time: r.now,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function replaceRobotPermissions(db: Db, robotId: number, perms: RobotPermission[]): Promise<void> {
  await db.deleteFrom('robot_permission').where('robot_id', '=', robotId).execute()
  if (perms.length === 0) return
  await db.insertInto('robot_permission')
    .values(perms.map((p) => ({ robot_id: robotId, kind: p.kind, namespace: p.namespace, project_id: p.projectId, resource: p.resource, action: p.action })))
    .onConflict((oc) => oc.doNothing()).execute()
}

/** `revoke` bumps the credential version: tokens issued to the robot before the change stop working. */
export type RobotPatch = Partial<{ description: string; secret: string; duration: number; expiresAt: number; disabled: boolean; revoke: boolean }>

export async function updateRobotRow(db: Db, id: number, patch: RobotPatch, now: string): Promise<void> {
  await db.updateTable('robot').set({
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
    ...(patch.duration !== undefined ? { duration: patch.duration } : {}),
    ...(patch.expiresAt !== undefined ? { expires_at: patch.expiresAt } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
    ...(patch.revoke ? { credential_version: sql<number>`credential_version + 1` } : {}),
    update_time: now,
  }).where('id', '=', id).execute()
}

export async function deleteRobotRow(db: Db, id: number): Promise<boolean> {
  await db.deleteFrom('robot_permission').where('robot_id', '=', id).execute()
  const res = await db.deleteFrom('robot').where('id', '=', id).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

export type RobotFilter = { level: 'system' | 'project'; projectId: number; name?: Condition }
export type RobotSortField = 'id' | 'name' | 'creation_time' | 'update_time' | 'expires_at' | 'duration'

function filtered(db: Db, f: RobotFilter) {
  let q = db.selectFrom('robot').where('level', '=', f.level).where('project_id', '=', f.projectId)
  if (f.name) {
    const c = f.name
    q = q.where((eb) => conditionSql(eb, 'robot.name', c))
  }
  return q
}

export async function countRobots(db: Db, f: RobotFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listRobotRows(db: Db, f: RobotFilter, opts: { sort: Array<{ field: RobotSortField; desc: boolean }>; offset: number; limit: number }): Promise<RobotRow[]> {
  let q = filtered(db, f).selectAll()
  for (const s of opts.sort) q = q.orderBy(s.field, s.desc ? 'desc' : 'asc')
  return q.orderBy('id', 'desc').offset(opts.offset).limit(opts.limit).execute()
}

/** The same secret hashed anew (a stronger cost), only while the row still holds `old`; not a secret refresh. */
export async function replaceRobotSecretHash(db: Db, id: number, old: string, hash: string): Promise<void> {
  await db.updateTable('robot').set({ secret: hash }).where('id', '=', id).where('secret', '=', old).execute()
}
