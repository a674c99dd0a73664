// The one way a write empties the caches its change made stale, here and on every other instance
// (the protocol: src/cache/invalidations.ts). Callers await it after their commit and before they
// answer, so no instance serves a stale entry once the client has seen the write succeed.
import type { Deps } from './deps.js'
import type { Db } from './db/schema.js'
import type { Invalidation } from './cache/invalidations.js'
import { applyRegistryInvalidation } from './registry/invalidate.js'
import type { RegistryCache } from './registry/cache.js'
import { clearAuthCache, type AuthCache } from './iam/auth-cache.js'
import { forgetSettings } from './config/settings.js'

/** Clears this instance's entries for `what`, then tells every other instance. */
export async function invalidate(deps: Deps, what: Invalidation): Promise<void> {
  applyInvalidation(deps, what)
  await deps.invalidations.publish(what)
}

/** Empties this instance's caches for `what` (also what the bus calls for other instances' writes). */
export function applyInvalidation(caches: { cache: RegistryCache; authCache: AuthCache; db: Db }, what: Invalidation): void {
  switch (what.kind) {
    case 'auth':
      return clearAuthCache(caches.authCache)
    case 'settings':
      return forgetSettings(caches.db)
    case 'all':
      applyRegistryInvalidation(caches.cache, what)
      clearAuthCache(caches.authCache)
      return forgetSettings(caches.db)
    default:
      return applyRegistryInvalidation(caches.cache, what)
  }
}
