// What the read path keeps in memory so a manifest or blob HEAD is one map lookup.
// Keys start with the repository name and a NUL, which no name, tag or digest contains.
import { LruCache } from '../cache/memory.js'
import type { TagTarget } from '../db/tags.js'

export type ManifestMeta = { digest: string; mediaType: string; size: number }

export type RegistryCache = {
  /**
   * Bumped by every invalidation, this instance's or another's (src/registry/invalidate.ts). A reader notes it before going to the database and fills the
   * cache only if it has not moved, so a delete racing a read never leaves a stale entry behind.
   */
  epoch: number
  /** repository name → ids */
  repositories: LruCache<{ id: number }>
  /** name\0tag → the artifact it points at */
  tags: LruCache<TagTarget>
  /** name\0digest → manifest metadata, present only for artifacts of that repository */
  artifacts: LruCache<ManifestMeta>
  /** name\0digest → size, present only while the repository links the blob */
  links: LruCache<number>
  /** digest → manifest bytes (content-addressed, so never stale) */
  manifests: LruCache<Buffer>
  /** repository name → all its tag names, sorted; pages are cut from it */
  tagLists: LruCache<string[]>
}

export function createRegistryCache(opts: { entries: number; manifestBytes: number }): RegistryCache {
  return {
    epoch: 0,
    repositories: new LruCache(Math.max(1, Math.floor(opts.entries / 10))),
    tags: new LruCache(opts.entries),
    artifacts: new LruCache(opts.entries),
    links: new LruCache(opts.entries),
    manifests: new LruCache(opts.manifestBytes, (b) => b.length + 64),
    // weighed in tag names, so a few huge repositories cannot hold unbounded memory
    tagLists: new LruCache(opts.entries, (tags) => tags.length + 1),
  }
}

export const cacheKey = (repository: string, item: string) => `${repository}\0${item}`
