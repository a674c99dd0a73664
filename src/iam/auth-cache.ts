// Short-lived in-process memory of authentication and authorization lookups, so the /v2 hot
// path does not run scrypt, JWT signature checks or membership queries on every request.
// Every entry is also bounded by time; any change to members, projects, users or robots bumps
// the epoch and clears the caches on every instance (changes are rare, reads are not).
import { LruCache } from '../cache/memory.js'
import type { Deps } from '../deps.js'
import { invalidate } from '../invalidation.js'
import type { Principal } from './principal.js'

export type ProjectRef = { id: number; name: string; public: boolean }

export type AuthCache = {
  epoch: number
  /** sha256(authorization header) → principal, until `until` (ms) */
  credentials: LruCache<{ principal: Principal; until: number }>
  /** userId:projectId → role id (0: not a member) */
  roles: LruCache<{ role: number; until: number }>
  /** project name → ref */
  projects: LruCache<{ ref: ProjectRef; until: number }>
}

export const AUTH_CACHE_MS = 60_000

export function createAuthCache(): AuthCache {
  return {
    epoch: 0,
    credentials: new LruCache(10_000),
    roles: new LruCache(100_000),
    projects: new LruCache(10_000),
  }
}

/** After any change to who may do what, committed: every instance forgets everything it remembered. */
export function invalidateAuth(deps: Deps): Promise<void> {
  return invalidate(deps, { kind: 'auth' })
}

/** Empties this instance's caches; the epoch moves first, so reads in flight do not fill them again. */
export function clearAuthCache(cache: AuthCache): void {
  cache.epoch++
  cache.credentials.clear()
  cache.roles.clear()
  cache.projects.clear()
}
