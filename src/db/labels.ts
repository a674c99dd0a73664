import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
import type { Db, LabelRow } from './schema.js'

export function findLabelById(db: Db, id: number): Promise<LabelRow | undefined> {
  return db.selectFrom('label').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findLabelByName(db: Db, name: string, scope: 'g' | 'p', projectId: number): Promise<LabelRow | undefined> {
  return db.selectFrom('label').selectAll().where('name', '=', name).where('scope', '=', scope).where('project_id', '=', projectId).executeTakeFirst()
}

export type LabelFilter = { scope: 'g' | 'p'; projectId?: number; name?: { exact?: string; fuzzy?: string } }

function filtered(db: Db, f: LabelFilter) {
  let q = db.selectFrom('label').where('scope', '=', f.scope)
  if (f.projectId !== undefined) q = q.where('project_id', '=', f.projectId)
  if (f.name?.exact !== undefined) q = q.where('name', '=', f.name.exact)
  if (f.name?.fuzzy !== undefined) q = q.where(likeIgnoringCase(sql.ref('name'), containsPattern(f.name.fuzzy)))
  return q
}

export async function countLabels(db: Db, f: LabelFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listLabels(db: Db, f: LabelFilter, sort: { field: 'name' | 'id' | 'creation_time' | 'update_time'; desc: boolean }[], page: { offset: number; limit: number }): Promise<LabelRow[]> {
  let q = filtered(db, f).selectAll()
  for (const s of sort) q = q.orderBy(s.field, s.desc ? 'desc' : 'asc')
  return q.orderBy('id').offset(page.offset).limit(page.limit).execute()
}

export async function insertLabel(db: Db, row: { name: string; description: string; color: string; scope: 'g' | 'p'; project_id: number }, now: string): Promise<number> {
  const res = await db.insertInto('label').values({ ...row, creation_time: now, update_time: now }).returning('id').executeTakeFirstOrThrow()
  return res.id
}

export async function updateLabel(db: Db, id: number, set: { name: string; description: string; color: string }, now: string): Promise<void> {
  await db.updateTable('label').set({ ...set, update_time: now }).where('id', '=', id).execute()
}

export async function deleteLabel(db: Db, id: number): Promise<void> {
  await db.deleteFrom('label').where('id', '=', id).execute()
}

/** Adds the label; false if the artifact had it already. */
export async function insertArtifactLabel(db: Db, artifactId: number, labelId: number, now: string): Promise<boolean> {
  const res = await db.insertInto('artifact_label').values({ artifact_id: artifactId, label_id: labelId, creation_time: now })
    .onConflict((oc) => oc.columns(['artifact_id', 'label_id']).doNothing()).executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0
}

export async function deleteArtifactLabel(db: Db, artifactId: number, labelId: number): Promise<boolean> {
  const res = await db.deleteFrom('artifact_label').where('artifact_id', '=', artifactId).where('label_id', '=', labelId).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

/** The labels on each of these artifacts. */
export async function listLabelsOfArtifacts(db: Db, artifactIds: number[]): Promise<Array<LabelRow & { artifact_id: number }>> {
  if (artifactIds.length === 0) return []
  return db.selectFrom('artifact_label').innerJoin('label', 'label.id', 'artifact_label.label_id')
    .selectAll('label').select('artifact_label.artifact_id').where('artifact_label.artifact_id', 'in', artifactIds).orderBy('label.id').execute()
}
