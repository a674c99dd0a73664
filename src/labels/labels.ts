// Harbor's labels: global (scope g, system admins) and per project (scope p), and their use on artifacts.
import type { Deps } from '../deps.js'
import { isUniqueViolation } from '../db/dialect.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/log.js'
import type { LabelRow } from '../db/schema.js'
import {
  countLabels, deleteArtifactLabel, deleteLabel as deleteLabelRow, findLabelById, findLabelByName, insertArtifactLabel,
  insertLabel, listLabels as listLabelRows, updateLabel as updateLabelRow, type LabelFilter,
} from '../db/labels.js'

export type Actor = { username: string; clientIp: string }
export type LabelInput = { name: string; description: string; color: string; scope: 'g' | 'p'; projectId: number }

/** Harbor's label name rule: 1–128 characters, not blank. */
function checkName(name: string): void {
  if (name.trim() === '' || name.length > 128) throw new AppError('BAD_REQUEST', { name }, 'label name must be 1 to 128 characters')
}

export async function requireLabel(deps: Deps, id: number): Promise<LabelRow> {
  const row = await findLabelById(deps.db, id)
  if (!row) throw new AppError('NOT_FOUND', { label: id }, `label ${id} not found`)
  return row
}

export async function listLabels(deps: Deps, filter: LabelFilter, sort: Array<{ field: 'name' | 'id' | 'creation_time' | 'update_time'; desc: boolean }>, page: { offset: number; limit: number }) {
  const total = await countLabels(deps.db, filter)
  return { total, items: total === 0 ? [] : await listLabelRows(deps.db, filter, sort, page) }
}

export async function createLabel(deps: Deps, actor: Actor, input: LabelInput): Promise<number> {
  checkName(input.name)
  const now = deps.clock.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    if (await findLabelByName(trx, input.name, input.scope, input.projectId)) throw new AppError('CONFLICT', { name: input.name }, `label ${input.name} already exists`)
    const id = await insertLabel(trx, { name: input.name, description: input.description, color: input.color, scope: input.scope, project_id: input.projectId }, now)
    await recordAudit(trx, { projectId: input.projectId, operation: 'create', resourceType: 'label', resource: input.name, username: actor.username, clientIp: actor.clientIp }, now)
    return id
  }).catch(nameTaken(input.name))
}

/** Two writers racing past the lookup (instances on PostgreSQL run them in parallel): the unique index decides. */
function nameTaken(name: string) {
  return (err: unknown): never => {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', { name }, `label ${name} already exists`)
    throw err
  }
}

export async function updateLabel(deps: Deps, actor: Actor, label: LabelRow, set: { name?: string | undefined; description?: string | undefined; color?: string | undefined }): Promise<void> {
  const next = { name: set.name ?? label.name, description: set.description ?? label.description, color: set.color ?? label.color }
  checkName(next.name)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const same = await findLabelByName(trx, next.name, label.scope, label.project_id)
    if (same && same.id !== label.id) throw new AppError('CONFLICT', { name: next.name }, `label ${next.name} already exists`)
    await updateLabelRow(trx, label.id, next, now)
    await recordAudit(trx, { projectId: label.project_id, operation: 'update', resourceType: 'label', resource: next.name, username: actor.username, clientIp: actor.clientIp }, now)
  }).catch(nameTaken(next.name))
}

/** Deletes the label; it leaves every artifact it was on (foreign keys cascade). */
export async function deleteLabel(deps: Deps, actor: Actor, label: LabelRow): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await deleteLabelRow(trx, label.id)
    await recordAudit(trx, { projectId: label.project_id, operation: 'delete', resourceType: 'label', resource: label.name, username: actor.username, clientIp: actor.clientIp }, now)
  })
}

/** Harbor's RequireLabelInProject: a global label, or one of this project's. */
export async function requireLabelForProject(deps: Deps, labelId: number, projectId: number): Promise<LabelRow> {
  const label = await findLabelById(deps.db, labelId)
  if (!label || (label.scope === 'p' && label.project_id !== projectId)) throw new AppError('NOT_FOUND', { label: labelId }, `label ${labelId} not found`)
  return label
}

export async function addArtifactLabel(deps: Deps, actor: Actor, projectId: number, artifact: { id: number; resource: string }, label: LabelRow): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    if (!(await insertArtifactLabel(trx, artifact.id, label.id, now))) throw new AppError('CONFLICT', { label: label.id }, `label ${label.id} is already on the artifact`)
    await recordAudit(trx, { projectId, operation: 'create', resourceType: 'artifact-label', resource: `${artifact.resource}#${label.name}`, username: actor.username, clientIp: actor.clientIp }, now)
  })
}

export async function removeArtifactLabel(deps: Deps, actor: Actor, projectId: number, artifact: { id: number; resource: string }, labelId: number): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteArtifactLabel(trx, artifact.id, labelId))) throw new AppError('NOT_FOUND', { label: labelId }, `label ${labelId} is not on the artifact`)
    await recordAudit(trx, { projectId, operation: 'delete', resourceType: 'artifact-label', resource: `${artifact.resource}#${labelId}`, username: actor.username, clientIp: actor.clientIp }, now)
  })
}
