// Decides whether a principal may do an action on a resource, in a project or system-wide,
// the way Harbor's evaluators do: system admins may do everything; users through their project
// role (and, in public projects, what any visitor may); robots through their listed permissions;
// anonymous visitors only what a public project allows.
import type { Deps } from '../deps.js'
import { findUserRole } from '../db/members.js'
import type { Principal } from '../iam/principal.js'
import { AUTH_CACHE_MS, type ProjectRef } from '../iam/auth-cache.js'
import { isRoleId, publicAllows, roleAllows, type Action, type Resource } from './roles.js'

export async function can(deps: Deps, p: Principal, project: ProjectRef, resource: Resource, action: Action): Promise<boolean> {
  switch (p.kind) {
    case 'user': {
      if (p.sysadmin) return true
      const role = await userRole(deps, p.id, project.id)
      if (isRoleId(role) && roleAllows(role, resource, action)) return true
      return project.public && publicAllows(resource, action)
    }
    case 'robot':
      // by id: a permission on a deleted project never passes to a new project of the same name
      return p.permissions.some((perm) => perm.kind === 'project'
        && (perm.namespace === '*' || perm.projectId === project.id)
        && (perm.resource === resource || perm.resource === '*') && (perm.action === action || perm.action === '*'))
    case 'anonymous':
      return project.public && publicAllows(resource, action)
    case 'token':
      return false // registry tokens carry their own access claims and open nothing on the API
  }
}

/** System-level permission (users, catalog, audit logs, global labels …). */
export function canSystem(p: Principal, resource: string, action: string): boolean {
  if (p.kind === 'user') return p.sysadmin
  if (p.kind === 'robot') {
    return p.permissions.some((perm) => perm.kind === 'system' && (perm.resource === resource || perm.resource === '*') && (perm.action === action || perm.action === '*'))
  }
  return false
}

export function isSysadmin(p: Principal): boolean {
  return p.kind === 'user' && p.sysadmin
}

/** The user's role id in the project (0: none), remembered for a minute. */
export async function userRole(deps: Deps, userId: number, projectId: number): Promise<number> {
  const key = `${userId}:${projectId}`
  const now = Date.now()
  const hit = deps.authCache.roles.get(key)
  if (hit && hit.until > now) return hit.role
  const epoch = deps.authCache.epoch
  const role = (await findUserRole(deps.db, projectId, userId)) ?? 0
  if (epoch === deps.authCache.epoch) deps.authCache.roles.set(key, { role, until: now + AUTH_CACHE_MS })
  return role
}
