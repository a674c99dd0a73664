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
