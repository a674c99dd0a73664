// The audit log: who did what to which resource, when, from where. Writes record their row in
// the same transaction as the change; pulls and logins, far more frequent and changing nothing,
// are buffered and written in batches (a crash may lose the last fraction of a second of them).
import type { Deps } from '../deps.js'
import type { Db } from '../db/schema.js'

export type AuditEntry = {
  projectId?: number
  operation: 'create' | 'delete' | 'update' | 'pull' | 'push' | 'login' | 'login_failed' | 'logout'
  resourceType: string
  resource: string
  username: string
  clientIp?: string
}

const toRow = (e: AuditEntry, now: string) => ({
  project_id: e.projectId ?? 0, operation: e.operation, resource_type: e.resourceType, resource: e.resource,
  username: e.username, client_ip: e.clientIp ?? '', op_time: now,
})

/** Records a change inside the caller's transaction. */
export async function recordAudit(db: Db, entry: AuditEntry, now: string): Promise<void> {
  await db.insertInto('audit_log').values(toRow(entry, now)).execute()
}

export type AuditBuffer = { pending: Array<ReturnType<typeof toRow>>; timer: NodeJS.Timeout | null; flushing: Promise<void> | null }

export function createAuditBuffer(): AuditBuffer {
  return { pending: [], timer: null, flushing: null }
}

/** Queues an entry that commits with no other change (a pull, a login); flushed within 200 ms. */
export function recordAuditSoon(deps: Deps, entry: AuditEntry): void {
  const buf = deps.auditBuffer
  buf.pending.push(toRow(entry, deps.clock.now().toISOString()))
  if (buf.pending.length >= 1000) void flushAudit(deps)
  else if (!buf.timer) {
    buf.timer = setTimeout(() => void flushAudit(deps), 200)
    buf.timer.unref()
  }
}

export async function flushAudit(deps: Deps): Promise<void> {
  const buf = deps.auditBuffer
  if (buf.timer) clearTimeout(buf.timer)
  buf.timer = null
  await buf.flushing
  if (buf.pending.length === 0) return
  const rows = buf.pending
  buf.pending = []
  buf.flushing = (async () => {
    try {
      // one transaction, one commit, however many rows gathered
      await deps.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 200) await trx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute()
      })
    } catch (err) {
      deps.log.error({ err, lost: rows.length }, 'audit log write failed')
    }
  })()
  await buf.flushing
  buf.flushing = null
}
