// Blob uploads: sessions, streamed and chunked appends, the digest check and the commit.
//
//   POST   /v2/<name>/blobs/uploads/            → startUpload           202, Location: …/uploads/<id>
//   PATCH  /v2/<name>/blobs/uploads/<id>        → appendUpload          202, Range: 0-<size-1>
//   PUT    /v2/<name>/blobs/uploads/<id>?digest → finishUpload          201, Location: …/blobs/<digest>
//   GET    /v2/<name>/blobs/uploads/<id>        → uploadStatus          204, Range
//   DELETE /v2/<name>/blobs/uploads/<id>        → cancelUpload          204
//
// The sha256 is computed as bytes stream in. The database row records the bytes acknowledged to
// the client; the store keeps the bytes, and ignores any it holds past the row's size (a torn
// request). A request holds the upload through a lease in deps.locks (shared by all instances,
// renewed while the body streams), so a chunked upload may start on one instance, continue on
// another and finish on a third, and the death of any of them loses nothing acknowledged. The
// hash state kept in this process is only a cache: valid while its size equals the row's, else
// the hash is rebuilt from the store's bytes when the upload finishes.
//
// A digest known before the body (POST ?digest=, or a PUT that carries the whole blob) streams
// straight to the blob's own key, which appears only once the digest checks.
import { createHash, randomUUID, type Hash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { AppError, NotFound } from '../errors.js'
import type { Deps } from '../deps.js'
import type { Lock } from '../cache/locks.js'
import { countOpenUploads, deleteUploadRow, findUpload, insertUploadWithinCaps, listUploadsUpdatedBefore, updateUploadSize, hasUpload, type UploadCaps } from '../db/uploads.js'
import type { UploadRow } from '../db/schema.js'
import { insertBlob, linkBlob } from '../db/blobs.js'
import { blobKey } from '../storage/paths.js'
import { assertDigest, digestAlgorithm, parseRepositoryName } from './grammar.js'
import { forgetLinks } from './invalidate.js'
import { ensureRepositoryForPush } from './repositories.js'

type UploadState = { hash: Hash; size: number }
/** Hash state of uploads this process wrote last, by id: a cache, valid only at the row's size. */
export type UploadStates = Map<string, UploadState>

export type UploadInfo = { id: string; size: number }

/** How long a request holds an upload without renewing; renewed every third of it while a body streams. */
export const UPLOAD_LEASE_MS = 30_000

/** The deps.locks key of an upload: whoever holds it is the one request writing to the upload. */
export function uploadLockKey(id: string): string {
  return `upload:${id}`
}

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
  deps.uploads.set(id, { hash: createHash('sha256'), size: 0 })
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
  const { row, lock } = await claim(deps, repository, id)
  try {
    if (range && range.start !== row.size) throw new AppError('RANGE_INVALID', { size: row.size, start: range.start })
    const state = cachedState(deps, id, row.size)
    const size = row.size + (await write(deps, id, row.size, body, state?.hash, lock))
    if (range && size !== range.end + 1) {
      // The body did not match its Content-Range: not acknowledged, so the store drops it next time.
      deps.uploads.delete(id)
      throw new AppError('SIZE_INVALID', { expected: range.end - range.start + 1 })
    }
    await updateUploadSize(deps.db, id, size, deps.clock.now().toISOString())
    if (state) state.size = size
    return { id, size }
  } finally {
    await lock.release()
  }
}

/** Appends the final chunk (if any), checks the digest, and makes the blob visible in `repository`. */
export async function finishUpload(deps: Deps, repository: string, id: string, digest: string, body: Readable | null): Promise<{ digest: string; size: number }> {
  assertDigest(digest)
  const { row, lock } = await claim(deps, repository, id)
  let size: number
  try {
    try {
      if (body && row.size === 0) {
        // The whole blob in this request: straight to its key, visible only once the digest checks.
        const hash = createHash(digestAlgorithm(digest))
        size = await holding(lock, body, (source) => deps.blobs.writeVerified(id, blobKey(digest), source, (chunk) => hash.update(chunk), () => {
          assertSameDigest(digest, `${digestAlgorithm(digest)}:${hash.digest('hex')}`)
        }))
        deps.metrics.blobBytesReceived.inc(size)
      } else {
        size = row.size
        const state = cachedState(deps, id, size)
        if (body) size += await write(deps, id, size, body, state?.hash, lock)
        const actual = digestAlgorithm(digest) === 'sha256' && state
          ? `sha256:${state.hash.digest('hex')}`
          : await rehash(deps, id, size, digestAlgorithm(digest))
        deps.uploads.delete(id)
        assertSameDigest(digest, actual)
        await deps.blobs.commitUpload(id, size, blobKey(digest)).catch(async (err: unknown) => {
          throw err instanceof NotFound ? await uploadLost(deps, id) : err
        })
      }
    } catch (err) {
      deps.uploads.delete(id)
      if (err instanceof AppError && err.code === 'DIGEST_INVALID') await discardUpload(deps, id) // distribution cancels the upload on a mismatch
      throw err
    }
    const now = deps.clock.now().toISOString()
    await deps.db.transaction().execute(async (trx) => {
      const repositoryId = await ensureRepositoryForPush(deps, trx, repository, now)
      await insertBlob(trx, digest, size, now)
      await linkBlob(trx, repositoryId, digest, now)
      await deleteUploadRow(trx, id)
    })
    await forgetLinks(deps, repository, [digest])
    return { digest, size }
  } finally {
    await lock.release()
  }
}

export async function cancelUpload(deps: Deps, repository: string, id: string): Promise<void> {
  const { lock } = await claim(deps, repository, id)
  try {
    await discardUpload(deps, id)
  } finally {
    await lock.release()
  }
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
 * Reclaims abandoned uploads: rows untouched since `before` (unless a request holds one), upload
 * areas in the store that no row owns (a crash between the two), and writes the store never
 * finished. Returns how many it removed.
 */
export async function purgeUploads(deps: Deps, before: Date): Promise<number> {
  let removed = 0
  const cutoff = before.toISOString()
  for (const id of await listUploadsUpdatedBefore(deps.db, cutoff)) {
    const lock = await deps.locks.tryAcquire(uploadLockKey(id), UPLOAD_LEASE_MS)
    if (!lock) continue // a request is writing to it right now
    try {
      await discardUpload(deps, id)
      removed++
    } finally {
      await lock.release()
    }
  }
  for await (const { id, modified } of deps.blobs.listUploads()) {
    if (modified < before && !(await hasUpload(deps.db, id))) {
      try {
        await deps.blobs.deleteUpload(id)
        removed++
      } catch (err) {
        deps.log.warn({ err, id }, 'cannot remove an upload area')
      }
    }
  }
  removed += await deps.blobs.purgeIncomplete(before)
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

function assertSameDigest(digest: string, actual: string): void {
  if (actual !== digest) throw new AppError('DIGEST_INVALID', { digest, actual })
}

/**
 * Takes the upload for one request: its lease first, then the row as it stands now (another
 * instance may have written to it or finished it a moment ago).
 */
async function claim(deps: Deps, repository: string, id: string): Promise<{ row: UploadRow; lock: Lock }> {
  const lock = await deps.locks.tryAcquire(uploadLockKey(id), UPLOAD_LEASE_MS)
  if (!lock) throw new AppError('BLOB_UPLOAD_BUSY', { id })
  const row = await findUpload(deps.db, id)
  if (!row || row.repository !== repository) {
    await lock.release()
    throw new AppError('BLOB_UPLOAD_UNKNOWN', { id })
  }
  return { row, lock }
}

/** This process's hash of the upload's first `size` bytes, if it has one; a fresh one at 0. */
function cachedState(deps: Deps, id: string, size: number): UploadState | undefined {
  const state = deps.uploads.get(id)
  if (state && state.size === size) return state
  deps.uploads.delete(id)
  if (size !== 0) return undefined
  const fresh = { hash: createHash('sha256'), size: 0 }
  deps.uploads.set(id, fresh)
  return fresh
}

/**
 * Streams `body` into the upload at `offset` while the lease is renewed, feeding `hash` when this
 * process holds the upload's hash; resolves with the bytes written.
 */
async function write(deps: Deps, id: string, offset: number, body: Readable, hash: Hash | undefined, lock: Lock): Promise<number> {
  let added: number
  try {
    added = await holding(lock, body, (source) => deps.blobs.writeUpload(id, offset, source, hash ? (chunk) => hash.update(chunk) : undefined))
  } catch (err) {
    // The hash has seen bytes that will not be acknowledged: drop it, the row still holds the truth.
    deps.uploads.delete(id)
    if (err instanceof NotFound) throw await uploadLost(deps, id)
    throw err
  }
  deps.metrics.blobBytesReceived.inc(added)
  return added
}

/** The store lost bytes the row says were acknowledged: the upload cannot go on. */
async function uploadLost(deps: Deps, id: string): Promise<AppError> {
  await discardUpload(deps, id)
  return new AppError('BLOB_UPLOAD_UNKNOWN', { id, reason: 'upload data lost' })
}

/**
 * Runs `fn` on `body` while renewing the lease; if the lease is lost (this process stalled past
 * it and another request took the upload), the body is cut off so this request writes no further.
 */
async function holding<T>(lock: Lock, body: Readable, fn: (source: Readable) => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    lock.extend(UPLOAD_LEASE_MS).then((held) => {
      if (!held) body.destroy(new Error('the upload lease was lost'))
    }, (err: unknown) => body.destroy(err as Error))
  }, UPLOAD_LEASE_MS / 3)
  timer.unref()
  try {
    return await fn(body)
  } finally {
    clearInterval(timer)
  }
}

async function rehash(deps: Deps, id: string, size: number, algorithm: 'sha256' | 'sha512'): Promise<string> {
  const hash = createHash(algorithm)
  try {
    for await (const chunk of deps.blobs.readUpload(id, size)) hash.update(chunk)
  } catch (err) {
    if (err instanceof NotFound) throw await uploadLost(deps, id)
    throw err
  }
  return `${algorithm}:${hash.digest('hex')}`
}
