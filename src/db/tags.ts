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
