// Harbor's /search and /statistics: projects and repositories within what the caller may see.
// System admins see everything; users public projects and those they are members of; robots
// public projects and those their permissions are on ('*': every one); anonymous callers public ones.
import type { Deps } from '../deps.js'
import { countProjectsAndRepositories, listProjectIdsOfMember, searchProjects, searchRepositories, totalBlobBytes, type ProjectScope } from '../db/search.js'
import type { Principal } from '../iam/principal.js'
import { userRole } from '../rbac/evaluate.js'
import { ROLE_IDS } from '../rbac/roles.js'

/** At most this many projects and as many repositories per search. */
export const SEARCH_LIMIT = 500

async function scopeOf(deps: Deps, p: Principal): Promise<ProjectScope> {
  switch (p.kind) {
    case 'user':
      return p.sysadmin ? { all: true } : { all: false, ids: await listProjectIdsOfMember(deps.db, p.id) }
    case 'robot': {
      const perms = p.permissions.filter((x) => x.kind === 'project')
      return perms.some((x) => x.namespace === '*') ? { all: true } : { all: false, ids: [...new Set(perms.map((x) => x.projectId))] }
    }
    default:
      return { all: false, ids: [] }
  }
}

export type SearchResult = {
  project: Array<Record<string, unknown>>
  repository: Array<{ project_id: number; project_name: string; project_public: boolean; repository_name: string; pull_count: number; artifact_count: number }>
}

export async function search(deps: Deps, p: Principal, text: string): Promise<SearchResult> {
  const scope = await scopeOf(deps, p)
  const [projects, repos] = await Promise.all([searchProjects(deps.db, scope, text, SEARCH_LIMIT), searchRepositories(deps.db, scope, text, SEARCH_LIMIT)])
  const project = await Promise.all(projects.map(async (r) => {
    const role = p.kind === 'user' ? await userRole(deps, p.id, r.project_id) : 0
    return {
      project_id: r.project_id, owner_id: r.owner_id ?? 0, name: r.name, registry_id: 0, creation_time: r.creation_time,
      update_time: r.update_time, deleted: false, owner_name: r.owner_name ?? '', togglable: role === ROLE_IDS.projectAdmin || (p.kind === 'user' && p.sysadmin),
      current_user_role_id: role, current_user_role_ids: role ? [role] : [], repo_count: r.repo_count,
      metadata: { public: r.public === 1 ? 'true' : 'false' },
    }
  }))
  const repository = repos.map((r) => ({ ...r, project_public: r.project_public === 1 }))
  return { project, repository }
}

export type Statistic = {
  private_project_count: number; private_repo_count: number; public_project_count: number; public_repo_count: number
  total_project_count: number; total_repo_count: number; total_storage_consumption: number
}

/** Harbor's statistic: counts within the caller's sight; totals (and storage) only for system admins. */
export async function statistics(deps: Deps, p: Principal): Promise<Statistic> {
  const scope = await scopeOf(deps, p)
  const c = await countProjectsAndRepositories(deps.db, scope)
  const sysadmin = p.kind === 'user' && p.sysadmin
  return {
    private_project_count: c.privateProjects,
    private_repo_count: c.privateRepos,
    public_project_count: c.publicProjects,
    public_repo_count: c.publicRepos,
    total_project_count: sysadmin ? c.publicProjects + c.privateProjects : 0,
    total_repo_count: sysadmin ? c.publicRepos + c.privateRepos : 0,
    total_storage_consumption: sysadmin ? await totalBlobBytes(deps.db) : 0,
  }
}
