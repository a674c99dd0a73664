import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
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

export type MemberRow = {
  id: number
  project_id: number
  entity_id: number
  entity_type: 'u' | 'g'
  role: number
  entity_name: string
}

function members(db: Db, projectId: number) {
  return db.selectFrom('project_member')
    .innerJoin('harbor_user', (j) => j.onRef('harbor_user.user_id', '=', 'project_member.entity_id').on('project_member.entity_type', '=', 'u'))
    .where('project_member.project_id', '=', projectId)
}

const MEMBER_COLUMNS = [
  'project_member.id as id', 'project_member.project_id as project_id', 'project_member.entity_id as entity_id',
  'project_member.entity_type as entity_type', 'project_member.role as role', 'harbor_user.username as entity_name',
] as const

export async function countMembers(db: Db, projectId: number, entityName?: string): Promise<number> {
  let q = members(db, projectId)
  if (entityName) q = q.where(likeIgnoringCase(sql.ref('harbor_user.username'), containsPattern(entityName)))
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listMembers(db: Db, projectId: number, opts: { entityName?: string; limit: number; offset: number }): Promise<MemberRow[]> {
  let q = members(db, projectId).select(MEMBER_COLUMNS)
  if (opts.entityName) q = q.where(likeIgnoringCase(sql.ref('harbor_user.username'), containsPattern(opts.entityName)))
  return q.orderBy('harbor_user.username').orderBy('project_member.id').limit(opts.limit).offset(opts.offset).execute()
}

export function findMember(db: Db, projectId: number, memberId: number): Promise<MemberRow | undefined> {
  return members(db, projectId).select(MEMBER_COLUMNS).where('project_member.id', '=', memberId).executeTakeFirst()
}

/** Inserts a user member; returns its id, or undefined if the user is already a member. */
export async function addUserMember(db: Db, projectId: number, userId: number, role: number, now: string): Promise<number | undefined> {
  const row = await db.insertInto('project_member')
    .values({ project_id: projectId, entity_id: userId, entity_type: 'u', role, creation_time: now, update_time: now })
    .onConflict((oc) => oc.columns(['project_id', 'entity_id', 'entity_type']).doNothing())
    .returning('id').executeTakeFirst()
  return row?.id
}

export async function updateMemberRole(db: Db, projectId: number, memberId: number, role: number, now: string): Promise<void> {
  await db.updateTable('project_member').set({ role, update_time: now })
    .where('project_id', '=', projectId).where('id', '=', memberId).execute()
}

export async function deleteMember(db: Db, projectId: number, memberId: number): Promise<void> {
  await db.deleteFrom('project_member').where('project_id', '=', projectId).where('id', '=', memberId).execute()
}

/** Members per role id. */
export async function countMembersByRole(db: Db, projectId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('project_member').select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId).groupBy('role').execute()
  return new Map(rows.map((r) => [r.role, Number(r.n)]))
}

/** The roles a user holds in each of the projects (only projects where the user is a member). */
export async function listUserRoles(db: Db, userId: number, projectIds: number[]): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map()
  const rows = await db.selectFrom('project_member').select(['project_id', 'role'])
    .where('entity_type', '=', 'u').where('entity_id', '=', userId).where('project_id', 'in', projectIds).execute()
  return new Map(rows.map((r) => [r.project_id, r.role]))
}
