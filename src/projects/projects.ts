// Projects: create, read, list, update, delete, and the summary (Harbor src/controller/project,
// src/server/v2.0/handler/project.go). `project.public` is the flag authorization reads; the
// `public` metadata row mirrors it, as Harbor keeps it among the metadata.
import type { Deps } from '../deps.js'
import { isUniqueViolation } from '../db/dialect.js'
import { AppError } from '../errors.js'
import {
  countProjects, countRepositoriesByProject, deleteProjectRow, findDefaultOwnerId, findProjectByName, findProjectWithOwner,
  insertProject, insertQuota, listProjectMetadata, listProjects as listProjectRows, listQuotas, updateProjectRow,
  upsertProjectMetadata, type ProjectFilter, type ProjectListRow, type ProjectSortField,
} from '../db/projects.js'
import { countMembersByRole, insertMember, listUserRoles } from '../db/members.js'
import { recordAudit } from '../audit/log.js'
import { getSettings } from '../config/settings.js'
import { invalidateAuth, type ProjectRef } from '../iam/auth-cache.js'
import { principalName, type Principal } from '../iam/principal.js'
import { canSystem } from '../rbac/evaluate.js'
import { ROLE_IDS } from '../rbac/roles.js'
import { normalizeMetadata } from './metadata.js'

/** Harbor src/pkg/project/manager.go: 1–255 characters, lower case, separators only between alphanumerics. */
export const PROJECT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/
export const PROJECT_NAME_MAX = 255

export function validateProjectName(name: string): void {
  if (name.length < 1 || name.length > PROJECT_NAME_MAX) {
    throw new AppError('BAD_REQUEST', { name }, `project name must be 1 to ${PROJECT_NAME_MAX} characters long`)
  }
  if (!PROJECT_NAME.test(name)) throw new AppError('BAD_REQUEST', { name }, 'project name is not in lower case or contains illegal characters')
}

export type ProjectView = {
  row: ProjectListRow
  metadata: Record<string, string> | null
  repoCount: number
  /** the caller's roles in the project (users only) */
  roles: number[]
  /** the caller may change the project's settings */
  togglable: boolean
}

/** A caller's context for views: who asks, from where. */
export type Caller = { principal: Principal; clientIp: string }

/**
 * Who may create a project (Harbor CreateProject): any signed-in user unless the setting says
 * admins only; of robots only system robots with project create. Returns the owner's user id.
 */
export async function requireProjectCreator(deps: Deps, p: Principal, registryId: number | null | undefined): Promise<number> {
  if (p.kind === 'anonymous' || p.kind === 'token') throw new AppError('UNAUTHORIZED')
  if (p.kind === 'robot') {
    if (p.projectId !== 0 || !canSystem(p, 'project', 'create')) throw new AppError('FORBIDDEN', undefined, 'only system level robots can create projects')
  } else if (!p.sysadmin && (await getSettings(deps)).project_creation_restriction === 'adminonly') {
    throw new AppError('FORBIDDEN', undefined, 'only system admin can create projects')
  }
  if (registryId !== undefined && registryId !== null && !(p.kind === 'user' && p.sysadmin)) {
    throw new AppError('FORBIDDEN', undefined, 'only system admin can create proxy cache projects')
  }
  if (p.kind === 'user') return p.id
  // Harbor: a robot's project belongs to the first system admin
  const owner = await findDefaultOwnerId(deps.db)
  if (owner === undefined) throw new AppError('INTERNAL', undefined, 'no system admin to own the project')
  return owner
}

export type CreateProjectInput = {
  name: string
  /** the deprecated top-level flag; metadata.public wins when both are given */
  public?: boolean | null
  metadata?: Record<string, string | null | undefined>
  storageLimit?: number | null
  registryId?: number | null
}

export async function createProject(deps: Deps, caller: Caller, ownerId: number, input: CreateProjectInput): Promise<number> {
  validateProjectName(input.name)
  if (input.registryId !== undefined && input.registryId !== null) {
    throw new AppError('BAD_REQUEST', { registry_id: input.registryId }, 'proxy cache projects are not supported')
  }
  const raw = { ...input.metadata }
  if ((raw.public === undefined || raw.public === null || raw.public === '') && input.public !== undefined && input.public !== null) {
    raw.public = String(input.public)
  }
  if (raw.retention_id !== undefined && raw.retention_id !== null && raw.retention_id !== '') {
    throw new AppError('BAD_REQUEST', undefined, "the retention_id in the request's payload when creating a project should be omitted, alternatively passing an empty string")
  }
  delete raw.retention_id
  const metadata = normalizeMetadata(raw)
  metadata.public ??= 'false'
  const isAdmin = caller.principal.kind === 'user' && caller.principal.sysadmin
  // Harbor: only a system admin sets the limit; 0 or none means the default (unlimited here)
  const hard = isAdmin && input.storageLimit ? validateStorageLimit(input.storageLimit) : -1
  const now = deps.clock.now().toISOString()
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await findProjectByName(trx, input.name)) throw new AppError('CONFLICT', { name: input.name }, `the project named ${input.name} already exists`)
    const projectId = await insertProject(trx, { name: input.name, public: metadata.public === 'true', ownerId, now })
    await upsertProjectMetadata(trx, projectId, metadata, now)
    await insertMember(trx, projectId, ownerId, ROLE_IDS.projectAdmin, now)
    await insertQuota(trx, projectId, hard, now)
    await recordAudit(trx, { projectId, operation: 'create', resourceType: 'project', resource: input.name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
    return projectId
  }).catch((err: unknown) => {
    // two creators racing past the lookup: the unique index decides
    if (err instanceof AppError) throw err
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', { name: input.name }, `the project named ${input.name} already exists`)
    }
    throw err
  })
  await invalidateAuth(deps)
  return id
}

/** Harbor quota validation: -1 (unlimited) or a positive number of bytes. */
export function validateStorageLimit(n: number): number {
  if (!Number.isSafeInteger(n) || (n < 1 && n !== -1)) {
    throw new AppError('BAD_REQUEST', { storage_limit: n }, 'storage_limit must be -1 (unlimited) or a positive number of bytes')
  }
  return n
}

/** Views of rows for a caller: metadata (with detail), repository counts, the caller's roles. */
async function toViews(deps: Deps, caller: Principal, rows: ProjectListRow[], detail: boolean): Promise<ProjectView[]> {
  const ids = rows.map((r) => r.project_id)
  const [metas, repos, roles] = await Promise.all([
    detail ? listProjectMetadata(deps.db, ids) : Promise.resolve(new Map<number, Record<string, string>>()),
    countRepositoriesByProject(deps.db, ids),
    caller.kind === 'user' ? listUserRoles(deps.db, caller.id, ids) : Promise.resolve(new Map<number, number>()),
  ])
  return rows.map((row) => {
    const role = roles.get(row.project_id)
    const metadata = detail ? { ...metas.get(row.project_id), public: row.public === 1 ? 'true' : 'false' } : null
    return {
      row: detail ? row : { ...row, owner_name: null },
      metadata,
      repoCount: repos.get(row.project_id) ?? 0,
      roles: role === undefined ? [] : [role],
      togglable: (caller.kind === 'user' && caller.sysadmin) || role === ROLE_IDS.projectAdmin,
    }
  })
}

export async function getProject(deps: Deps, caller: Principal, ref: ProjectRef): Promise<ProjectView> {
  const row = await findProjectWithOwner(deps.db, ref.id)
  if (!row) throw new AppError('PROJECT_UNKNOWN', { project: ref.name }, `project ${ref.name} not found`)
  const [view] = await toViews(deps, caller, [row], true)
  return view!
}

export type ListProjectsInput = {
  filter: Omit<ProjectFilter, 'visibility'>
  sort: Array<{ field: ProjectSortField; desc: boolean }>
  detail: boolean
  limit: number
  offset: number
}

/**
 * Harbor ListProjects: system admins (and robots covering every project) see all; signed-in users
 * the public projects and those they are members of; robots public ones and those they name;
 * anonymous callers public ones only.
 */
export async function listProjects(deps: Deps, caller: Principal, input: ListProjectsInput): Promise<{ total: number; items: ProjectView[] }> {
  const withPublic = input.filter.public !== false
  let visibility: ProjectFilter['visibility']
  switch (caller.kind) {
    case 'user':
      visibility = caller.sysadmin ? { kind: 'all' } : { kind: 'member', userId: caller.id, withPublic }
      break
    case 'robot': {
      const perms = caller.permissions.filter((p) => p.kind === 'project')
      visibility = perms.some((p) => p.namespace === '*')
        ? { kind: 'all' }
        : { kind: 'ids', ids: [...new Set(perms.map((p) => p.projectId))], withPublic }
      break
    }
    default:
      if (input.filter.public === false) return { total: 0, items: [] }
      visibility = { kind: 'public' }
  }
  const filter: ProjectFilter = { ...input.filter, visibility }
  const total = await countProjects(deps.db, filter)
  if (total === 0) return { total, items: [] }
  const sort = input.sort.length > 0 ? input.sort : [{ field: 'name' as const, desc: false }]
  const rows = await listProjectRows(deps.db, filter, { sort, limit: input.limit, offset: input.offset })
  return { total, items: await toViews(deps, caller, rows, input.detail) }
}

export type UpdateProjectInput = {
  name?: string | null
  public?: boolean | null
  metadata?: Record<string, string | null | undefined> | null
  storageLimit?: number | null
  registryId?: number | null
}

export async function updateProject(deps: Deps, caller: Caller, ref: ProjectRef, input: UpdateProjectInput): Promise<void> {
  if (input.name !== undefined && input.name !== null && input.name !== '' && input.name !== ref.name) {
    throw new AppError('BAD_REQUEST', { project_name: input.name }, 'a project cannot be renamed')
  }
  if (input.registryId !== undefined && input.registryId !== null && input.registryId !== 0) {
    throw new AppError('BAD_REQUEST', { registry_id: input.registryId }, 'proxy cache projects are not supported')
  }
  const isAdmin = caller.principal.kind === 'user' && caller.principal.sysadmin
  if (input.storageLimit !== undefined && input.storageLimit !== null && !isAdmin) {
    throw new AppError('FORBIDDEN', undefined, 'only system admin can change the storage limit')
  }
  const hard = input.storageLimit === undefined || input.storageLimit === null ? undefined : validateStorageLimit(input.storageLimit)
  const raw = { ...input.metadata }
  if ((raw.public === undefined || raw.public === null || raw.public === '') && input.public !== undefined && input.public !== null) {
    raw.public = String(input.public)
  }
  const retentionId = raw.retention_id
  delete raw.retention_id
  const metadata = normalizeMetadata(raw)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    if (retentionId !== undefined && retentionId !== null) {
      const current = (await listProjectMetadata(trx, [ref.id])).get(ref.id)?.retention_id
      if (current !== retentionId) {
        throw new AppError('BAD_REQUEST', undefined, "the retention_id in the request's payload when updating a project should be omitted, alternatively passing the one that has already been associated to this project")
      }
    }
    await updateProjectRow(trx, ref.id, { now, ...(metadata.public === undefined ? {} : { public: metadata.public === 'true' }) })
    await upsertProjectMetadata(trx, ref.id, metadata, now)
    if (hard !== undefined) await insertQuota(trx, ref.id, hard, now)
    await recordAudit(trx, { projectId: ref.id, operation: 'update', resourceType: 'project', resource: ref.name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
  await invalidateAuth(deps)
}

const NOT_EMPTY = 'the project contains repositories, can not be deleted'

export async function projectDeletable(deps: Deps, ref: ProjectRef): Promise<{ deletable: boolean; message?: string }> {
  const repos = (await countRepositoriesByProject(deps.db, [ref.id])).get(ref.id) ?? 0
  return repos > 0 ? { deletable: false, message: NOT_EMPTY } : { deletable: true }
}

/** Harbor DeleteProject: only an empty project (no repositories) goes; 412 otherwise. */
export async function deleteProject(deps: Deps, caller: Caller, ref: ProjectRef): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const repos = (await countRepositoriesByProject(trx, [ref.id])).get(ref.id) ?? 0
    if (repos > 0) throw new AppError('PRECONDITION_FAILED', { project: ref.name }, NOT_EMPTY)
    await deleteProjectRow(trx, ref.id)
    await recordAudit(trx, { projectId: ref.id, operation: 'delete', resourceType: 'project', resource: ref.name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
  await invalidateAuth(deps)
}

export type ProjectSummary = {
  repoCount: number
  members?: { projectAdmin: number; maintainer: number; developer: number; guest: number; limitedGuest: number }
  quota?: { hard: number; used: number }
}

/** The summary; member counts and quota only for callers who may read them (Harbor GetProjectSummary). */
export async function projectSummary(deps: Deps, ref: ProjectRef, opts: { members: boolean; quota: boolean }): Promise<ProjectSummary> {
  const repoCount = (await countRepositoriesByProject(deps.db, [ref.id])).get(ref.id) ?? 0
  const out: ProjectSummary = { repoCount }
  if (opts.members) {
    const byRole = await countMembersByRole(deps.db, ref.id)
    out.members = {
      projectAdmin: byRole.get(ROLE_IDS.projectAdmin) ?? 0, maintainer: byRole.get(ROLE_IDS.maintainer) ?? 0,
      developer: byRole.get(ROLE_IDS.developer) ?? 0, guest: byRole.get(ROLE_IDS.guest) ?? 0,
      limitedGuest: byRole.get(ROLE_IDS.limitedGuest) ?? 0,
    }
  }
  if (opts.quota) {
    const [q] = await listQuotas(deps.db, { projectIds: [ref.id], limit: 1, offset: 0 })
    out.quota = { hard: q?.hard_storage ?? -1, used: q?.used_storage ?? 0 }
  }
  return out
}
