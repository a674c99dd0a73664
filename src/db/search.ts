// Reads behind /search and /statistics: projects and repositories within what a caller may see.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, Db } from './schema.js'
import { containsPattern, likeIgnoringCase } from './dialect.js'

/** What a caller may see: every project, or public ones plus these. */
export type ProjectScope = { all: true } | { all: false; ids: number[] }

/** Public projects, or one of the scope's. */
function withinScope(eb: ExpressionBuilder<Database, 'project'>, scope: { ids: number[] }) {
  return eb.or([
    eb('project.public', '=', 1),
    ...(scope.ids.length ? [eb('project.project_id', 'in', scope.ids)] : []),
  ])
}

export async function listProjectIdsOfMember(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('project_member').select('project_id').where('entity_type', '=', 'u').where('entity_id', '=', userId).execute()
  return rows.map((r) => r.project_id)
}

export type SearchProjectRow = {
  project_id: number; name: string; public: number; owner_id: number | null; owner_name: string | null
  creation_time: string; update_time: string; repo_count: number
}

export async function searchProjects(db: Db, scope: ProjectScope, text: string, limit: number): Promise<SearchProjectRow[]> {
  let q = db.selectFrom('project')
    .leftJoin('harbor_user', 'harbor_user.user_id', 'project.owner_id')
    .select(['project.project_id', 'project.name', 'project.public', 'project.owner_id', 'harbor_user.username as owner_name', 'project.creation_time', 'project.update_time'])
    .select((eb) => eb.selectFrom('repository').select(eb.fn.countAll<number>().as('n')).whereRef('repository.project_id', '=', 'project.project_id').as('repo_count'))
    .where(likeIgnoringCase(sql.ref('project.name'), containsPattern(text)))
  if (!scope.all) q = q.where((eb) => withinScope(eb, scope))
  const rows = await q.orderBy('project.name').limit(limit).execute()
  return rows.map((r) => ({ ...r, repo_count: Number(r.repo_count ?? 0) }))
}

export type SearchRepositoryRow = { project_id: number; project_name: string; project_public: number; repository_name: string; pull_count: number; artifact_count: number }

export async function searchRepositories(db: Db, scope: ProjectScope, text: string, limit: number): Promise<SearchRepositoryRow[]> {
  let q = db.selectFrom('repository')
    .innerJoin('project', 'project.project_id', 'repository.project_id')
    .select(['project.project_id', 'project.name as project_name', 'project.public as project_public', 'repository.name as repository_name', 'repository.pull_count'])
    .select((eb) => eb.selectFrom('artifact').select(eb.fn.countAll<number>().as('n')).whereRef('artifact.repository_id', '=', 'repository.repository_id').as('artifact_count'))
    .where(likeIgnoringCase(sql.ref('repository.name'), containsPattern(text)))
  if (!scope.all) q = q.where((eb) => withinScope(eb, scope))
  const rows = await q.orderBy('repository.name').limit(limit).execute()
  return rows.map((r) => ({ ...r, pull_count: Number(r.pull_count), artifact_count: Number(r.artifact_count ?? 0) }))
}

/** Projects and repositories, counted by the projects' public flag, within `scope` ('private' only within its ids). */
export async function countProjectsAndRepositories(db: Db, scope: ProjectScope): Promise<{ publicProjects: number; privateProjects: number; publicRepos: number; privateRepos: number }> {
  let pq = db.selectFrom('project').select(['project.public', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('project.public')
  let rq = db.selectFrom('repository').innerJoin('project', 'project.project_id', 'repository.project_id')
    .select(['project.public', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('project.public')
  if (!scope.all) {
    pq = pq.where((eb) => withinScope(eb, scope))
    rq = rq.where((eb) => withinScope(eb, scope))
  }
  const [projects, repos] = await Promise.all([pq.execute(), rq.execute()])
  const pick = (rows: Array<{ public: number; n: number }>, pub: number) => Number(rows.find((r) => r.public === pub)?.n ?? 0)
  return { publicProjects: pick(projects, 1), privateProjects: pick(projects, 0), publicRepos: pick(repos, 1), privateRepos: pick(repos, 0) }
}

export async function totalBlobBytes(db: Db): Promise<number> {
  const row = await db.selectFrom('blob').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
