import { sql } from 'kysely'
import { containsPattern, likeIgnoringCase } from './dialect.js'
import type { Db, ProjectRow } from './schema.js'

export function findProjectByName(db: Db, name: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirst()
}


export function findProjectById(db: Db, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('project_id', '=', id).executeTakeFirst()
}

export async function insertProject(db: Db, row: { name: string; public: boolean; ownerId: number; now: string }): Promise<number> {
  const res = await db.insertInto('project')
    .values({ name: row.name, public: row.public ? 1 : 0, owner_id: row.ownerId, creation_time: row.now, update_time: row.now })
    .returning('project_id').executeTakeFirstOrThrow()
  return res.project_id
}

export async function updateProjectRow(db: Db, id: number, change: { public?: boolean; now: string }): Promise<void> {
  await db.updateTable('project')
    .set({ update_time: change.now, ...(change.public === undefined ? {} : { public: change.public ? 1 : 0 }) })
    .where('project_id', '=', id).execute()
}

/**
 * Deletes the project and what belongs only to it: metadata, members and quota go by foreign key;
 * project robots and project labels (no foreign key) here.
 */
export async function deleteProjectRow(db: Db, id: number): Promise<void> {
  // every robot permission on the project goes with it (system robots' too), as in Harbor
  await db.deleteFrom('robot_permission').where('kind', '=', 'project').where('project_id', '=', id).execute()
  await db.deleteFrom('robot').where('level', '=', 'project').where('project_id', '=', id).execute()
  await db.deleteFrom('label').where('scope', '=', 'p').where('project_id', '=', id).execute()
  await db.deleteFrom('project').where('project_id', '=', id).execute()
}

// ---- metadata (Harbor's project_metadata: name → string value)

export async function listProjectMetadata(db: Db, projectIds: number[]): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>()
  if (projectIds.length === 0) return out
  const rows = await db.selectFrom('project_metadata').select(['project_id', 'name', 'value'])
    .where('project_id', 'in', projectIds).orderBy('name').execute()
  for (const r of rows) {
    let m = out.get(r.project_id)
    if (!m) out.set(r.project_id, (m = Object.create(null) as Record<string, string>))
    m[r.name] = r.value
  }
  return out
}

/** Inserts or replaces each entry. */
export async function upsertProjectMetadata(db: Db, projectId: number, entries: Record<string, string>, now: string): Promise<void> {
  for (const [name, value] of Object.entries(entries)) {
    await db.insertInto('project_metadata')
      .values({ project_id: projectId, name, value, creation_time: now, update_time: now })
      .onConflict((oc) => oc.columns(['project_id', 'name']).doUpdateSet({ value, update_time: now }))
      .execute()
  }
}

/** True if a row was deleted. */
export async function deleteProjectMetadata(db: Db, projectId: number, name: string): Promise<boolean> {
  const res = await db.deleteFrom('project_metadata').where('project_id', '=', projectId).where('name', '=', name).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

// ---- listing

export type ProjectListRow = ProjectRow & { owner_name: string | null }

/** Which projects a caller may see in a list: all, public only, or public plus some (by membership or name). */
export type ProjectVisibility =
  | { kind: 'all' }
  | { kind: 'public' }
  | { kind: 'member'; userId: number; withPublic: boolean }
  | { kind: 'ids'; ids: number[]; withPublic: boolean }

export type StringFilter = { kind: 'exact'; value: string } | { kind: 'fuzzy'; value: string } | { kind: 'or'; values: string[] }
export type NumberFilter = { kind: 'exact'; value: number } | { kind: 'or'; values: number[] } | { kind: 'range'; min?: number; max?: number }
export type TimeFilter = { min?: string; max?: string }

export type ProjectFilter = {
  visibility: ProjectVisibility
  name?: StringFilter[]
  owner?: StringFilter
  public?: boolean
  projectId?: NumberFilter
  ownerId?: NumberFilter
  creationTime?: TimeFilter
  updateTime?: TimeFilter
}

export type ProjectSortField = 'name' | 'project_id' | 'creation_time' | 'update_time'

function filteredProjects(db: Db, f: ProjectFilter) {
  let q = db.selectFrom('project').leftJoin('harbor_user', 'harbor_user.user_id', 'project.owner_id')
  const v = f.visibility
  if (v.kind === 'public') q = q.where('project.public', '=', 1)
  else if (v.kind === 'member') {
    q = q.where((eb) => {
      const member = eb('project.project_id', 'in', eb.selectFrom('project_member').select('project_member.project_id')
        .where('project_member.entity_type', '=', 'u').where('project_member.entity_id', '=', v.userId))
      return v.withPublic ? eb.or([eb('project.public', '=', 1), member]) : member
    })
  } else if (v.kind === 'ids') {
    q = q.where((eb) => {
      // better-sqlite3 binds no booleans: an always-false condition is written out
      const named = v.ids.length > 0 ? eb('project.project_id', 'in', v.ids) : sql<boolean>`1 = 0`
      return v.withPublic ? eb.or([eb('project.public', '=', 1), named]) : named
    })
  }
  for (const n of f.name ?? []) {
    if (n.kind === 'exact') q = q.where('project.name', '=', n.value)
    else if (n.kind === 'fuzzy') q = q.where(likeIgnoringCase(sql.ref('project.name'), containsPattern(n.value)))
    else q = q.where('project.name', 'in', n.values.length > 0 ? n.values : [''])
  }
  const o = f.owner
  if (o) {
    if (o.kind === 'exact') q = q.where('harbor_user.username', '=', o.value)
    else if (o.kind === 'fuzzy') q = q.where(likeIgnoringCase(sql.ref('harbor_user.username'), containsPattern(o.value)))
    else q = q.where('harbor_user.username', 'in', o.values.length > 0 ? o.values : [''])
  }
  if (f.public !== undefined) q = q.where('project.public', '=', f.public ? 1 : 0)
  for (const [col, nf] of [['project.project_id', f.projectId], ['project.owner_id', f.ownerId]] as const) {
    if (!nf) continue
    if (nf.kind === 'exact') q = q.where(col, '=', nf.value)
    else if (nf.kind === 'or') q = q.where(col, 'in', nf.values.length > 0 ? nf.values : [-1])
    else {
      if (nf.min !== undefined) q = q.where(col, '>=', nf.min)
      if (nf.max !== undefined) q = q.where(col, '<=', nf.max)
    }
  }
  for (const [col, tf] of [['project.creation_time', f.creationTime], ['project.update_time', f.updateTime]] as const) {
    if (!tf) continue
    if (tf.min !== undefined) q = q.where(col, '>=', tf.min)
    if (tf.max !== undefined) q = q.where(col, '<=', tf.max)
  }
  return q
}

export async function countProjects(db: Db, f: ProjectFilter): Promise<number> {
  const row = await filteredProjects(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listProjects(db: Db, f: ProjectFilter, opts: { sort: Array<{ field: ProjectSortField; desc: boolean }>; limit: number; offset: number }): Promise<ProjectListRow[]> {
  let q = filteredProjects(db, f).selectAll('project').select('harbor_user.username as owner_name')
  for (const s of opts.sort) q = q.orderBy(`project.${s.field}`, s.desc ? 'desc' : 'asc')
  return q.orderBy('project.project_id').limit(opts.limit).offset(opts.offset).execute()
}

export async function findProjectWithOwner(db: Db, id: number): Promise<ProjectListRow | undefined> {
  return db.selectFrom('project').leftJoin('harbor_user', 'harbor_user.user_id', 'project.owner_id')
    .selectAll('project').select('harbor_user.username as owner_name')
    .where('project.project_id', '=', id).executeTakeFirst()
}

/** Repositories per project (projects without any are absent from the map). */
export async function countRepositoriesByProject(db: Db, projectIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  if (projectIds.length === 0) return out
  const rows = await db.selectFrom('repository').select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', 'in', projectIds).groupBy('project_id').execute()
  for (const r of rows) out.set(r.project_id, Number(r.n))
  return out
}

// ---- quota (one per project; a project without a row is unlimited)

export async function insertQuota(db: Db, projectId: number, hardStorage: number, now: string): Promise<void> {
  await db.insertInto('quota').values({ project_id: projectId, hard_storage: hardStorage, creation_time: now, update_time: now })
    .onConflict((oc) => oc.column('project_id').doUpdateSet({ hard_storage: hardStorage, update_time: now }))
    .execute()
}

export type QuotaRow = {
  project_id: number
  name: string
  owner_name: string | null
  hard_storage: number
  used_storage: number
  creation_time: string
  update_time: string
}

/**
 * Storage used by each project: the sizes of the distinct blobs its artifacts reference
 * (a layer shared by two repositories of one project counts once).
 */
function usedStorage(db: Db) {
  return db.selectFrom(
    db.selectFrom('artifact_blob')
      .innerJoin('artifact', 'artifact.id', 'artifact_blob.artifact_id')
      .innerJoin('repository', 'repository.repository_id', 'artifact.repository_id')
      .select(['repository.project_id as project_id', 'artifact_blob.digest as digest'])
      .distinct()
      .as('pb'),
  ).innerJoin('blob', 'blob.digest', 'pb.digest')
    .select(['pb.project_id as project_id', (eb) => eb.fn.sum<number>('blob.size').as('used')])
    .groupBy('pb.project_id')
}

function quotaQuery(db: Db, projectIds: number[] | undefined) {
  let q = db.selectFrom('project')
    .leftJoin('quota', 'quota.project_id', 'project.project_id')
    .leftJoin('harbor_user', 'harbor_user.user_id', 'project.owner_id')
    .leftJoin(usedStorage(db).as('u'), 'u.project_id', 'project.project_id')
  if (projectIds) q = q.where('project.project_id', 'in', projectIds.length > 0 ? projectIds : [-1])
  return q
}

export async function countQuotas(db: Db, projectIds: number[] | undefined): Promise<number> {
  let q = db.selectFrom('project')
  if (projectIds) q = q.where('project.project_id', 'in', projectIds.length > 0 ? projectIds : [-1])
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listQuotas(db: Db, opts: { projectIds?: number[]; sort?: { field: 'hard' | 'used'; desc: boolean }; limit: number; offset: number }): Promise<QuotaRow[]> {
  let q = quotaQuery(db, opts.projectIds).select([
    'project.project_id as project_id', 'project.name as name', 'harbor_user.username as owner_name',
    sql<number>`coalesce(quota.hard_storage, -1)`.as('hard_storage'),
    sql<number>`coalesce(u.used, 0)`.as('used_storage'),
    sql<string>`coalesce(quota.creation_time, project.creation_time)`.as('creation_time'),
    sql<string>`coalesce(quota.update_time, project.creation_time)`.as('update_time'),
  ])
  if (opts.sort) {
    const dir = opts.sort.desc ? 'desc' : 'asc'
    // unlimited (-1) sorts above every limit, as the largest
    q = opts.sort.field === 'hard'
      ? q.orderBy(sql`case when coalesce(quota.hard_storage, -1) < 0 then 1 else 0 end`, dir).orderBy(sql`coalesce(quota.hard_storage, -1)`, dir)
      : q.orderBy(sql`coalesce(u.used, 0)`, dir)
  }
  const rows = await q.orderBy('project.project_id').limit(opts.limit).offset(opts.offset).execute()
  return rows.map((r) => ({ ...r, hard_storage: Number(r.hard_storage), used_storage: Number(r.used_storage) }))
}

/** The first system admin (lowest id): Harbor makes it the owner of projects robots create. */
export async function findDefaultOwnerId(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('harbor_user').select('user_id').where('sysadmin_flag', '=', 1).orderBy('user_id').limit(1).executeTakeFirst()
  return row?.user_id
}
