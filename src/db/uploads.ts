import { sql } from 'kysely'
import type { Db, UploadRow } from './schema.js'
import { isPostgres } from './dialect.js'

export type UploadCaps = {
  /** Sessions one owner may hold in one repository. */
  perRepository: number
  /** Sessions one owner may hold in all repositories. */
  perOwner: number
  /** Only rows updated at or after this count (older ones are abandoned, about to be purged); null counts all. */
  since: string | null
}

/**
 * Inserts a new upload row unless its owner already holds `caps.perRepository` sessions in the
 * repository or `caps.perOwner` in all: one INSERT … SELECT … WHERE, so that two requests cannot
 * both take the last slot. SQLite's single writer makes that statement enough; PostgreSQL runs
 * such statements side by side, each counting without the other's row, so there the owner's
 * inserts take turns under a transaction-scoped advisory lock. Returns whether the row was inserted.
 */
export async function insertUploadWithinCaps(
  db: Db, row: { id: string; repository: string; owner: string; now: string }, caps: UploadCaps,
): Promise<boolean> {
  if (!isPostgres(db)) return insertIfUnderCaps(db, row, caps)
  const locked = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`berth:upload-owner:${row.owner}`}, 0))`.execute(trx)
    return insertIfUnderCaps(trx, row, caps)
  }
  return db.isTransaction ? locked(db) : (db as Exclude<Db, { isTransaction: true }>).transaction().execute(locked)
}

async function insertIfUnderCaps(db: Db, row: { id: string; repository: string; owner: string; now: string }, caps: UploadCaps): Promise<boolean> {
  const result = await db.insertInto('upload')
    .columns(['id', 'repository', 'owner', 'size', 'creation_time', 'update_time'])
    .expression(db.selectNoFrom((eb) => [
      eb.val(row.id).as('id'), eb.val(row.repository).as('repository'), eb.val(row.owner).as('owner'),
      // typed: PostgreSQL takes an untyped parameter in a select list for text
      eb.cast(eb.val(0), 'bigint').as('size'), eb.val(row.now).as('creation_time'), eb.val(row.now).as('update_time'),
    ])
      .where((eb) => eb.and([
        eb(countOpen(db, row.owner, caps.since, row.repository), '<', caps.perRepository),
        eb(countOpen(db, row.owner, caps.since), '<', caps.perOwner),
      ])))
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** How many sessions `owner` holds (in `repository`, when given), counting as insertUploadWithinCaps does. */
export async function countOpenUploads(db: Db, owner: string, since: string | null, repository?: string): Promise<number> {
  const row = await countOpen(db, owner, since, repository).executeTakeFirstOrThrow()
  return Number(row.n)
}

function countOpen(db: Db, owner: string, since: string | null, repository?: string) {
  let q = db.selectFrom('upload').select((eb) => eb.fn.countAll<number>().as('n')).where('owner', '=', owner)
  if (repository !== undefined) q = q.where('repository', '=', repository)
  if (since !== null) q = q.where('update_time', '>=', since)
  return q
}

export function findUpload(db: Db, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('upload').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateUploadSize(db: Db, id: string, size: number, now: string): Promise<void> {
  await db.updateTable('upload').set({ size, update_time: now }).where('id', '=', id).execute()
}

export async function deleteUploadRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('upload').where('id', '=', id).execute()
}

export async function listUploadsUpdatedBefore(db: Db, before: string): Promise<string[]> {
  const rows = await db.selectFrom('upload').select('id').where('update_time', '<', before).execute()
  return rows.map((r) => r.id)
}

export async function hasUpload(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('upload').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
