import type { AuditLogRow, Db } from './schema.js'
import { conditionSql, type Condition } from './conditions.js'

export type AuditField = 'operation' | 'resource_type' | 'resource' | 'username' | 'op_time'
export type AuditFilter = {
  /** null: every project (system admins); otherwise only rows of these projects */
  projectIds: number[] | null
  conditions: Partial<Record<AuditField, Condition>>
}
export type AuditSortField = 'id' | AuditField

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log')
  if (f.projectIds !== null) {
    const ids = f.projectIds
    q = ids.length === 0 ? q.where('id', '<', 0) : q.where('project_id', 'in', ids)
  }
  for (const [field, c] of Object.entries(f.conditions) as Array<[AuditField, Condition]>) {
    q = q.where((eb) => conditionSql(eb, `audit_log.${field}`, c))
  }
  return q
}

export async function countAuditLogs(db: Db, f: AuditFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listAuditLogRows(db: Db, f: AuditFilter, opts: { sort: Array<{ field: AuditSortField; desc: boolean }>; offset: number; limit: number }): Promise<AuditLogRow[]> {
  let q = filtered(db, f).selectAll()
  for (const s of opts.sort) q = q.orderBy(s.field, s.desc ? 'desc' : 'asc')
  // rows of the same instant keep the order they were written in, in the direction asked for time
  const time = opts.sort.find((s) => s.field === 'op_time')
  return q.orderBy('id', time && !time.desc ? 'asc' : 'desc').offset(opts.offset).limit(opts.limit).execute()
}

/** Ids of the projects where the user holds `role` directly. */
export async function listProjectIdsWithRole(db: Db, userId: number, role: number): Promise<number[]> {
  const rows = await db.selectFrom('project_member').select('project_id')
    .where('entity_type', '=', 'u').where('entity_id', '=', userId).where('role', '=', role).execute()
  return rows.map((r) => r.project_id)
}
