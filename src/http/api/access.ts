// The permission each API route states first (Harbor's RequireProjectAccess / RequireSystemAccess):
// anonymous callers get 401, signed-in callers without the permission 403, unknown projects 404.
import type { FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { can, canSystem } from '../../rbac/evaluate.js'
import type { Action, Resource } from '../../rbac/roles.js'
import { findProjectRef, findProjectRefById } from '../../projects/lookup.js'
import type { ProjectRef } from '../../iam/auth-cache.js'
import { headerBool } from './request.js'

export function requireAuthenticated(request: FastifyRequest): void {
  const k = request.principal.kind
  if (k === 'anonymous' || k === 'token') throw new AppError('UNAUTHORIZED')
}

function deny(request: FastifyRequest): never {
  const k = request.principal.kind
  throw k === 'anonymous' || k === 'token' ? new AppError('UNAUTHORIZED') : new AppError('FORBIDDEN')
}

/**
 * Which project a request names, said once: by id or by name. Every route turns its parameter into
 * one of these before anything is checked, so the project checked is the project used.
 */
export type ProjectKey = { id: number } | { name: string }

/**
 * Harbor's {project_name_or_id}: a number is an id unless the X-Is-Resource-Name header says
 * it is a name. Parameters Harbor calls {project_name} (repositories, artifacts, logs) and the
 * `from=` of a copy are always names: those routes pass `{ name }` directly.
 */
export function projectKeyOf(request: FastifyRequest, nameOrId: string): ProjectKey {
  const isName = headerBool(request, 'X-Is-Resource-Name', false)
  return !isName && /^[0-9]{1,15}$/.test(nameOrId) ? { id: Number(nameOrId) } : { name: nameOrId }
}

export function findProject(deps: Deps, key: ProjectKey): Promise<ProjectRef | undefined> {
  return 'id' in key ? findProjectRefById(deps, key.id) : findProjectRef(deps, key.name)
}

const shown = (key: ProjectKey) => ('id' in key ? String(key.id) : key.name)

/** The project, if the caller may do `action` on `resource` in it; 401/403/404 otherwise. */
export async function requireProjectAccess(deps: Deps, request: FastifyRequest, key: ProjectKey, resource: Resource, action: Action): Promise<ProjectRef> {
  const project = await findProject(deps, key)
  if (!project) {
    // unknown and hidden look alike to those who may not see it, as Harbor does for private projects
    if (request.principal.kind === 'anonymous') throw new AppError('UNAUTHORIZED')
    throw new AppError('PROJECT_UNKNOWN', { project: shown(key) }, `project ${shown(key)} not found`)
  }
  if (!(await can(deps, request.principal, project, resource, action))) {
    if (!project.public && !(await can(deps, request.principal, project, '', 'read'))) {
      if (request.principal.kind === 'anonymous') throw new AppError('UNAUTHORIZED')
      throw new AppError('PROJECT_UNKNOWN', { project: shown(key) }, `project ${shown(key)} not found`)
    }
    deny(request)
  }
  return project
}

export function requireSystemAccess(request: FastifyRequest, resource: string, action: string): void {
  if (!canSystem(request.principal, resource, action)) deny(request)
}
