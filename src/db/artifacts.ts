import type { ArtifactRow, Db, NewArtifactRow } from './schema.js'

export function findArtifact(db: Db, repositoryId: number, digest: string): Promise<ArtifactRow | undefined> {
  return db.selectFrom('artifact').selectAll()
    .where('repository_id', '=', repositoryId).where('digest', '=', digest).executeTakeFirst()
}

/** Of `digests`, those that are artifacts of the repository, with their manifest sizes. */
export async function findArtifactSizes(db: Db, repositoryId: number, digests: string[]): Promise<Map<string, number>> {
  if (digests.length === 0) return new Map()
  const rows = await db.selectFrom('artifact').select(['digest', 'size'])
    .where('repository_id', '=', repositoryId).where('digest', 'in', digests).execute()
  return new Map(rows.map((r) => [r.digest, r.size]))
}

/** Inserts the artifact, or refreshes its push time if the repository has it already; returns its id. */
export async function upsertArtifact(db: Db, row: NewArtifactRow): Promise<number> {
  await db.insertInto('artifact').values(row)
    .onConflict((oc) => oc.columns(['repository_id', 'digest']).doUpdateSet({ push_time: row.push_time }))
    .execute()
  const found = await db.selectFrom('artifact').select('id')
    .where('repository_id', '=', row.repository_id).where('digest', '=', row.digest).executeTakeFirstOrThrow()
  return found.id
}

export async function insertArtifactBlobs(db: Db, artifactId: number, digests: string[]): Promise<void> {
  if (digests.length === 0) return
  await db.insertInto('artifact_blob').values([...new Set(digests)].map((digest) => ({ artifact_id: artifactId, digest })))
    .onConflict((oc) => oc.columns(['artifact_id', 'digest']).doNothing()).execute()
}

export async function insertArtifactReferences(db: Db, parentId: number, children: Array<{ digest: string; platform: string | null }>): Promise<void> {
  if (children.length === 0) return
  const unique = new Map(children.map((c) => [c.digest, c]))
  await db.insertInto('artifact_reference')
    .values([...unique.values()].map((c) => ({ parent_id: parentId, child_digest: c.digest, platform: c.platform })))
    .onConflict((oc) => oc.columns(['parent_id', 'child_digest']).doNothing()).execute()
}

export async function deleteArtifact(db: Db, id: number): Promise<void> {
  await db.deleteFrom('artifact').where('id', '=', id).execute()
}

/** Manifests in the repository whose subject is `digest`, oldest first. */
export function listReferrers(db: Db, repositoryId: number, subject: string, artifactType?: string) {
  let q = db.selectFrom('artifact')
    .select(['digest', 'manifest_media_type', 'artifact_type', 'size', 'annotations'])
    .where('repository_id', '=', repositoryId).where('subject_digest', '=', subject)
  if (artifactType !== undefined) q = q.where('artifact_type', '=', artifactType)
  return q.orderBy('id').execute()
}
