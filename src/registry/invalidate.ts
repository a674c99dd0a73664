// Cache invalidation for changes made outside /v2 (the REST API): every key /v2 reads.
import type { Deps } from '../deps.js'
import { cacheKey, invalidate } from './cache.js'

/** After tags of the repository changed. */
export function forgetTags(deps: Deps, repository: string, tags: Iterable<string>): void {
  for (const tag of tags) invalidate(deps.cache, deps.cache.tags, cacheKey(repository, tag))
  invalidate(deps.cache, deps.cache.tagLists, repository)
}

/** After an artifact (and its manifest link) left the repository. */
export function forgetArtifact(deps: Deps, repository: string, digest: string): void {
  invalidate(deps.cache, deps.cache.artifacts, cacheKey(repository, digest))
  invalidate(deps.cache, deps.cache.links, cacheKey(repository, digest))
}

/** After blobs were linked into the repository (a copy): negative lookups are not cached, but be safe. */
export function forgetLinks(deps: Deps, repository: string, digests: Iterable<string>): void {
  for (const d of digests) invalidate(deps.cache, deps.cache.links, cacheKey(repository, d))
}

/** After the repository went wholesale. */
export function forgetRepository(deps: Deps, repository: string): void {
  deps.cache.epoch++
  const prefix = cacheKey(repository, '')
  deps.cache.tags.deletePrefix(prefix)
  deps.cache.artifacts.deletePrefix(prefix)
  deps.cache.links.deletePrefix(prefix)
  deps.cache.tagLists.delete(repository)
  deps.cache.repositories.delete(repository)
}
