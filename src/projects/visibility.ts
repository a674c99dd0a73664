// Which projects a caller may see in listings: everything for system admins; public projects and
// memberships for users (public only for anonymous callers); the projects of a robot's
// repository permissions (by id: a permission never reaches a namesake of a deleted project).
import type { Deps } from '../deps.js'
import type { Principal } from '../iam/principal.js'
import { isSysadmin } from '../rbac/evaluate.js'
import { listVisibleProjectIds } from '../db/repositories.js'

/** Project ids the caller may list repositories of; undefined means all. */
export async function visibleProjectIds(deps: Deps, p: Principal): Promise<number[] | undefined> {
  if (isSysadmin(p)) return undefined
  if (p.kind === 'robot') {
    const perms = p.permissions
      .filter((perm) => perm.kind === 'project' && (perm.resource === 'repository' || perm.resource === '*') && (perm.action === 'list' || perm.action === '*'))
    return perms.some((perm) => perm.namespace === '*') ? undefined : [...new Set(perms.map((perm) => perm.projectId))]
  }
  return listVisibleProjectIds(deps.db, p.kind === 'user' ? p.id : null)
}
