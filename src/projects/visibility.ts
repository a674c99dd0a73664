// Which projects a caller may see in listings: everything for system admins; public projects and
// memberships for users (public only for anonymous callers); the projects named in a robot's
// repository permissions.
import type { Deps } from '../deps.js'
import type { Principal } from '../iam/principal.js'
import { isSysadmin } from '../rbac/evaluate.js'
import { listProjectIdsByNames, listVisibleProjectIds } from '../db/repositories.js'

/** Project ids the caller may list repositories of; undefined means all. */
export async function visibleProjectIds(deps: Deps, p: Principal): Promise<number[] | undefined> {
  if (isSysadmin(p)) return undefined
  if (p.kind === 'robot') {
    const names = p.permissions
      .filter((perm) => perm.kind === 'project' && perm.resource === 'repository' && (perm.action === 'list' || perm.action === '*'))
      .map((perm) => perm.namespace)
    return names.includes('*') ? undefined : listProjectIdsByNames(deps.db, names)
  }
  return listVisibleProjectIds(deps.db, p.kind === 'user' ? p.id : null)
}
