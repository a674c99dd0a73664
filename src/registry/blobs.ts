// Reading, deleting and mounting blobs. A repository sees a blob only through its own link.
import { AppError, NotFound } from '../errors.js'
import type { Deps } from '../deps.js'
import { findLinkedBlob, linkBlob, unlinkBlob } from '../db/blobs.js'
import { blobKey } from '../storage/paths.js'
import type { BlobReader } from '../storage/blob-store.js'
import { cacheKey } from './cache.js'
import { forgetLinks } from './invalidate.js'
import { findRepositoryId, ensureRepositoryForPush } from './repositories.js'

/** Size of the blob if `repository` links it; throws BLOB_UNKNOWN otherwise. */
export async function statBlob(deps: Deps, repository: string, digest: string): Promise<number> {
  const key = cacheKey(repository, digest)
  const cached = deps.cache.links.get(key)
  if (cached !== undefined) return cached
  const epoch = deps.cache.epoch
  const repositoryId = await findRepositoryId(deps, repository)
  const found = repositoryId === undefined ? undefined : await findLinkedBlob(deps.db, repositoryId, digest)
  if (!found) throw new AppError('BLOB_UNKNOWN', { digest })
  if (epoch === deps.cache.epoch) deps.cache.links.set(key, found.size)
  return found.size
}

export async function openBlob(deps: Deps, repository: string, digest: string): Promise<BlobReader> {
  await statBlob(deps, repository, digest)
  try {
    return await deps.blobs.open(blobKey(digest))
  } catch (err) {
    if (err instanceof NotFound) throw new AppError('BLOB_UNKNOWN', { digest })
    throw err
  }
}

/**
 * Where the bytes of a blob `repository` links may be fetched other than through Berth, once the
 * caller is authorized: a presigned URL of the object store (storage.redirect enabled and the
 * store can presign), or the internal path nginx serves a filesystem store's file from
 * (storage.filesystem.x_accel_redirect). Null: stream it. Throws BLOB_UNKNOWN as statBlob does.
 */
export async function blobElsewhere(deps: Deps, repository: string, digest: string): Promise<{ redirect: string } | { internal: string } | null> {
  const { redirect, type, filesystem } = deps.config.storage
  if (redirect.disable && !(type === 'filesystem' && filesystem.x_accel_redirect)) return null
  await statBlob(deps, repository, digest)
  if (!redirect.disable) {
    const url = await deps.blobs.presignedUrl(blobKey(digest), redirect.expiry_seconds)
    if (url) return { redirect: url }
  }
  // the filesystem store keeps key K at <rootdirectory>/blobs/K; nginx aliases the prefix there
  if (type === 'filesystem' && filesystem.x_accel_redirect) return { internal: `${filesystem.x_accel_redirect.replace(/\/+$/, '')}/${blobKey(digest)}` }
  return null
}

/** Unlinks the blob from the repository; the bytes stay for other repositories until GC. */
export async function deleteBlob(deps: Deps, repository: string, digest: string): Promise<void> {
  const repositoryId = await findRepositoryId(deps, repository)
  const removed = repositoryId !== undefined && (await unlinkBlob(deps.db, repositoryId, digest))
  await forgetLinks(deps, repository, [digest])
  if (!removed) throw new AppError('BLOB_UNKNOWN', { digest })
}

/**
 * distribution-spec "Mounting a blob from another repository": links the blob into `repository`
 * when `from` links it. Returns false when it cannot, and the caller opens an upload instead.
 */
export async function mountBlob(deps: Deps, repository: string, digest: string, from: string): Promise<boolean> {
  try {
    await statBlob(deps, from, digest)
  } catch (err) {
    if (err instanceof AppError && err.code === 'BLOB_UNKNOWN') return false
    throw err
  }
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const repositoryId = await ensureRepositoryForPush(deps, trx, repository, now)
    await linkBlob(trx, repositoryId, digest, now)
  })
  await forgetLinks(deps, repository, [digest])
  return true
}
