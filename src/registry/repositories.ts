import { AppError } from '../errors.js'
import type { Deps } from '../deps.js'
import type { Db } from '../db/schema.js'
import { findRepositoryByName, ensureRepository } from '../db/repositories.js'
import { findProjectByName } from '../db/projects.js'
import { parseRepositoryName } from './grammar.js'

/** The repository's id, or undefined if nothing was ever pushed to it. Cached. */
export async function findRepositoryId(deps: Deps, name: string): Promise<number | undefined> {
  const cached = deps.cache.repositories.get(name)
  if (cached) return cached.id
  const epoch = deps.cache.epoch
  const row = await findRepositoryByName(deps.db, name)
  if (!row) return undefined
  // a deletion while we read must not leave the old id behind
  if (epoch === deps.cache.epoch) deps.cache.repositories.set(name, { id: row.repository_id })
  return row.repository_id
}

export async function requireRepositoryId(deps: Deps, name: string): Promise<number> {
  const id = await findRepositoryId(deps, name)
  if (id === undefined) throw new AppError('NAME_UNKNOWN', { name })
  return id
}

/** The repository's id, created on its first push; the project (the name's first component) must exist, as in Harbor. */
export async function ensureRepositoryForPush(_deps: Deps, trx: Db, name: string, now: string): Promise<number> {
  const { project } = parseRepositoryName(name)
  const row = await findProjectByName(trx, project)
  if (!row) throw new AppError('PROJECT_UNKNOWN', { project }, `project ${project} not found`)
  return ensureRepository(trx, row.project_id, name, now)
}
