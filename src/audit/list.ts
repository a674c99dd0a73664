// Reading the audit log (Harbor's /audit-logs and /projects/{name}/logs): system admins see every
// row; users the rows of projects where they are project admin (Harbor's listAuditLogs); robots
// with the system audit-log list permission everything; anyone else nothing.
import type { Deps } from '../deps.js'
import type { AuditLogRow } from '../db/schema.js'
import { countAuditLogs, listAuditLogRows, listProjectIdsWithRole, type AuditFilter, type AuditSortField } from '../db/audit.js'
import type { Principal } from '../iam/principal.js'
import { canSystem } from '../rbac/evaluate.js'
import { ROLE_IDS } from '../rbac/roles.js'

export type AuditLogView = { id: number; username: string; resource: string; resource_type: string; operation: string; op_time: string }

export type AuditListOptions = { sort: Array<{ field: AuditSortField; desc: boolean }>; offset: number; limit: number }

const DEFAULT_SORT: AuditListOptions['sort'] = [{ field: 'op_time', desc: true }]

function toView(r: AuditLogRow): AuditLogView {
  return { id: r.id, username: r.username, resource: r.resource, resource_type: r.resource_type, operation: r.operation, op_time: r.op_time }
}

/** Which projects' rows `p` may read on /audit-logs; null for all. */
export async function visibleAuditProjects(deps: Deps, p: Principal): Promise<number[] | null> {
  if (p.kind === 'user') return p.sysadmin ? null : listProjectIdsWithRole(deps.db, p.id, ROLE_IDS.projectAdmin)
  if (p.kind === 'robot' && canSystem(p, 'audit-log', 'list')) return null
  return []
}

export async function listAuditLogs(deps: Deps, filter: AuditFilter, opts: AuditListOptions): Promise<{ total: number; logs: AuditLogView[] }> {
  const sort = opts.sort.length > 0 ? opts.sort : DEFAULT_SORT
  const [total, rows] = await Promise.all([countAuditLogs(deps.db, filter), listAuditLogRows(deps.db, filter, { ...opts, sort })])
  return { total, logs: rows.map(toView) }
}
