import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
import type { Db } from './schema.js'

export type TagTarget = { artifactId: number; digest: string; mediaType: string; size: number }

export async function findTag(db: Db, repositoryId: number, name: string): Promise<TagTarget | undefined> {
  const row = await db.selectFrom('tag')
    .innerJoin('artifact', 'artifact.id', 'tag.artifact_id')
    .select(['artifact.id', 'artifact.digest', 'artifact.manifest_media_type', 'artifact.size'])
    .where('tag.repository_id', '=', repositoryId).where('tag.name', '=', name)
    .executeTakeFirst()
  return row && { artifactId: row.id, digest: row.digest, mediaType: row.manifest_media_type, size: row.size }
}

/** Points the tag at the artifact, creating or moving it. */
export async function upsertTag(db: Db, repositoryId: number, name: string, artifactId: number, now: string): Promise<void> {
  await db.insertInto('tag').values({ repository_id: repositoryId, artifact_id: artifactId, name, push_time: now })
    .onConflict((oc) => oc.columns(['repository_id', 'name']).doUpdateSet({ artifact_id: artifactId, push_time: now }))
    .execute()
}

export async function deleteTag(db: Db, repositoryId: number, name: string): Promise<boolean> {
  const res = await db.deleteFrom('tag').where('repository_id', '=', repositoryId).where('name', '=', name).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

/** Tag names of the artifact, for cache invalidation when it goes. */
export async function listTagsOfArtifact(db: Db, artifactId: number): Promise<string[]> {
  const rows = await db.selectFrom('tag').select('name').where('artifact_id', '=', artifactId).execute()
  return rows.map((r) => r.name)
}

/** Tag names in lexical order after `last`, at most `limit`. */
export async function listTagNames(db: Db, repositoryId: number, opts: { last?: string; limit: number }): Promise<string[]> {
  let q = db.selectFrom('tag').select('name').where('repository_id', '=', repositoryId)
  if (opts.last !== undefined) q = q.where('name', '>', opts.last)
  const rows = await q.orderBy('name').limit(opts.limit).execute()
  return rows.map((r) => r.name)
}

export type TagListRow = { id: number; repository_id: number; artifact_id: number; name: string; push_time: string }

/** Every tag on these artifacts, by name. */
export function listTagsOfArtifacts(db: Db, artifactIds: number[]): Promise<TagListRow[]> {
  if (artifactIds.length === 0) return Promise.resolve([])
  return db.selectFrom('tag').select(['id', 'repository_id', 'artifact_id', 'name', 'push_time'])
    .where('artifact_id', 'in', artifactIds).orderBy('name').execute()
}

export type TagQuery = { name?: { exact?: string; fuzzy?: string } }

function filteredTags(db: Db, artifactId: number, f: TagQuery) {
  let q = db.selectFrom('tag').where('artifact_id', '=', artifactId)
  if (f.name?.exact !== undefined) q = q.where('name', '=', f.name.exact)
  if (f.name?.fuzzy !== undefined) q = q.where(likeIgnoringCase(sql.ref('name'), containsPattern(f.name.fuzzy)))
  return q
}

export async function countTagsOfArtifact(db: Db, artifactId: number, f: TagQuery): Promise<number> {
  const row = await filteredTags(db, artifactId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function pageTagsOfArtifact(db: Db, artifactId: number, f: TagQuery, sort: { field: 'name' | 'push_time' | 'id'; desc: boolean }[], page: { offset: number; limit: number }): Promise<TagListRow[]> {
  let q = filteredTags(db, artifactId, f).select(['id', 'repository_id', 'artifact_id', 'name', 'push_time'])
  for (const s of sort.length ? sort : [{ field: 'push_time' as const, desc: true }]) q = q.orderBy(s.field, s.desc ? 'desc' : 'asc')
  return q.orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute()
}

/** The tag row, whatever artifact it is on. */
export function findTagRow(db: Db, repositoryId: number, name: string): Promise<TagListRow | undefined> {
  return db.selectFrom('tag').select(['id', 'repository_id', 'artifact_id', 'name', 'push_time'])
    .where('repository_id', '=', repositoryId).where('name', '=', name).executeTakeFirst()
}

/** Inserts a new tag; false if the repository already has one of that name. */
export async function insertTag(db: Db, repositoryId: number, name: string, artifactId: number, now: string): Promise<boolean> {
  const res = await db.insertInto('tag').values({ repository_id: repositoryId, artifact_id: artifactId, name, push_time: now })
    .onConflict((oc) => oc.columns(['repository_id', 'name']).doNothing()).executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0
}

/** Every tag name of the repository. */
export async function listAllTagNames(db: Db, repositoryId: number): Promise<string[]> {
  return (await db.selectFrom('tag').select('name').where('repository_id', '=', repositoryId).execute()).map((r) => r.name)
}
