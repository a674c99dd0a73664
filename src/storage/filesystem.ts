// BlobStore on a local (or shared) filesystem. Objects appear by rename(2), which is atomic,
// so a crash at any moment leaves either the whole object or nothing under blobs/. Every
// directory is created 0700 and every file 0600 (a rename keeps the mode).
import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, readdir, rename, stat, truncate, unlink, writeFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { NotFound } from '../errors.js'
import type { BlobReader, BlobStore } from './blob-store.js'
import { blobPath, uploadPath } from './paths.js'
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

    async createUpload(id) {
      const path = uploadPath(root, id)
      await ensureDir(dirname(path))
      await writeFile(path, '', { mode: PRIVATE_FILE })
    },

    async uploadSize(id) {
      try {
        return (await stat(uploadPath(root, id))).size
      } catch (err) {
        if (isNotFound(err)) return null
        throw err
      }
    },

    async appendUpload(id, offset, source, onChunk) {
      try {
        return await appendFile(uploadPath(root, id), offset, source, onChunk)
      } catch (err) {
        if (isNotFound(err)) throw new NotFound(id)
        throw err
      }
    },

    async truncateUpload(id, size) {
      await truncate(uploadPath(root, id), size)
    },

    readUpload(id) {
      return createReadStream(uploadPath(root, id), { highWaterMark: 1024 * 1024 })
    },

    async commitUpload(id, key) {
      const from = uploadPath(root, id)
      const target = blobPath(root, key)
      await ensureDir(dirname(target))
      // Same digest, same bytes: a second writer simply replaces the first, atomically.
      await rename(from, target)
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
        try {
          const s = await stat(join(root, 'uploads', id))
          yield { id, modified: s.mtime }
        } catch (err) {
          if (!isNotFound(err)) throw err
        }
      }
    },
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT'
}
