// Cache invalidation of the registry's read path, by what a write changed. Every write that
// changes what /v2 reads (on /v2 or through the REST API) calls one of these after its commit and
// awaits it: it clears this instance's entries and tells every other instance (src/invalidation.ts).
import type { Deps } from '../deps.js'
import type { Invalidation } from '../cache/invalidations.js'
import { invalidate } from '../invalidation.js'
import { cacheKey, type RegistryCache } from './cache.js'

/** After tags of the repository changed (moved, added or deleted). */
export function forgetTags(deps: Deps, repository: string, tags: string[]): Promise<void> {
  return invalidate(deps, { kind: 'tags', repository, tags })
}

/** After artifacts (and their manifest links) left the repository, or were pushed to it. */
export function forgetArtifacts(deps: Deps, repository: string, digests: string[]): Promise<void> {
  return invalidate(deps, { kind: 'artifacts', repository, digests })
}

/** After blobs were linked into the repository or unlinked from it. */
export function forgetLinks(deps: Deps, repository: string, digests: string[]): Promise<void> {
  return invalidate(deps, { kind: 'links', repository, digests })
}

/** After the repository went wholesale. */
export function forgetRepository(deps: Deps, repository: string): Promise<void> {
  return invalidate(deps, { kind: 'repository', repository })
}

type RegistryInvalidation = Extract<Invalidation, { repository: string }> | { kind: 'all' }

/**
 * Empties this instance's entries for `what`, moving the epoch first so that reads in flight
 * (which noted the old epoch before going to the database) do not fill them again.
 */
export function applyRegistryInvalidation(cache: RegistryCache, what: RegistryInvalidation): void {
  cache.epoch++
  switch (what.kind) {
    case 'tags':
      for (const tag of what.tags) cache.tags.delete(cacheKey(what.repository, tag))
      cache.tagLists.delete(what.repository)
      return
    case 'artifacts':
      for (const d of what.digests) {
        cache.artifacts.delete(cacheKey(what.repository, d))
        cache.links.delete(cacheKey(what.repository, d))
      }
      return
    case 'links':
      for (const d of what.digests) cache.links.delete(cacheKey(what.repository, d))
      return
    case 'repository': {
      const prefix = cacheKey(what.repository, '')
      cache.tags.deletePrefix(prefix)
      cache.artifacts.deletePrefix(prefix)
      cache.links.deletePrefix(prefix)
      cache.tagLists.delete(what.repository)
      cache.repositories.delete(what.repository)
      return
    }
    case 'all':
      // manifests are content-addressed: bytes under a digest never change
      cache.repositories.clear()
      cache.tags.clear()
      cache.artifacts.clear()
      cache.links.clear()
      cache.tagLists.clear()
      return
  }
}
