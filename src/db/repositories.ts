import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
import type { Db, RepositoryRow } from './schema.js'

export function findRepositoryByName(db: Db, name: string): Promise<RepositoryRow | undefined> {
  return db.selectFrom('repository').selectAll().where('name', '=', name).executeTakeFirst()
}

/** Inserts the repository unless it exists; returns its id either way. */
export async function ensureRepository(db: Db, projectId: number, name: string, now: string): Promise<number> {
  await db.insertInto('repository')
    .values({ project_id: projectId, name, description: '', creation_time: now, update_time: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.selectFrom('repository').select('repository_id').where('name', '=', name).executeTakeFirstOrThrow()
  return row.repository_id
}

/** Names of repositories holding at least one artifact, in order, after `last`, at most `limit`. */
export async function listRepositoryNames(db: Db, opts: { last?: string; limit: number }): Promise<string[]> {
  let q = db.selectFrom('repository').select('name')
    .where((eb) => eb.exists(eb.selectFrom('artifact').select('artifact.id').whereRef('artifact.repository_id', '=', 'repository.repository_id')))
  if (opts.last !== undefined) q = q.where('name', '>', opts.last)
  const rows = await q.orderBy('name').limit(opts.limit).execute()
  return rows.map((r) => r.name)
}

export function findRepositoryById(db: Db, id: number): Promise<RepositoryRow | undefined> {
  return db.selectFrom('repository').selectAll().where('repository_id', '=', id).executeTakeFirst()
}

/** Which repositories a listing covers: every project, or only these project ids. */
export type RepositoryFilter = {
  projectIds?: number[]
  name?: { exact?: string; fuzzy?: string }
}
export type RepositorySort = { field: 'name' | 'creation_time' | 'update_time' | 'pull_count' | 'repository_id'; desc: boolean }

function filteredRepositories(db: Db, f: RepositoryFilter) {
  let q = db.selectFrom('repository')
  if (f.projectIds !== undefined) q = q.where('project_id', 'in', f.projectIds.length ? f.projectIds : [-1])
  if (f.name?.exact !== undefined) q = q.where('name', '=', f.name.exact)
  if (f.name?.fuzzy !== undefined) {
    q = q.where(likeIgnoringCase(sql.ref('name'), containsPattern(f.name.fuzzy)))
  }
  return q
}

export async function countRepositories(db: Db, f: RepositoryFilter): Promise<number> {
  const row = await filteredRepositories(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listRepositories(db: Db, f: RepositoryFilter, sort: RepositorySort[], page: { offset: number; limit: number }): Promise<RepositoryRow[]> {
  let q = filteredRepositories(db, f).selectAll()
  // Harbor's default order: most recently created first
  for (const s of sort.length ? sort : [{ field: 'creation_time', desc: true } as RepositorySort]) q = q.orderBy(s.field, s.desc ? 'desc' : 'asc')
  return q.orderBy('repository_id', 'desc').offset(page.offset).limit(page.limit).execute()
}

export async function updateRepositoryDescription(db: Db, id: number, description: string, now: string): Promise<void> {
  await db.updateTable('repository').set({ description, update_time: now }).where('repository_id', '=', id).execute()
}

/** Removes the repository; its artifacts, tags and blob links go with it (foreign keys cascade). */
export async function deleteRepositoryRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('repository').where('repository_id', '=', id).execute()
}

/** Ids of projects that are public or have the user as a member. */
export async function listVisibleProjectIds(db: Db, userId: number | null): Promise<number[]> {
  let q = db.selectFrom('project').select('project_id').where('public', '=', 1)
  if (userId !== null) {
    q = q.union(db.selectFrom('project_member').select('project_id').where('entity_type', '=', 'u').where('entity_id', '=', userId))
  }
  return (await q.execute()).map((r) => r.project_id)
}
