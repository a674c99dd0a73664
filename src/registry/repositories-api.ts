// Harbor's repository resource (/api/v2.0/…/repositories): listing with counts, description, and
// deleting a repository with everything in it.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/log.js'
import type { RepositoryRow } from '../db/schema.js'
import {
  countRepositories, deleteRepositoryRow, findRepositoryByName, listRepositories as listRepositoryRows,
  updateRepositoryDescription, type RepositoryFilter, type RepositorySort,
} from '../db/repositories.js'
import { countArtifactsByRepository } from '../db/artifacts.js'
import { parseRepositoryName } from './grammar.js'
import { forgetRepository } from './invalidate.js'

export type Actor = { username: string; clientIp: string }

export type RepositoryView = RepositoryRow & { artifact_count: number }

/**
 * The full name from Harbor's {repository_name}: clients encode it twice (a/b → a%252Fb), the
 * router decoded it once, we decode the rest. Anything not in the name grammar is a 400.
 */
export function fullRepositoryName(project: string, raw: string): string {
  let name: string
  try {
    name = decodeURIComponent(raw)
  } catch {
    throw new AppError('NAME_INVALID', { name: raw })
  }
  return parseRepositoryName(`${project}/${name}`).repository
}

export async function listRepositories(deps: Deps, filter: RepositoryFilter, sort: RepositorySort[], page: { offset: number; limit: number }): Promise<{ total: number; items: RepositoryView[] }> {
  const total = await countRepositories(deps.db, filter)
  const rows = total === 0 ? [] : await listRepositoryRows(deps.db, filter, sort, page)
  const counts = await countArtifactsByRepository(deps.db, rows.map((r) => r.repository_id))
  return { total, items: rows.map((r) => ({ ...r, artifact_count: counts.get(r.repository_id) ?? 0 })) }
}

export async function requireRepository(deps: Deps, projectId: number, name: string): Promise<RepositoryRow> {
  const row = await findRepositoryByName(deps.db, name)
  if (!row || row.project_id !== projectId) throw new AppError('NOT_FOUND', { repository: name }, `repository ${name} not found`)
  return row
}

export async function getRepository(deps: Deps, projectId: number, name: string): Promise<RepositoryView> {
  const row = await requireRepository(deps, projectId, name)
  const counts = await countArtifactsByRepository(deps.db, [row.repository_id])
  return { ...row, artifact_count: counts.get(row.repository_id) ?? 0 }
}

export async function updateRepository(deps: Deps, actor: Actor, projectId: number, name: string, description: string): Promise<void> {
  const row = await requireRepository(deps, projectId, name)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await updateRepositoryDescription(trx, row.repository_id, description, now)
    await recordAudit(trx, { projectId, operation: 'update', resourceType: 'repository', resource: name, username: actor.username, clientIp: actor.clientIp }, now)
  })
}

/** Deletes the repository with its artifacts, tags and blob links, as /v2 deletes manifests: rows only, GC takes the bytes. */
export async function deleteRepository(deps: Deps, actor: Actor, projectId: number, name: string): Promise<void> {
  const row = await requireRepository(deps, projectId, name)
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      await deleteRepositoryRow(trx, row.repository_id)
      await recordAudit(trx, { projectId, operation: 'delete', resourceType: 'repository', resource: name, username: actor.username, clientIp: actor.clientIp }, now)
    })
  } finally {
    await forgetRepository(deps, name)
  }
}
