// Blob uploads: sessions, streamed and chunked appends, the digest check and the commit.
//
//   POST   /v2/<name>/blobs/uploads/            → startUpload           202, Location: …/uploads/<id>
//   PATCH  /v2/<name>/blobs/uploads/<id>        → appendUpload          202, Range: 0-<size-1>
//   PUT    /v2/<name>/blobs/uploads/<id>?digest → finishUpload          201, Location: …/blobs/<digest>
//   GET    /v2/<name>/blobs/uploads/<id>        → uploadStatus          204, Range
//   DELETE /v2/<name>/blobs/uploads/<id>        → cancelUpload          204
//
// The sha256 is computed as bytes stream in. The database row records the bytes acknowledged to
// the client; if this process lost the hash (restart, or a torn request), the upload is cut back
// to that size and re-hashed from the store, so a chunked upload resumes after a crash.
import { createHash, randomUUID, type Hash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { AppError } from '../errors.js'
import type { Deps } from '../deps.js'
import { countOpenUploads, deleteUploadRow, findUpload, insertUploadWithinCaps, listUploadsUpdatedBefore, updateUploadSize, hasUpload, type UploadCaps } from '../db/uploads.js'
import { insertBlob, linkBlob } from '../db/blobs.js'
import { blobKey } from '../storage/paths.js'
import { assertDigest, digestAlgorithm, parseRepositoryName } from './grammar.js'
import { cacheKey, invalidate } from './cache.js'
import { ensureRepositoryForPush } from './repositories.js'

type UploadState = { hash: Hash; size: number; busy: boolean }
export type UploadStates = Map<string, UploadState>

export type UploadInfo = { id: string; size: number }

/**
 * Opens an upload session for `owner` (the principal's name). Refused with TOO_MANY_REQUESTS when
 * the owner already holds registry.upload_sessions.max_per_user_repository sessions in this
 * repository or max_per_user in all; a session frees its slot when it completes, is cancelled or
 * purged, since the count is of the rows themselves.
 */
export async function startUpload(deps: Deps, repository: string, owner: string): Promise<UploadInfo> {
  parseRepositoryName(repository)
  const id = randomUUID()
  const now = deps.clock.now()
  const caps = uploadCaps(deps, now)
  // The row first: a crash right after leaves a row the purge finds, never an untracked file.
  if (!(await insertUploadWithinCaps(deps.db, { id, repository, owner, now: now.toISOString() }, caps))) {
    const inRepository = await countOpenUploads(deps.db, owner, caps.since, repository)
    const [limit, where] = inRepository >= caps.perRepository ? [caps.perRepository, 'in this repository'] : [caps.perOwner, 'in all repositories']
    throw new AppError('TOO_MANY_REQUESTS', { repository, limit },
      `too many open upload sessions: at most ${limit} ${where}; finish or cancel one first`)
  }
  await deps.blobs.createUpload(id)
  deps.uploads.set(id, { hash: createHash('sha256'), size: 0, busy: false })
  return { id, size: 0 }
}

export async function uploadStatus(deps: Deps, repository: string, id: string): Promise<UploadInfo> {
  const row = await findUpload(deps.db, id)
  if (!row || row.repository !== repository) throw new AppError('BLOB_UPLOAD_UNKNOWN', { id })
  return { id, size: row.size }
}

/**
 * Appends the body to the upload. `range` (from Content-Range) must start at the current size,
 * or the request is refused with 416 and nothing is written.
 */
export async function appendUpload(
  deps: Deps, repository: string, id: string, body: Readable,
  range?: { start: number; end: number },
): Promise<UploadInfo> {
  const state = await claim(deps, repository, id)
  try {
    if (range && range.start !== state.size) throw new AppError('RANGE_INVALID', { size: state.size, start: range.start })
    await write(deps, id, state, body)
    if (range && state.size !== range.end + 1) {
      // The body did not match its Content-Range: forget the hash so the next request recovers.
      deps.uploads.delete(id)
      throw new AppError('SIZE_INVALID', { expected: range.end - range.start + 1 })
    }
    await updateUploadSize(deps.db, id, state.size, deps.clock.now().toISOString())
    return { id, size: state.size }
  } finally {
    state.busy = false
  }
}

/** Appends the final chunk (if any), checks the digest, and makes the blob visible in `repository`. */
export async function finishUpload(deps: Deps, repository: string, id: string, digest: string, body: Readable | null): Promise<{ digest: string; size: number }> {
  assertDigest(digest)
  const state = await claim(deps, repository, id)
  let committed = false
  try {
    if (body) await write(deps, id, state, body)
    const actual = digestAlgorithm(digest) === 'sha256'
      ? `sha256:${state.hash.digest('hex')}`
      : await rehash(deps, id, 'sha512')
    deps.uploads.delete(id)
    if (actual !== digest) {
      // distribution cancels the upload on a mismatch; nothing of it becomes visible
      await discardUpload(deps, id)
      throw new AppError('DIGEST_INVALID', { digest, actual })
    }
    await deps.blobs.commitUpload(id, blobKey(digest))
    committed = true
    const now = deps.clock.now().toISOString()
    await deps.db.transaction().execute(async (trx) => {
      const repositoryId = await ensureRepositoryForPush(deps, trx, repository, now)
      await insertBlob(trx, digest, state.size, now)
      await linkBlob(trx, repositoryId, digest, now)
      await deleteUploadRow(trx, id)
    })
    invalidate(deps.cache, deps.cache.links, cacheKey(repository, digest))
    return { digest, size: state.size }
  } finally {
    state.busy = false
    if (!committed) deps.uploads.delete(id)
  }
}

export async function cancelUpload(deps: Deps, repository: string, id: string): Promise<void> {
  const row = await findUpload(deps.db, id)
  if (!row || row.repository !== repository) throw new AppError('BLOB_UPLOAD_UNKNOWN', { id })
  if (deps.uploads.get(id)?.busy) throw new AppError('BLOB_UPLOAD_BUSY', { id })
  await discardUpload(deps, id)
}

/** Monolithic upload in one request (POST ?digest=): a session that opens and closes at once. */
export async function uploadWhole(deps: Deps, repository: string, owner: string, digest: string, body: Readable): Promise<{ digest: string; size: number }> {
  assertDigest(digest)
  const { id } = await startUpload(deps, repository, owner)
  try {
    return await finishUpload(deps, repository, id, digest, body)
  } catch (err) {
    await discardUpload(deps, id)
    throw err
  }
}

/**
 * Reclaims abandoned uploads: rows untouched since `before`, and files in the upload area that no
 * row owns (a crash between the two). Returns how many it removed.
 */
export async function purgeUploads(deps: Deps, before: Date): Promise<number> {
  let removed = 0
  const cutoff = before.toISOString()
  for (const id of await listUploadsUpdatedBefore(deps.db, cutoff)) {
    if (deps.uploads.get(id)?.busy) continue
    await discardUpload(deps, id)
    removed++
  }
  for await (const { id, modified } of deps.blobs.listUploads()) {
    if (modified < before && !(await hasUpload(deps.db, id))) {
      try {
        await deps.blobs.deleteUpload(id)
        removed++
      } catch (err) {
        deps.log.warn({ err, id }, 'cannot remove a file in the upload area')
      }
    }
  }
  return removed
}

/** Sessions not written to within the purge age are abandoned: they no longer count. */
function uploadCaps(deps: Deps, now: Date): UploadCaps {
  const { upload_sessions: sessions, upload_purging: purging } = deps.config.registry
  return {
    perRepository: sessions.max_per_user_repository,
    perOwner: sessions.max_per_user,
    since: purging.enabled ? new Date(now.getTime() - purging.age_seconds * 1000).toISOString() : null,
  }
}

async function discardUpload(deps: Deps, id: string): Promise<void> {
  deps.uploads.delete(id)
  await deleteUploadRow(deps.db, id)
  await deps.blobs.deleteUpload(id)
}

/** Takes the upload for one request; rebuilds the hash if this process does not hold it. */
async function claim(deps: Deps, repository: string, id: string): Promise<UploadState> {
  const row = await findUpload(deps.db, id)
  if (!row || row.repository !== repository) throw new AppError('BLOB_UPLOAD_UNKNOWN', { id })
  let state = deps.uploads.get(id)
  if (state?.busy) throw new AppError('BLOB_UPLOAD_BUSY', { id })
  if (!state || state.size !== row.size) {
    const stored = await deps.blobs.uploadSize(id)
    if (stored === null || stored < row.size) {
      await discardUpload(deps, id)
      throw new AppError('BLOB_UPLOAD_UNKNOWN', { id, reason: 'upload data lost' })
    }
    if (stored > row.size) await deps.blobs.truncateUpload(id, row.size)
    const hash = createHash('sha256')
    for await (const chunk of deps.blobs.readUpload(id)) hash.update(chunk as Buffer)
    state = { hash, size: row.size, busy: false }
    deps.uploads.set(id, state)
  }
  state.busy = true
  return state
}

async function write(deps: Deps, id: string, state: UploadState, body: Readable): Promise<void> {
  const { hash } = state
  let added = 0
  try {
    await deps.blobs.appendUpload(id, state.size, body, (chunk) => {
      hash.update(chunk)
      added += chunk.length
    })
  } catch (err) {
    // Bytes may be half written and the hash has seen them: drop the state, the row still holds the truth.
    deps.uploads.delete(id)
    throw err
  }
  state.size += added
  deps.metrics.blobBytesReceived.inc(added)
}

async function rehash(deps: Deps, id: string, algorithm: 'sha256' | 'sha512'): Promise<string> {
  const hash = createHash(algorithm)
  for await (const chunk of deps.blobs.readUpload(id)) hash.update(chunk as Buffer)
  return `${algorithm}:${hash.digest('hex')}`
}
