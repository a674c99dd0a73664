import type { Db } from './schema.js'

export async function insertBlob(db: Db, digest: string, size: number, now: string): Promise<void> {
  await db.insertInto('blob').values({ digest, size, creation_time: now })
    .onConflict((oc) => oc.column('digest').doNothing()).execute()
}

export async function findBlob(db: Db, digest: string): Promise<{ size: number } | undefined> {
  return db.selectFrom('blob').select('size').where('digest', '=', digest).executeTakeFirst()
}

export async function linkBlob(db: Db, repositoryId: number, digest: string, now: string): Promise<void> {
  await db.insertInto('repository_blob').values({ repository_id: repositoryId, digest, creation_time: now })
    .onConflict((oc) => oc.columns(['repository_id', 'digest']).doNothing()).execute()
}

/** The blob's size if the repository links it, else undefined. */
export async function findLinkedBlob(db: Db, repositoryId: number, digest: string): Promise<{ size: number } | undefined> {
  return db.selectFrom('repository_blob')
    .innerJoin('blob', 'blob.digest', 'repository_blob.digest')
    .select('blob.size')
    .where('repository_blob.repository_id', '=', repositoryId)
    .where('repository_blob.digest', '=', digest)
    .executeTakeFirst()
}

/** Of `digests`, those the repository links, with their sizes. */
export async function findLinkedBlobs(db: Db, repositoryId: number, digests: string[]): Promise<Map<string, number>> {
  if (digests.length === 0) return new Map()
  const rows = await db.selectFrom('repository_blob')
    .innerJoin('blob', 'blob.digest', 'repository_blob.digest')
    .select(['blob.digest', 'blob.size'])
    .where('repository_blob.repository_id', '=', repositoryId).where('repository_blob.digest', 'in', digests).execute()
  return new Map(rows.map((r) => [r.digest, r.size]))
}

export async function unlinkBlob(db: Db, repositoryId: number, digest: string): Promise<boolean> {
  const res = await db.deleteFrom('repository_blob')
    .where('repository_id', '=', repositoryId).where('digest', '=', digest).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}
