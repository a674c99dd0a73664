import { sql } from 'kysely'
import type { Db } from './schema.js'

export async function addPullCount(db: Db, repository: string, count: number): Promise<void> {
  await db.updateTable('repository').set({ pull_count: sql<number>`pull_count + ${count}` }).where('name', '=', repository).execute()
}

/**
 * Moves pull_time forward to `now` on the artifacts that `refs` (tags or digests) name in the
 * repository; never back: instances flush their counts independently, an older batch may land last.
 */
export async function touchPullTime(db: Db, repository: string, refs: string[], now: string): Promise<void> {
  const digests = refs.filter((r) => r.includes(':'))
  const tags = refs.filter((r) => !r.includes(':'))
  const repo = db.selectFrom('repository').select('repository_id').where('name', '=', repository)
  await db.updateTable('artifact').set({ pull_time: sql<string>`case when pull_time is null or pull_time < ${now} then ${now} else pull_time end` })
    .where('repository_id', '=', repo)
    .where((eb) => eb.or([
      ...(digests.length ? [eb('digest', 'in', digests)] : []),
      ...(tags.length ? [eb('id', 'in', eb.selectFrom('tag').select('artifact_id').where('repository_id', '=', repo).where('name', 'in', tags))] : []),
    ]))
    .execute()
}
