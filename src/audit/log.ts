// The audit log: who did what to which resource, when, from where. Writes record their row in
// the same transaction as the change; pulls and logins, far more frequent and changing nothing,
// are buffered and written in batches (a crash may lose the last fraction of a second of them).
import type { Deps } from '../deps.js'
import type { Db } from '../db/schema.js'
import { createWriteBehind, type WriteBehind } from '../write-behind.js'

export type AuditEntry = {
  projectId?: number
  operation: 'create' | 'delete' | 'update' | 'pull' | 'push' | 'login' | 'login_failed' | 'login_throttled' | 'logout'
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

type AuditRow = ReturnType<typeof toRow>
export type AuditBuffer = WriteBehind<AuditRow[]>

export function createAuditBuffer(deps: Pick<Deps, 'db' | 'log'>): AuditBuffer {
  return createWriteBehind<AuditRow[]>({
    empty: () => [],
    size: (rows) => rows.length,
    delayMs: 200,
    maxSize: 1000,
    // one transaction, one commit, however many rows gathered
    write: (rows) => deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute()
    }),
    onError: (err, rows) => deps.log.error({ err, lost: rows.length }, 'audit log write failed'),
  })
}

/** Queues an entry that commits with no other change (a pull, a login); written within 200 ms. */
export function recordAuditSoon(deps: Deps, entry: AuditEntry): void {
  const row = toRow(entry, deps.clock.now().toISOString())
  deps.auditBuffer.update((rows) => rows.push(row))
}

export function flushAudit(deps: Deps): Promise<void> {
  return deps.auditBuffer.flush()
}
