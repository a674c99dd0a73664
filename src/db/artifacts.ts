import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
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

export function findArtifactById(db: Db, id: number): Promise<ArtifactRow | undefined> {
  return db.selectFrom('artifact').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Filters for listing a repository's artifacts (Harbor's `q` on listArtifacts). */
export type ArtifactFilter = {
  digest?: { exact?: string; fuzzy?: string; any?: string[] }
  mediaType?: { exact?: string; fuzzy?: string }
  /** '*': tagged only, 'nil': untagged only, or an exact/fuzzy tag name */
  tags?: { kind: 'any' } | { kind: 'none' } | { kind: 'exact'; value: string } | { kind: 'fuzzy'; value: string }
  /** label ids that must all be on the artifact */
  labels?: number[]
  pushTime?: { min?: string; max?: string }
}

export type ArtifactSort = { field: 'push_time' | 'digest' | 'size' | 'id'; desc: boolean }

function filteredArtifacts(db: Db, repositoryId: number, f: ArtifactFilter) {
  let q = db.selectFrom('artifact').where('artifact.repository_id', '=', repositoryId)
  if (f.digest?.exact !== undefined) q = q.where('artifact.digest', '=', f.digest.exact)
  if (f.digest?.fuzzy !== undefined) q = q.where(likeIgnoringCase(sql.ref('artifact.digest'), containsPattern(f.digest.fuzzy)))
  if (f.digest?.any !== undefined) q = q.where('artifact.digest', 'in', f.digest.any.length ? f.digest.any : [''])
  if (f.mediaType?.exact !== undefined) q = q.where('artifact.media_type', '=', f.mediaType.exact)
  if (f.mediaType?.fuzzy !== undefined) q = q.where(likeIgnoringCase(sql.ref('artifact.media_type'), containsPattern(f.mediaType.fuzzy)))
  if (f.pushTime?.min !== undefined) q = q.where('artifact.push_time', '>=', f.pushTime.min)
  if (f.pushTime?.max !== undefined) q = q.where('artifact.push_time', '<=', f.pushTime.max)
  const tags = f.tags
  if (tags) {
    q = q.where((eb) => {
      const sub = eb.selectFrom('tag').select('tag.id').whereRef('tag.artifact_id', '=', 'artifact.id')
      switch (tags.kind) {
        case 'any': return eb.exists(sub)
        case 'none': return eb.not(eb.exists(sub))
        case 'exact': return eb.exists(sub.where('tag.name', '=', tags.value))
        case 'fuzzy': return eb.exists(sub.where(likeIgnoringCase(sql.ref('tag.name'), containsPattern(tags.value))))
      }
    })
  }
  for (const labelId of f.labels ?? []) {
    q = q.where((eb) => eb.exists(eb.selectFrom('artifact_label').select('artifact_label.label_id')
      .whereRef('artifact_label.artifact_id', '=', 'artifact.id').where('artifact_label.label_id', '=', labelId)))
  }
  return q
}

export async function countArtifacts(db: Db, repositoryId: number, f: ArtifactFilter): Promise<number> {
  const row = await filteredArtifacts(db, repositoryId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listArtifacts(db: Db, repositoryId: number, f: ArtifactFilter, sort: ArtifactSort[], page: { offset: number; limit: number }): Promise<ArtifactRow[]> {
  let q = filteredArtifacts(db, repositoryId, f).selectAll('artifact')
  // Harbor's default order: newest push first
  for (const s of sort.length ? sort : [{ field: 'push_time', desc: true } as ArtifactSort]) q = q.orderBy(`artifact.${s.field}`, s.desc ? 'desc' : 'asc')
  return q.orderBy('artifact.id', 'desc').offset(page.offset).limit(page.limit).execute()
}

export function listArtifactReferences(db: Db, parentIds: number[]) {
  if (parentIds.length === 0) return Promise.resolve([])
  return db.selectFrom('artifact_reference').selectAll().where('parent_id', 'in', parentIds).orderBy('parent_id').execute()
}

/** Artifacts of the repository with these digests. */
export function findArtifactsByDigests(db: Db, repositoryId: number, digests: string[]): Promise<ArtifactRow[]> {
  if (digests.length === 0) return Promise.resolve([])
  return db.selectFrom('artifact').selectAll().where('repository_id', '=', repositoryId).where('digest', 'in', digests).execute()
}

/** Artifacts of the repository whose subject is one of `digests` (signatures, SBOMs: Harbor's accessories). */
export function listArtifactsBySubjects(db: Db, repositoryId: number, digests: string[]): Promise<ArtifactRow[]> {
  if (digests.length === 0) return Promise.resolve([])
  return db.selectFrom('artifact').selectAll().where('repository_id', '=', repositoryId).where('subject_digest', 'in', digests).orderBy('id').execute()
}

/** Ids of the repository's indexes that list `digest` as a child. */
export async function findParentIds(db: Db, repositoryId: number, digest: string): Promise<number[]> {
  const rows = await db.selectFrom('artifact_reference').innerJoin('artifact', 'artifact.id', 'artifact_reference.parent_id')
    .select('artifact.id').where('artifact.repository_id', '=', repositoryId).where('artifact_reference.child_digest', '=', digest).execute()
  return rows.map((r) => r.id)
}

export function listArtifactsOfRepository(db: Db, repositoryId: number): Promise<Array<{ id: number; digest: string }>> {
  return db.selectFrom('artifact').select(['id', 'digest']).where('repository_id', '=', repositoryId).execute()
}

/** Artifact counts per repository id. */
export async function countArtifactsByRepository(db: Db, repositoryIds: number[]): Promise<Map<number, number>> {
  if (repositoryIds.length === 0) return new Map()
  const rows = await db.selectFrom('artifact').select(['repository_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('repository_id', 'in', repositoryIds).groupBy('repository_id').execute()
  return new Map(rows.map((r) => [r.repository_id, Number(r.n)]))
}
