// The database answers tags, catalog and referrers; never a directory walk.
import type { Deps } from '../deps.js'
import { listTagNames } from '../db/tags.js'
import { listRepositoryNames } from '../db/repositories.js'
import { listReferrers as selectReferrers } from '../db/artifacts.js'
import { assertDigest } from './grammar.js'
import { OCI_INDEX } from './media-types.js'
import { findRepositoryId, requireRepositoryId } from './repositories.js'

export type Page<T> = { items: T[]; /** the `last` of the next page, when there is one */ next?: string }

const MAX_PAGE = 10_000

/** Tags in lexical order, paged: cut from the repository's cached sorted list, loaded once per change. */
export async function listTags(deps: Deps, repository: string, opts: { n?: number; last?: string }): Promise<Page<string>> {
  let all = deps.cache.tagLists.get(repository)
  if (!all) {
    const epoch = deps.cache.epoch
    const repositoryId = await requireRepositoryId(deps, repository)
    const loaded = await listTagNames(deps.db, repositoryId, { limit: Number.MAX_SAFE_INTEGER })
    if (epoch === deps.cache.epoch) deps.cache.tagLists.set(repository, loaded)
    all = loaded
  }
  const from = opts.last === undefined ? 0 : firstAfter(all, opts.last)
  const tags = all
  return page(opts, async (limit) => tags.slice(from, from + limit), MAX_PAGE)
}

/** Index of the first name sorting after `last` (binary search; the list is in SQL byte order). */
function firstAfter(sorted: string[], last: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! <= last) lo = mid + 1
    else hi = mid
  }
  return lo
}

export async function listRepositories(deps: Deps, opts: { n?: number; last?: string }): Promise<Page<string>> {
  return page(opts, (limit) => listRepositoryNames(deps.db, { last: opts.last, limit }), 100)
}

async function page(opts: { n?: number }, fetch: (limit: number) => Promise<string[]>, defaultSize: number): Promise<Page<string>> {
  const size = Math.min(opts.n ?? defaultSize, MAX_PAGE)
  if (size === 0) return { items: [] }
  const rows = await fetch(size + 1)
  if (rows.length <= size) return { items: rows }
  const items = rows.slice(0, size)
  return { items, next: items[items.length - 1] }
}

export type ReferrersIndex = {
  schemaVersion: 2
  mediaType: typeof OCI_INDEX
  manifests: Array<{ mediaType: string; digest: string; size: number; artifactType?: string; annotations?: Record<string, string> }>
}

/** OCI 1.1 referrers: an image index of the manifests whose subject is `digest`. */
export async function listReferrers(deps: Deps, repository: string, digest: string, artifactType?: string): Promise<ReferrersIndex> {
  assertDigest(digest)
  const repositoryId = await findRepositoryId(deps, repository)
  const rows = repositoryId === undefined ? [] : await selectReferrers(deps.db, repositoryId, digest, artifactType)
  return {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: rows.map((r) => ({
      mediaType: r.manifest_media_type,
      digest: r.digest,
      size: r.size,
      ...(r.artifact_type ? { artifactType: r.artifact_type } : {}),
      ...(r.annotations ? { annotations: JSON.parse(r.annotations) as Record<string, string> } : {}),
    })),
  }
}
