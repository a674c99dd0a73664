// Project lookups every authorization needs, remembered briefly (src/iam/auth-cache.ts).
import type { Deps } from '../deps.js'
import { findProjectById, findProjectByName } from '../db/projects.js'
import { AUTH_CACHE_MS, type ProjectRef } from '../iam/auth-cache.js'

export async function findProjectRef(deps: Deps, name: string): Promise<ProjectRef | undefined> {
  const now = Date.now()
  const hit = deps.authCache.projects.get(name)
  if (hit && hit.until > now) return hit.ref
  const epoch = deps.authCache.epoch
  const row = await findProjectByName(deps.db, name)
  if (!row) return undefined
  const ref = { id: row.project_id, name: row.name, public: row.public === 1 }
  if (epoch === deps.authCache.epoch) deps.authCache.projects.set(name, { ref, until: now + AUTH_CACHE_MS })
  return ref
}

export async function findProjectRefById(deps: Deps, id: number): Promise<ProjectRef | undefined> {
  const row = await findProjectById(deps.db, id)
  return row && { id: row.project_id, name: row.name, public: row.public === 1 }
}
