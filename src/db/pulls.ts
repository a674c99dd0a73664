import { sql } from 'kysely'
import type { Db } from './schema.js'

export async function addPullCount(db: Db, repository: string, count: number): Promise<void> {
  await db.updateTable('repository').set({ pull_count: sql<number>`pull_count + ${count}` }).where('name', '=', repository).execute()
}

/** Sets pull_time on the artifacts that `refs` (tags or digests) name in the repository. */
export async function touchPullTime(db: Db, repository: string, refs: string[], now: string): Promise<void> {
  const digests = refs.filter((r) => r.includes(':'))
  const tags = refs.filter((r) => !r.includes(':'))
  const repo = db.selectFrom('repository').select('repository_id').where('name', '=', repository)
  await db.updateTable('artifact').set({ pull_time: now })
    .where('repository_id', '=', repo)
    .where((eb) => eb.or([
      ...(digests.length ? [eb('digest', 'in', digests)] : []),
      ...(tags.length ? [eb('id', 'in', eb.selectFrom('tag').select('artifact_id').where('repository_id', '=', repo).where('name', 'in', tags))] : []),
    ]))
    .execute()
}
