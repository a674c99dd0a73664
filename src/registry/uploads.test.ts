// Blob uploads as a service, on a real SQLite database and filesystem store in a temp dir.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { AppError, type ErrorCode } from '../errors.js'
import { loadConfig, type ConfigInput } from '../config/load.js'
import { openDeps, type Clock, type Deps } from '../deps.js'
import { blobKey } from '../storage/paths.js'
import { appendUpload, cancelUpload, finishUpload, purgeUploads, startUpload, uploadLockKey, uploadStatus, uploadWhole } from './uploads.js'
import { statBlob } from './blobs.js'
import { TEST_PASSWORD_COST } from '../../test/helpers/berth.js'
import { manualClock } from '../../test/helpers/clock.js'

const REPO = 'library/app'
const OWNER = 'admin'

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const sha512 = (b: Buffer) => `sha512:${createHash('sha512').update(b).digest('hex')}`
const bytes = (n: number, fill: number) => Buffer.alloc(n, fill)
const body = (...parts: Buffer[]) => Readable.from(parts)

type Options = { config?: ConfigInput; clock?: Clock }

async function openOn(dataDir: string, opts: Options = {}): Promise<Deps> {
  const config = loadConfig({ file: null, env: {}, overrides: { ...opts.config, data_volume: dataDir, log: { level: 'silent' } } })
  return openDeps(config, { passwordCost: TEST_PASSWORD_COST, clock: opts.clock })
}

/** A fresh data dir and deps for one test; `reopen` simulates a restart on the same data. */
function withDeps(title: string, fn: (ctx: { deps: Deps; reopen(): Promise<Deps> }) => Promise<void>, opts: Options = {}) {
  test(title, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'berth-uploads-'))
    const opened: Deps[] = []
    try {
      opened.push(await openOn(dataDir, opts))
      await fn({
        deps: opened[0]!,
        async reopen() {
          await opened[opened.length - 1]!.close()
          const next = await openOn(dataDir, opts)
          opened.push(next)
          return next
        },
      })
    } finally {
      for (const d of opened) await d.close().catch(() => {})
      await rm(dataDir, { recursive: true, force: true })
    }
  })
}

async function rejectsWith(p: Promise<unknown>, code: ErrorCode) {
  await assert.rejects(p, (err: unknown) => err instanceof AppError && err.code === code, `expected ${code}`)
}

/** Whether a request holds the upload's lease (asked the way any instance would). */
async function isBusy(deps: Deps, id: string): Promise<boolean> {
  const lock = await deps.locks.tryAcquire(uploadLockKey(id), 1000)
  await lock?.release()
  return lock === null
}

/** Waits until a request holds the upload's lease. */
async function busy(deps: Deps, id: string) {
  for (let i = 0; i < 10_000 && !(await isBusy(deps, id)); i++) await new Promise((r) => setImmediate(r))
  assert.ok(await isBusy(deps, id), 'the first request never took the upload')
}

/** The bytes the upload's file holds (filesystem store): what a torn request left. */
async function uploadFileSize(deps: Deps, id: string): Promise<number> {
  return (await stat(join(deps.config.storage.filesystem.rootdirectory, 'uploads', id))).size
}

async function storedBlob(deps: Deps, digest: string): Promise<Buffer> {
  return deps.blobs.readSmall(blobKey(digest))
}

async function uploadArea(deps: Deps): Promise<string[]> {
  const ids: string[] = []
  for await (const u of deps.blobs.listUploads()) ids.push(u.id)
  return ids.sort()
}

describe('uploads: start, append, finish', () => {
  withDeps('a chunked upload becomes a blob linked to the repository', async ({ deps }) => {
    const a = bytes(1000, 1)
    const b = bytes(70_000, 2)
    const { id, size } = await startUpload(deps, REPO, OWNER)
    assert.equal(size, 0)
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 0 })
    assert.deepEqual(await appendUpload(deps, REPO, id, body(a), { start: 0, end: a.length - 1 }), { id, size: a.length })
    assert.deepEqual(await appendUpload(deps, REPO, id, body(b)), { id, size: a.length + b.length })
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: a.length + b.length })
    const c = bytes(5, 3)
    const whole = Buffer.concat([a, b, c])
    assert.deepEqual(await finishUpload(deps, REPO, id, sha256(whole), body(c)), { digest: sha256(whole), size: whole.length })
    assert.ok((await storedBlob(deps, sha256(whole))).equals(whole))
    assert.equal(await statBlob(deps, REPO, sha256(whole)), whole.length)
    await rejectsWith(uploadStatus(deps, REPO, id), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [])
    assert.equal(deps.uploads.size, 0, 'no hash state is kept for a finished upload')
  })

  withDeps('a monolithic upload, an empty blob and a sha512 digest', async ({ deps }) => {
    const data = bytes(4096, 9)
    assert.deepEqual(await uploadWhole(deps, REPO, OWNER, sha256(data), body(data)), { digest: sha256(data), size: data.length })
    const empty = Buffer.alloc(0)
    const { id } = await startUpload(deps, REPO, OWNER)
    assert.equal((await finishUpload(deps, REPO, id, sha256(empty), null)).size, 0)
    assert.equal(await statBlob(deps, REPO, sha256(empty)), 0)
    const { id: id512 } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id512, body(data))
    await finishUpload(deps, REPO, id512, sha512(data), null)
    assert.ok((await storedBlob(deps, sha512(data))).equals(data))
    assert.deepEqual(await uploadArea(deps), [])
  })

  withDeps('the same blob uploaded twice is one blob', async ({ deps }) => {
    const data = bytes(300, 4)
    for (let i = 0; i < 2; i++) {
      const { id } = await startUpload(deps, REPO, OWNER)
      await finishUpload(deps, REPO, id, sha256(data), body(data))
    }
    assert.ok((await storedBlob(deps, sha256(data))).equals(data))
    assert.deepEqual(await uploadArea(deps), [])
  })

  withDeps('an upload belongs to its repository', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    await rejectsWith(uploadStatus(deps, 'library/other', id), 'BLOB_UPLOAD_UNKNOWN')
    await rejectsWith(appendUpload(deps, 'library/other', id, body(bytes(1, 1))), 'BLOB_UPLOAD_UNKNOWN')
    await rejectsWith(uploadStatus(deps, REPO, randomUUID()), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 0 })
    await cancelUpload(deps, REPO, id)
  })

  withDeps('start refuses a bad name and leaves nothing', async ({ deps }) => {
    await rejectsWith(startUpload(deps, 'NoProject', OWNER), 'NAME_INVALID')
    await rejectsWith(startUpload(deps, 'library/../x', OWNER), 'NAME_INVALID')
    assert.deepEqual(await uploadArea(deps), [])
  })

  withDeps('a chunk not at the end of the upload is RANGE_INVALID and writes nothing', async ({ deps }) => {
    const a = bytes(100, 1)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a))
    await rejectsWith(appendUpload(deps, REPO, id, body(bytes(10, 2)), { start: 50, end: 59 }), 'RANGE_INVALID')
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 100 })
    const b = bytes(10, 3)
    await appendUpload(deps, REPO, id, body(b), { start: 100, end: 109 })
    await finishUpload(deps, REPO, id, sha256(Buffer.concat([a, b])), null)
  })

  withDeps('a chunk shorter than its Content-Range is SIZE_INVALID, and the upload recovers', async ({ deps }) => {
    const a = bytes(100, 1)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a), { start: 0, end: 99 })
    await rejectsWith(appendUpload(deps, REPO, id, body(bytes(5, 7)), { start: 100, end: 149 }), 'SIZE_INVALID')
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 100 }, 'the refused chunk is not acknowledged')
    const b = bytes(50, 2)
    await appendUpload(deps, REPO, id, body(b), { start: 100, end: 149 })
    const whole = Buffer.concat([a, b])
    await finishUpload(deps, REPO, id, sha256(whole), null)
    assert.ok((await storedBlob(deps, sha256(whole))).equals(whole))
  })

  withDeps('a second request on a busy upload is BLOB_UPLOAD_BUSY; the first still completes', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    const slow = new PassThrough()
    const first = appendUpload(deps, REPO, id, slow)
    slow.write(bytes(10, 1))
    await busy(deps, id)
    await rejectsWith(appendUpload(deps, REPO, id, body(bytes(1, 2))), 'BLOB_UPLOAD_BUSY')
    await rejectsWith(finishUpload(deps, REPO, id, sha256(bytes(10, 1)), null), 'BLOB_UPLOAD_BUSY')
    await rejectsWith(cancelUpload(deps, REPO, id), 'BLOB_UPLOAD_BUSY')
    slow.end(bytes(10, 1))
    assert.equal((await first).size, 20)
    await finishUpload(deps, REPO, id, sha256(bytes(20, 1)), null)
  })

  withDeps('cancel removes the row and the bytes', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(bytes(10, 1)))
    await cancelUpload(deps, REPO, id)
    await rejectsWith(uploadStatus(deps, REPO, id), 'BLOB_UPLOAD_UNKNOWN')
    await rejectsWith(cancelUpload(deps, REPO, id), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [])
  })
})

describe('uploads: resuming', () => {
  withDeps('after the in-memory hash is dropped, the digest is still right', async ({ deps }) => {
    const a = bytes(300_000, 1)
    const b = bytes(123, 2)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a))
    deps.uploads.clear()
    await appendUpload(deps, REPO, id, body(b))
    deps.uploads.clear()
    const whole = Buffer.concat([a, b])
    assert.deepEqual(await finishUpload(deps, REPO, id, sha256(whole), null), { digest: sha256(whole), size: whole.length })
  })

  withDeps('after a restart on the same data dir, the upload resumes', async ({ deps, reopen }) => {
    const a = bytes(1000, 5)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a), { start: 0, end: 999 })
    const again = await reopen()
    assert.deepEqual(await uploadStatus(again, REPO, id), { id, size: 1000 })
    const b = bytes(24, 6)
    await appendUpload(again, REPO, id, body(b), { start: 1000, end: 1023 })
    const whole = Buffer.concat([a, b])
    await finishUpload(again, REPO, id, sha256(whole), null)
    assert.ok((await storedBlob(again, sha256(whole))).equals(whole))
  })

  withDeps('extra bytes past the acknowledged size (a torn request) are cut off', async ({ deps }) => {
    const a = bytes(500, 1)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a))
    // a request wrote more, then the process died before acknowledging it
    await deps.blobs.writeUpload(id, a.length, body(bytes(777, 0xee)))
    deps.uploads.clear()
    const b = bytes(10, 2)
    await appendUpload(deps, REPO, id, body(b), { start: 500, end: 509 })
    const whole = Buffer.concat([a, b])
    await finishUpload(deps, REPO, id, sha256(whole), null)
    assert.ok((await storedBlob(deps, sha256(whole))).equals(whole))
  })

  withDeps('extra bytes are cut off before a finish without a body too (sha256 and sha512)', async ({ deps }) => {
    for (const [digestOf, fill] of [[sha256, 1], [sha512, 2]] as const) {
      const a = bytes(500, fill)
      const { id } = await startUpload(deps, REPO, OWNER)
      await appendUpload(deps, REPO, id, body(a))
      await deps.blobs.writeUpload(id, a.length, body(bytes(3, 0xee)))
      deps.uploads.clear()
      await finishUpload(deps, REPO, id, digestOf(a), null)
      assert.ok((await storedBlob(deps, digestOf(a))).equals(a))
    }
  })

  withDeps('a client that goes away mid-chunk: the chunk is not acknowledged and can be sent again', async ({ deps }) => {
    const a = bytes(1000, 1)
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(a))
    async function* torn() {
      yield bytes(400, 9)
      // the store writes what it was given before it rejects (appendFile's contract): no wait needed
      throw new Error('connection reset')
    }
    await assert.rejects(appendUpload(deps, REPO, id, Readable.from(torn())))
    assert.equal(await uploadFileSize(deps, id), 1400, 'the torn bytes are in the store (the case under test)')
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 1000 })
    // a shorter retry: any torn bytes left past it would end up in the blob
    const b = bytes(100, 2)
    await appendUpload(deps, REPO, id, body(b), { start: 1000, end: 1099 })
    const whole = Buffer.concat([a, b])
    await finishUpload(deps, REPO, id, sha256(whole), null)
    assert.ok((await storedBlob(deps, sha256(whole))).equals(whole))
  })

  withDeps('bytes lost from the store: BLOB_UPLOAD_UNKNOWN, and the row goes too', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(bytes(100, 1)))
    await deps.blobs.deleteUpload(id)
    deps.uploads.clear()
    await rejectsWith(appendUpload(deps, REPO, id, body(bytes(1, 1))), 'BLOB_UPLOAD_UNKNOWN')
    await rejectsWith(uploadStatus(deps, REPO, id), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [])
  })
})

describe('uploads: digest mismatch', () => {
  withDeps('DIGEST_INVALID leaves nothing visible', async ({ deps }) => {
    const data = bytes(2000, 1)
    const wrong = sha256(bytes(2000, 2))
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(data))
    await rejectsWith(finishUpload(deps, REPO, id, wrong, body(bytes(1, 1))), 'DIGEST_INVALID')
    await rejectsWith(statBlob(deps, REPO, wrong), 'BLOB_UNKNOWN')
    await rejectsWith(statBlob(deps, REPO, sha256(data)), 'BLOB_UNKNOWN')
    assert.equal(await deps.blobs.stat(blobKey(wrong)), null)
    assert.equal(await deps.blobs.stat(blobKey(sha256(Buffer.concat([data, bytes(1, 1)])))), null)
    await rejectsWith(uploadStatus(deps, REPO, id), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [])
    assert.equal(deps.uploads.size, 0)
  })

  withDeps('DIGEST_INVALID on a monolithic and a sha512 upload leaves nothing either', async ({ deps }) => {
    const data = bytes(100, 1)
    await rejectsWith(uploadWhole(deps, REPO, OWNER, sha256(bytes(100, 2)), body(data)), 'DIGEST_INVALID')
    const { id } = await startUpload(deps, REPO, OWNER)
    await rejectsWith(finishUpload(deps, REPO, id, sha512(bytes(100, 2)), body(data)), 'DIGEST_INVALID')
    await rejectsWith(statBlob(deps, REPO, sha256(data)), 'BLOB_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [])
    const rows = await deps.db.selectFrom('upload').select('id').execute()
    assert.deepEqual(rows, [])
  })

  withDeps('a malformed digest is refused before anything happens', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(bytes(10, 1)))
    await rejectsWith(finishUpload(deps, REPO, id, 'sha256:nope', null), 'DIGEST_INVALID')
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 10 }, 'the upload survives a malformed digest')
    await finishUpload(deps, REPO, id, sha256(bytes(10, 1)), null)
  })
})

describe('uploads: purging', () => {
  withDeps('removes stale rows and orphan files, keeps fresh uploads', async ({ deps }) => {
    const now = Date.now()
    const clockAt = (ms: number) => { deps.clock = { now: () => new Date(ms) } }

    clockAt(Date.parse('2020-01-01T00:00:00Z'))
    const stale = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, stale.id, body(bytes(10, 1)))

    // a fresh upload last touched after the cutoff
    clockAt(now + 2 * 86_400_000)
    const fresh = await startUpload(deps, REPO, OWNER)
    const freshBytes = bytes(20, 2)
    await appendUpload(deps, REPO, fresh.id, body(freshBytes))

    // bytes with no row: a crash between creating the file and inserting the row
    const orphan = randomUUID()
    await deps.blobs.writeUpload(orphan, 0, body(bytes(5, 3)))

    clockAt(now)
    const removed = await purgeUploads(deps, new Date(now + 86_400_000))
    assert.equal(removed, 2)
    await rejectsWith(uploadStatus(deps, REPO, stale.id), 'BLOB_UPLOAD_UNKNOWN')
    assert.deepEqual(await uploadArea(deps), [fresh.id])

    // the fresh one is whole and still finishes
    assert.deepEqual(await uploadStatus(deps, REPO, fresh.id), { id: fresh.id, size: 20 })
    await finishUpload(deps, REPO, fresh.id, sha256(freshBytes), null)
    assert.deepEqual(await uploadArea(deps), [])
  })

  withDeps('with a cutoff in the past, nothing is removed', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    await appendUpload(deps, REPO, id, body(bytes(3, 1)))
    const orphan = randomUUID()
    await deps.blobs.writeUpload(orphan, 0, body(bytes(1, 1)))
    assert.equal(await purgeUploads(deps, new Date(Date.now() - 3_600_000)), 0)
    assert.deepEqual(await uploadArea(deps), [id, orphan].sort())
    await cancelUpload(deps, REPO, id)
    await deps.blobs.deleteUpload(orphan)
  })

  withDeps('a stray file in the upload area that is no upload id is not counted as removed', async ({ deps }) => {
    // e.g. an editor's backup or .DS_Store next to the upload files
    await mkdir(join(deps.config.storage.filesystem.rootdirectory, 'uploads'), { recursive: true })
    await writeFile(join(deps.config.storage.filesystem.rootdirectory, 'uploads', 'README'), 'not an upload')
    assert.equal(await purgeUploads(deps, new Date(Date.now() + 86_400_000)), 0)
  })

  withDeps('a busy upload is not purged', async ({ deps }) => {
    const { id } = await startUpload(deps, REPO, OWNER)
    const slow = new PassThrough()
    const pending = appendUpload(deps, REPO, id, slow)
    slow.write(bytes(10, 1))
    await busy(deps, id)
    assert.equal(await purgeUploads(deps, new Date(Date.now() + 86_400_000)), 0)
    slow.end()
    assert.equal((await pending).size, 10)
    assert.deepEqual(await uploadStatus(deps, REPO, id), { id, size: 10 })
    await cancelUpload(deps, REPO, id)
  })
})

describe('uploads: open sessions per user and repository (registry.upload_sessions)', () => {
  const caps: Options = { config: { registry: { upload_sessions: { max_per_user_repository: 2, max_per_user: 3 } } } }
  const OTHER_REPO = 'library/other'
  const THIRD_REPO = 'library/third'

  withDeps('beyond the cap in one repository: TOO_MANY_REQUESTS; other users and repositories are not affected', async ({ deps }) => {
    await startUpload(deps, REPO, 'alice')
    await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')
    await rejectsWith(uploadWhole(deps, REPO, 'alice', sha256(bytes(3, 1)), body(bytes(3, 1))), 'TOO_MANY_REQUESTS')
    await startUpload(deps, REPO, 'bob')
    await startUpload(deps, REPO, 'robot$ci')
    // a third session of alice's elsewhere is within max_per_user (3), a fourth is not
    await startUpload(deps, OTHER_REPO, 'alice')
    await assert.rejects(startUpload(deps, THIRD_REPO, 'alice'), (err: unknown) =>
      err instanceof AppError && err.code === 'TOO_MANY_REQUESTS' && /at most 3 in all repositories/.test(err.message))
  }, caps)

  withDeps('two sessions opened at once for the last slot: one gets it', async ({ deps }) => {
    await startUpload(deps, REPO, 'alice')
    const results = await Promise.allSettled([startUpload(deps, REPO, 'alice'), startUpload(deps, REPO, 'alice'), startUpload(deps, REPO, 'alice')])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
  }, caps)

  withDeps('finishing, cancelling, a digest mismatch and purging each free a slot', async ({ deps }) => {
    const a = await startUpload(deps, REPO, 'alice')
    const b = await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')

    const data = bytes(10, 4)
    await finishUpload(deps, REPO, a.id, sha256(data), body(data))
    const c = await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')

    await cancelUpload(deps, REPO, b.id)
    await startUpload(deps, REPO, 'alice')

    await rejectsWith(finishUpload(deps, REPO, c.id, sha256(bytes(1, 1)), body(bytes(2, 2))), 'DIGEST_INVALID')
    const e = await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')

    // a monolithic upload that fails its digest does not keep its slot either
    await cancelUpload(deps, REPO, e.id)
    await rejectsWith(uploadWhole(deps, REPO, 'alice', sha256(bytes(1, 1)), body(bytes(2, 2))), 'DIGEST_INVALID')
    await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')

    assert.equal(await purgeUploads(deps, new Date(Date.now() + 86_400_000)), 2)
    await startUpload(deps, REPO, 'alice')
    await startUpload(deps, REPO, 'alice')
  }, caps)

  withDeps('the count survives a restart: it is the rows, not process memory', async ({ deps, reopen }) => {
    const a = await startUpload(deps, REPO, 'alice')
    await startUpload(deps, REPO, 'alice')
    const after = await reopen()
    await rejectsWith(startUpload(after, REPO, 'alice'), 'TOO_MANY_REQUESTS')
    await cancelUpload(after, REPO, a.id)
    await startUpload(after, REPO, 'alice')
  }, caps)

  const clock = manualClock()
  withDeps('a session untouched for the purge age no longer counts, even before the purge runs', async ({ deps }) => {
    await startUpload(deps, REPO, 'alice')
    clock.advance(30_000)
    await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')
    clock.advance(31_000) // the first is now 61 s old, past age_seconds
    await startUpload(deps, REPO, 'alice')
    await rejectsWith(startUpload(deps, REPO, 'alice'), 'TOO_MANY_REQUESTS')
  }, { clock, config: { registry: { upload_sessions: { max_per_user_repository: 2, max_per_user: 10 }, upload_purging: { age_seconds: 60 } } } })
})
