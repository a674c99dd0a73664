// Harbor's robot accounts v2: system robots (any projects, and system resources) and project
// robots (one project). Stored names carry no prefix; project robots are "<project>+<name>" and
// every name is shown as `robot$<stored>`. The secret is shown once and kept only as a hash.
// The caller has stated the route's permission; this module checks what only it can: that no
// caller obtains a robot credential worth more than its own (creating, updating or refreshing the
// secret of a robot), and that every namespace exists. Permissions are bound to the project's id.

import type { Deps } from '../deps.js'
import { isUniqueViolation } from '../db/dialect.js'
import { AppError } from '../errors.js'
import type { RobotRow } from '../db/schema.js'
import {
  countRobots, deleteRobotRow, findRobotById, findRobotByName, insertRobot, listPermissionsOfRobots, listRobotPermissions,
  listRobotRows, replaceRobotPermissions, updateRobotRow, type RobotFilter, type RobotPatch, type RobotSortField,
} from '../db/robots.js'
import { recordAudit } from '../audit/log.js'
import { can, canSystem } from '../rbac/evaluate.js'
import type { Action, Resource } from '../rbac/roles.js'
import { findProjectRef, findProjectRefById } from '../projects/lookup.js'
import type { ProjectRef } from './auth-cache.js'
import { invalidateAuth } from './auth-cache.js'
import { generateSecret, hashPassword, passwordProblem } from './passwords.js'
import { principalName, type Principal, type RobotPermission } from './principal.js'
import { ROBOT_PREFIX } from './authenticate.js'

export type RobotLevel = 'system' | 'project'
export type RobotAccess = { resource: string; action: string }
export type RobotPermissionSet = { kind: 'project' | 'system'; namespace: string; access: RobotAccess[] }

/** Harbor's robot name rule (handler/robot.go validateName): '+' and '$' never pass. */
const NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/
/** Harbor's days default (robot_token_duration) when a robot is created with duration 0. */
export const DEFAULT_ROBOT_DAYS = 30
const DAY = 86_400
const MAX_DURATION = 2 ** 31 - 1

/** Harbor's resources (src/common/rbac/const.go), by the kind of permission they belong to. */
// Harbor's PoliciesMap "Project" (src/common/rbac/const.go) lists 'project' (read, update, delete)
// too; clients that build robots from it send it. It names no check Berth makes, so it grants nothing.
const PROJECT_RESOURCES = new Set([
  '*', 'project', 'configuration', 'helm-chart', 'helm-chart-version', 'helm-chart-version-label', 'label', 'log', 'member', 'metadata',
  'quota', 'repository', 'tag-retention', 'immutable-tag', 'robot', 'notification-policy', 'scan', 'scanner', 'artifact',
  'tag', 'accessory', 'artifact-addition', 'artifact-label', 'preheat-policy',
])
const SYSTEM_RESOURCES = new Set([
  '*', 'audit-log', 'catalog', 'project', 'user', 'user-group', 'registry', 'replication', 'distribution', 'garbage-collection',
  'replication-adapter', 'replication-policy', 'scan-all', 'system-volumes', 'purge-audit', 'label', 'ldap-user', 'robot',
  'scanner', 'preheat-instance', 'tag-retention', 'configuration', 'quota', 'export-cve', 'security-hub', 'jobservice-monitor',
])
const ACTIONS = new Set(['*', 'pull', 'push', 'create', 'read', 'update', 'delete', 'list', 'operate', 'scanner-pull', 'stop'])

export type RobotView = {
  id: number; name: string; description: string; level: RobotLevel; duration: number; editable: boolean; disable: boolean
  expires_at: number; permissions: RobotPermissionSet[]; creator_type: string; creator_ref: number
  creation_time: string; update_time: string
}

export function fullRobotName(stored: string): string {
  return `${ROBOT_PREFIX}${stored}`
}

function groupPermissions(perms: RobotPermission[]): RobotPermissionSet[] {
  const sets = new Map<string, RobotPermissionSet>()
  for (const p of perms) {
    const key = `${p.kind}\0${p.namespace}`
    let set = sets.get(key)
    if (!set) sets.set(key, (set = { kind: p.kind, namespace: p.namespace, access: [] }))
    set.access.push({ resource: p.resource, action: p.action })
  }
  return [...sets.values()]
}

function toView(r: RobotRow, perms: RobotPermission[]): RobotView {
  return {
    id: r.id, name: fullRobotName(r.name), description: r.description, level: r.level, duration: r.duration, editable: true,
    disable: r.disabled === 1, expires_at: r.expires_at, permissions: groupPermissions(perms),
    creator_type: r.creator_type, creator_ref: r.creator_ref, creation_time: r.creation_time, update_time: r.update_time,
  }
}

/** The robot row, or ROBOT_UNKNOWN (404). */
export async function getRobotRow(deps: Deps, id: number): Promise<RobotRow> {
  const row = await findRobotById(deps.db, id)
  if (!row) throw new AppError('NOT_FOUND', { robot: id }, `robot ${id} not found`)
  return row
}

export async function getRobot(deps: Deps, id: number): Promise<RobotView> {
  const row = await getRobotRow(deps, id)
  return toView(row, await listRobotPermissions(deps.db, id))
}

export async function listRobots(deps: Deps, filter: RobotFilter, opts: { sort: Array<{ field: RobotSortField; desc: boolean }>; offset: number; limit: number }): Promise<{ total: number; robots: RobotView[] }> {
  const [total, rows] = await Promise.all([countRobots(deps.db, filter), listRobotRows(deps.db, filter, opts)])
  const perms = await listPermissionsOfRobots(deps.db, rows.map((r) => r.id))
  return { total, robots: rows.map((r) => toView(r, perms.get(r.id) ?? [])) }
}

/** Expiry in unix seconds for `duration` days from `from` (-1 never; 0 Harbor's default). */
function expiry(duration: number, from: Date): { duration: number; expiresAt: number } {
  if (duration === -1) return { duration: -1, expiresAt: -1 }
  const days = duration === 0 ? DEFAULT_ROBOT_DAYS : duration
  return { duration: days, expiresAt: Math.floor(from.getTime() / 1000) + days * DAY }
}

function checkDuration(d: number): void {
  if (!Number.isSafeInteger(d) || d < -1 || d >= MAX_DURATION) throw new AppError('BAD_REQUEST', { duration: d }, `bad duration ${d}: -1 (never) or a number of days`)
}

/**
 * Validates permissions for a robot of `level` (in `project` for project robots) and flattens them.
 * Project robots hold exactly one project permission on their own project (Harbor's rule);
 * every namespace must name an existing project, '*' (system robots) or '/' (system kind).
 */
/** Harbor's robotAPI.validate, before any permission is checked: the shape of the permission list. */
export function assertRobotShape(level: RobotLevel, sets: RobotPermissionSet[]): void {
  if (sets.length === 0) throw new AppError('BAD_REQUEST', undefined, 'a robot needs at least one permission')
  if (sets.some((s) => s.access.length === 0)) throw new AppError('BAD_REQUEST', undefined, 'a permission needs at least one access')
  if (level === 'project' && (sets.length !== 1 || sets[0]!.kind !== 'project' || sets[0]!.namespace === '*')) {
    throw new AppError('BAD_REQUEST', undefined, 'a project robot holds exactly one project permission, on its own project')
  }
}

/**
 * Validates and flattens permissions, resolving each project namespace (a name, as in Harbor) to
 * its project once; a project robot's one permission is on `ownProject` itself.
 */
async function checkPermissions(deps: Deps, level: RobotLevel, sets: RobotPermissionSet[], ownProject?: ProjectRef): Promise<RobotPermission[]> {
  assertRobotShape(level, sets)
  if (level === 'project' && sets[0]!.namespace !== ownProject?.name) {
    throw new AppError('BAD_REQUEST', undefined, 'a project robot holds exactly one project permission, on its own project')
  }
  const out: RobotPermission[] = []
  const seen = new Set<string>()
  for (const set of sets) {
    if (set.access.length === 0) throw new AppError('BAD_REQUEST', undefined, 'a permission needs at least one access')
    let projectId = 0
    if (set.kind === 'system') {
      if (level !== 'system') throw new AppError('BAD_REQUEST', undefined, 'only system robots hold system permissions')
      if (set.namespace !== '/') throw new AppError('BAD_REQUEST', undefined, 'a system permission has namespace "/"')
    } else if (set.namespace !== '*') {
      const project = level === 'project' ? ownProject : await findProjectRef(deps, set.namespace)
      if (!project) throw new AppError('PROJECT_UNKNOWN', { project: set.namespace }, `project ${set.namespace} not found`)
      projectId = project.id
    } else if (level !== 'system') {
      throw new AppError('BAD_REQUEST', undefined, 'only system robots may cover every project')
    }
    const resources = set.kind === 'system' ? SYSTEM_RESOURCES : PROJECT_RESOURCES
    for (const a of set.access) {
      if (!resources.has(a.resource)) throw new AppError('BAD_REQUEST', { resource: a.resource }, `unknown ${set.kind} resource ${a.resource}`)
      if (!ACTIONS.has(a.action)) throw new AppError('BAD_REQUEST', { action: a.action }, `unknown action ${a.action}`)
      const key = `${set.kind}\0${set.namespace}\0${a.resource}\0${a.action}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ kind: set.kind, namespace: set.namespace, projectId, resource: a.resource, action: a.action })
    }
  }
  return out
}

/**
 * Whether `creator` holds every permission in `perms`: a caller never creates, widens or takes over
 * (by setting its secret) a robot worth more than itself.
 */
async function creatorCovers(deps: Deps, creator: Principal, perms: RobotPermission[]): Promise<boolean> {
  if (creator.kind === 'user' && creator.sysadmin) return true
  for (const p of perms) {
    if (p.kind === 'system') {
      if (!canSystem(creator, p.resource, p.action)) return false
      continue
    }
    if (p.namespace === '*') {
      // only a robot that itself covers every project can pass this on
      if (creator.kind !== 'robot' || !creator.permissions.some((c) => c.kind === 'project' && c.namespace === '*'
        && (c.resource === p.resource || c.resource === '*') && (c.action === p.action || c.action === '*'))) return false
      continue
    }
    const project = await findProjectRefById(deps, p.projectId)
    // a permission on a project that is gone protects nothing: it need not be covered
    if (project && !(await can(deps, creator, project, p.resource as Resource, p.action as Action))) return false
  }
  return true
}

function creatorOf(p: Principal): { creatorRef: number; creatorType: 'local' | 'robot' } {
  if (p.kind === 'user') return { creatorRef: p.id, creatorType: 'local' }
  if (p.kind === 'robot') return { creatorRef: p.id, creatorType: 'robot' }
  return { creatorRef: 0, creatorType: 'local' }
}

export type RobotCreate = {
  name: string; description?: string; level: RobotLevel; disable?: boolean; duration?: number; secret?: string
  permissions: RobotPermissionSet[]
}
export type RobotCreated = { id: number; name: string; secret: string; creation_time: string; expires_at: number }

/** `project`: for a project robot, its project as the route resolved and checked it. */
export async function createRobot(deps: Deps, creator: Principal, input: RobotCreate, clientIp: string, project?: ProjectRef): Promise<RobotCreated> {
  if (!NAME.test(input.name) || input.name.length > 128) {
    throw new AppError('BAD_REQUEST', { name: input.name }, 'robot name is not in lower case or contains illegal characters')
  }
  const duration = input.duration ?? -1
  checkDuration(duration)
  if (input.level === 'project' && !project) throw new AppError('PROJECT_UNKNOWN', undefined, 'a project robot needs its project')
  if (input.level === 'system') project = undefined
  const perms = await checkPermissions(deps, input.level, input.permissions, project)
  if (!(await creatorCovers(deps, creator, perms))) throw new AppError('FORBIDDEN', undefined, "a robot's permissions may not exceed its creator's")
  if (input.secret !== undefined) {
    const problem = passwordProblem(input.secret)
    if (problem) throw new AppError('BAD_REQUEST', undefined, `secret: ${problem}`)
  }
  const secret = input.secret ?? generateSecret()
  const stored = project ? `${project.name}+${input.name}` : input.name
  const nowDate = deps.clock.now()
  const now = nowDate.toISOString()
  const { duration: days, expiresAt } = expiry(duration, nowDate)
  const hash = await hashPassword(secret, deps.passwordCost)
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await findRobotByName(trx, stored)) throw new AppError('CONFLICT', { name: stored }, `robot ${fullRobotName(stored)} already exists`)
    const robotId = await insertRobot(trx, {
      name: stored, description: input.description ?? '', projectId: project?.id ?? 0, level: input.level, secret: hash,
      duration: days, expiresAt, disabled: input.disable ?? false, ...creatorOf(creator), now,
    })
    await replaceRobotPermissions(trx, robotId, perms)
    await recordAudit(trx, { projectId: project?.id ?? 0, operation: 'create', resourceType: 'robot', resource: fullRobotName(stored), username: principalName(creator), clientIp }, now)
    return robotId
  }).catch((err: unknown) => {
    // two creators racing past the lookup (in parallel on PostgreSQL): the unique index decides
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', { name: stored }, `robot ${fullRobotName(stored)} already exists`)
    throw err
  })
  await invalidateAuth(deps)
  return { id, name: fullRobotName(stored), secret, creation_time: now, expires_at: expiresAt }
}

export type RobotUpdate = {
  name?: string; description?: string; level: RobotLevel; disable?: boolean; duration?: number | null; expires_at?: number
  permissions: RobotPermissionSet[]
}

/** Harbor's UpdateRobot: description, disable, duration (or, ours, expires_at) and permissions. */
export async function updateRobot(deps: Deps, updater: Principal, id: number, input: RobotUpdate, clientIp: string): Promise<void> {
  const row = await getRobotRow(deps, id)
  if (input.level !== row.level) throw new AppError('BAD_REQUEST', undefined, 'cannot update the level or name of robot')
  if (input.name !== undefined && input.name !== fullRobotName(row.name) && input.name !== row.name) {
    throw new AppError('BAD_REQUEST', undefined, 'cannot update the level or name of robot')
  }
  const project = row.level === 'project' ? await findProjectRefById(deps, row.project_id) : undefined
  if (row.level === 'project' && !project) throw new AppError('NOT_FOUND', { robot: id }, `robot ${id} not found`)
  const perms = await checkPermissions(deps, row.level, input.permissions, project)
  if (!(await creatorCovers(deps, updater, perms))) throw new AppError('FORBIDDEN', undefined, "a robot's permissions may not exceed its updater's")
  const before = await listRobotPermissions(deps.db, id)
  const patch: RobotPatch = { description: input.description ?? row.description, disabled: input.disable ?? row.disabled === 1 }
  if (input.duration !== undefined && input.duration !== null && input.duration !== row.duration) {
    checkDuration(input.duration)
    const e = expiry(input.duration, new Date(row.creation_time))
    patch.duration = e.duration
    patch.expiresAt = e.expiresAt
  } else if (input.expires_at !== undefined && input.expires_at !== row.expires_at) {
    // ours: Harbor derives expires_at from duration only; tools echo it back unchanged, so a new
    // value is a deliberate choice of the moment the robot stops working
    if (!Number.isSafeInteger(input.expires_at) || input.expires_at < -1) throw new AppError('BAD_REQUEST', undefined, 'expires_at is unix seconds or -1')
    patch.expiresAt = input.expires_at
  }
  // tokens issued before a change of what the robot may do, or of whether it may do anything, die with it
  patch.revoke = patch.disabled !== (row.disabled === 1) || patch.expiresAt !== undefined || !samePermissions(before, perms)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await updateRobotRow(trx, id, patch, now)
    await replaceRobotPermissions(trx, id, perms)
    await recordAudit(trx, { projectId: row.project_id, operation: 'update', resourceType: 'robot', resource: fullRobotName(row.name), username: principalName(updater), clientIp }, now)
  })
  await invalidateAuth(deps)
}

function samePermissions(a: RobotPermission[], b: RobotPermission[]): boolean {
  const key = (p: RobotPermission) => `${p.kind}\0${p.projectId}\0${p.namespace}\0${p.resource}\0${p.action}`
  const left = new Set(a.map(key))
  return a.length === b.length && b.every((p) => left.has(key(p)))
}

/**
 * Harbor's RefreshSec: sets the given secret (then answers ''), or generates one and answers it.
 * Whoever sets a robot's secret can act as that robot, so the caller must hold every permission
 * the robot has (as for creating it); a robot may always refresh its own.
 */
export async function refreshRobotSecret(deps: Deps, actor: Principal, id: number, secret: string | undefined, clientIp: string): Promise<{ secret: string }> {
  const row = await getRobotRow(deps, id)
  const self = actor.kind === 'robot' && actor.id === id
  if (!self && !(await creatorCovers(deps, actor, await listRobotPermissions(deps.db, id)))) {
    throw new AppError('FORBIDDEN', undefined, "a robot's secret may be refreshed only by a caller holding all of its permissions")
  }
  let shown = ''
  let next = secret ?? ''
  if (next !== '') {
    const problem = passwordProblem(next)
    if (problem) throw new AppError('BAD_REQUEST', undefined, `secret: ${problem}`)
  } else {
    next = generateSecret()
    shown = next
  }
  const hash = await hashPassword(next, deps.passwordCost)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await updateRobotRow(trx, id, { secret: hash, revoke: true }, now)
    await recordAudit(trx, { projectId: row.project_id, operation: 'update', resourceType: 'robot', resource: fullRobotName(row.name), username: principalName(actor), clientIp }, now)
  })
  await invalidateAuth(deps)
  return { secret: shown }
}

export async function deleteRobot(deps: Deps, actor: Principal, id: number, clientIp: string): Promise<void> {
  const row = await getRobotRow(deps, id)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteRobotRow(trx, id))) throw new AppError('NOT_FOUND', { robot: id }, `robot ${id} not found`)
    await recordAudit(trx, { projectId: row.project_id, operation: 'delete', resourceType: 'robot', resource: fullRobotName(row.name), username: principalName(actor), clientIp }, now)
  })
  await invalidateAuth(deps)
}
