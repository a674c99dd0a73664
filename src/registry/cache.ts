// What the read path keeps in memory so a manifest or blob HEAD is one map lookup.
// Keys start with the repository name and a NUL, which no name, tag or digest contains.
import { LruCache } from '../cache/memory.js'
import type { TagTarget } from '../db/tags.js'

export type ManifestMeta = { digest: string; mediaType: string; size: number }

export type RegistryCache = {
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
}

export function createRegistryCache(opts: { entries: number; manifestBytes: number }): RegistryCache {
  return {
    repositories: new LruCache(Math.max(1, Math.floor(opts.entries / 10))),
    tags: new LruCache(opts.entries),
    artifacts: new LruCache(opts.entries),
    links: new LruCache(opts.entries),
    manifests: new LruCache(opts.manifestBytes, (b) => b.length + 64),
  }
}

export const cacheKey = (repository: string, item: string) => `${repository}\0${item}`
