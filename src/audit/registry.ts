// Audit rows for what clients do through /v2: pushes (manifest PUT) as 'create', pulls (manifest
// GET) as 'pull', deletes as 'delete'. Buffered (recordAuditSoon) so the data path never waits on
// the database; the project id comes from the cached lookup the authorization already made.
import type { FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { findProjectRef } from '../projects/lookup.js'
import { principalName } from '../iam/principal.js'
import { recordAuditSoon, type AuditEntry } from './log.js'

/** `repo:tag` or `repo@digest`, as Harbor names an artifact in its audit log. */
export function artifactResource(repository: string, reference: string): string {
  return reference.includes(':') ? `${repository}@${reference}` : `${repository}:${reference}`
}

/** Records a /v2 operation on `resource` in `repository`'s project; never throws, never blocks. */
export function auditRegistry(deps: Deps, request: FastifyRequest, operation: AuditEntry['operation'], resourceType: string, repository: string, resource: string): void {
  const username = principalName(request.principal)
  const clientIp = request.ip
  const slash = repository.indexOf('/')
  const projectName = slash < 0 ? repository : repository.slice(0, slash)
  const cached = deps.authCache.projects.get(projectName)
  if (cached && cached.until > Date.now()) {
    recordAuditSoon(deps, { projectId: cached.ref.id, operation, resourceType, resource, username, clientIp })
    return
  }
  // tracked, so flushAudit (shutdown, tests) also writes the row this lookup is about to add
  deps.auditBuffer.track(findProjectRef(deps, projectName).then(
    (project) => recordAuditSoon(deps, { projectId: project?.id ?? 0, operation, resourceType, resource, username, clientIp }),
    (err: unknown) => deps.log.error({ err }, 'audit: project lookup failed'),
  ))
}
