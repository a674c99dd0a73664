// BlobStore on a local (or shared) filesystem. Objects appear by rename(2), which is atomic,
// so a crash at any moment leaves either the whole object or nothing under blobs/. Every
// directory is created 0700 and every file 0600 (a rename keeps the mode).
import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, readdir, rename, stat, truncate, unlink, writeFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { NotFound } from '../errors.js'
import type { BlobReader, BlobStore } from './blob-store.js'
import { blobPath, isUploadId, uploadPath } from './paths.js'
import { takeBuffer, giveBuffer } from './buffer-pool.js'
import { appendFile } from './append-file.js'
import { PRIVATE_DIR, PRIVATE_FILE } from './private-files.js'

export function createFilesystemStore(opts: { root: string }): BlobStore {
  const root = opts.root
  const madeDirs = new Set<string>()
  const ensureDir = async (dir: string) => {
    if (madeDirs.has(dir)) return
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR })
    madeDirs.add(dir)
  }

  return {
    async stat(key) {
      try {
        const s = await stat(blobPath(root, key))
        return { size: s.size }
      } catch (err) {
        if (isNotFound(err)) return null
        throw err
      }
    },

    async open(key) {
      let fh
      try {
        fh = await open(blobPath(root, key), 'r')
      } catch (err) {
        if (isNotFound(err)) throw new NotFound(key)
        throw err
      }
      const { size } = await fh.stat()
      const reader: BlobReader = {
        size,
        async pipeTo(sink, range) {
          let pos = range?.start ?? 0
          const end = range?.end ?? size - 1
          let inFlight: Promise<void> | null = null
          try {
            while (pos <= end) {
              const buf = takeBuffer(end - pos + 1)
              const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos + 1), pos)
              if (bytesRead === 0) {
                giveBuffer(buf)
                throw new Error(`blob ${key} is shorter than expected`)
              }
              // At most one write in flight: the next read overlaps it, and a buffer returns to the
              // pool only once the socket has taken its bytes.
              if (inFlight) await inFlight
              inFlight = new Promise<void>((resolve, reject) => {
                sink.write(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead), (err) => {
                  giveBuffer(buf)
                  if (err) reject(err)
                  else resolve()
                })
              })
              inFlight.catch(() => {}) // a write may fail while the next read is pending; the await below still throws it
              pos += bytesRead
            }
            if (inFlight) await inFlight
          } finally {
            // a rejected write still settles; make sure no rejection goes unhandled
            inFlight?.catch(() => {})
          }
        },
        close: () => fh.close(),
      }
      return reader
    },

    async readSmall(key) {
      try {
        return await readFile(blobPath(root, key))
      } catch (err) {
        if (isNotFound(err)) throw new NotFound(key)
        throw err
      }
    },

    async writeSmall(key, data) {
      const target = blobPath(root, key)
      const tmpDir = join(root, 'tmp')
      await ensureDir(tmpDir)
      await ensureDir(dirname(target))
      const tmp = join(tmpDir, randomUUID())
      await writeFile(tmp, data, { mode: PRIVATE_FILE })
      await rename(tmp, target)
    },

    async delete(key) {
      try {
        await unlink(blobPath(root, key))
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
    },

    async writeUpload(id, offset, source, onChunk) {
      const path = uploadPath(root, id)
      await ensureDir(dirname(path))
      // one file per upload, written in place: a torn request's bytes past `offset` are cut off first
      return appendFile(path, offset, source, onChunk)
    },

    async *readUpload(id, size) {
      const path = uploadPath(root, id)
      if (size === 0) return
      await assertStored(path, size, id)
      for await (const chunk of createReadStream(path, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 })) yield chunk as Buffer
    },

    async commitUpload(id, size, key) {
      const from = uploadPath(root, id)
      const target = blobPath(root, key)
      if (size === 0 && (await sizeOf(from)) === null) {
        // an empty upload never wrote a file
        await ensureDir(dirname(from))
        await writeFile(from, '', { mode: PRIVATE_FILE })
      } else {
        const stored = await assertStored(from, size, id)
        if (stored > size) await truncate(from, size)
      }
      await ensureDir(dirname(target))
      // Same digest, same bytes: a second writer simply replaces the first, atomically.
      await rename(from, target)
    },

    async writeVerified(id, key, source, onChunk, verify) {
      const from = uploadPath(root, id)
      const target = blobPath(root, key)
      await ensureDir(dirname(from))
      try {
        const size = await appendFile(from, 0, source, onChunk)
        await verify(size)
        await ensureDir(dirname(target))
        await rename(from, target)
        return size
      } catch (err) {
        await rm(from, { force: true })
        throw err
      }
    },

    async deleteUpload(id) {
      await rm(uploadPath(root, id), { force: true })
    },

    async *listUploads() {
      let names: string[]
      try {
        names = await readdir(join(root, 'uploads'))
      } catch (err) {
        if (isNotFound(err)) return
        throw err
      }
      for (const id of names) {
        if (!isUploadId(id)) continue // not ours (an editor's backup, .DS_Store)
        try {
          const s = await stat(join(root, 'uploads', id))
          yield { id, modified: s.mtime }
        } catch (err) {
          if (!isNotFound(err)) throw err
        }
      }
    },

    async purgeIncomplete(before) {
      // writeSmall's scratch files, left by a crash between write and rename
      let names: string[]
      try {
        names = await readdir(join(root, 'tmp'))
      } catch (err) {
        if (isNotFound(err)) return 0
        throw err
      }
      let removed = 0
      for (const name of names) {
        const path = join(root, 'tmp', name)
        try {
          if ((await stat(path)).mtime < before) {
            await unlink(path)
            removed++
          }
        } catch (err) {
          if (!isNotFound(err)) throw err
        }
      }
      return removed
    },

    async presignedUrl() {
      return null
    },

    async close() {},
  }
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

/** The stored size of an upload file, which must hold at least `size` bytes. */
async function assertStored(path: string, size: number, id: string): Promise<number> {
  const stored = await sizeOf(path)
  if (stored === null || stored < size) throw new NotFound(id)
  return stored
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT'
}
