// BlobStore on an S3-compatible bucket (AWS S3, MinIO, Ceph RGW; s3rver in tests), with only the
// operations all of them support. Objects appear whole or not at all (PutObject, CopyObject and
// CompleteMultipartUpload are atomic). An upload is a set of segment objects, one per
// acknowledged request, named by the offset its bytes start at (layout atop ./paths.ts): nothing
// is ever appended or rewritten in place, so any instance can continue any upload.
import {
  CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand,
  AbortMultipartUploadCommand, ListObjectsV2Command, S3Client, type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { Readable } from 'node:stream'
import type { Logger } from 'pino'
import { NotFound } from '../errors.js'
import type { BlobReader, BlobStore } from './blob-store.js'
import { assertKey, assertUploadId, isUploadId } from './paths.js'
import { writeObject } from './s3-write.js'

export type S3StoreOptions = {
  bucket: string
  region: string
  /** An S3-compatible server's URL; unset for AWS. */
  endpoint?: string
  accessKey?: string
  secretKey?: string
  /** Key prefix inside the bucket. */
  rootDirectory?: string
  forcePathStyle?: boolean
  /** Part size of multipart uploads (≥ 5 MiB); also the most one upload request holds in memory, twice over. */
  partSize: number
  log?: Pick<Logger, 'warn'>
}

/** CopyObject's limit; bigger single segments are streamed through instead. */
const MAX_COPY = 5 * 1024 * 1024 * 1024
const OFFSET_DIGITS = 16

type Segment = { key: string; start: number; size: number; modified: Date }

export function createS3Store(opts: S3StoreOptions): BlobStore {
  // The SDK warns on Node 20 that its releases after January 2027 will need Node 22; the lockfile
  // pins the release Berth is tested with, so the warning says nothing about this build (an
  // operator's own setting of the variable still wins).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const config: S3ClientConfig = {
    region: opts.region,
    forcePathStyle: opts.forcePathStyle ?? false,
    // Checksums only where S3 requires them: MinIO and Ceph releases still in use reject the
    // newer default (CRC32 trailers on every PutObject/UploadPart).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.accessKey && opts.secretKey ? { credentials: { accessKeyId: opts.accessKey, secretAccessKey: opts.secretKey } } : {}),
  }
  const client = new S3Client(config)
  const Bucket = opts.bucket
  const root = (opts.rootDirectory ?? '').replace(/^\/+|\/+$/g, '')
  const prefix = root ? `${root}/` : ''
  const objectKey = (key: string) => `${prefix}blobs/${assertKey(key)}`
  const uploadPrefix = (id: string) => `${prefix}uploads/${assertUploadId(id)}/`
  const segmentKey = (id: string, offset: number) => uploadPrefix(id) + String(offset).padStart(OFFSET_DIGITS, '0')

  async function head(Key: string): Promise<number | null> {
    try {
      const r = await client.send(new HeadObjectCommand({ Bucket, Key }))
      return r.ContentLength ?? 0
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async function* listObjects(Prefix: string): AsyncIterable<{ Key: string; Size: number; LastModified: Date }> {
    let ContinuationToken: string | undefined
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }))
      for (const o of page.Contents ?? []) {
        if (o.Key) yield { Key: o.Key, Size: o.Size ?? 0, LastModified: o.LastModified ?? new Date(0) }
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (ContinuationToken)
  }

  async function listSegments(id: string): Promise<Segment[]> {
    const base = uploadPrefix(id)
    const segments: Segment[] = []
    for await (const o of listObjects(base)) {
      const name = o.Key.slice(base.length)
      if (/^\d+$/.test(name)) segments.push({ key: o.Key, start: Number(name), size: o.Size, modified: o.LastModified })
    }
    return segments.sort((a, b) => a.start - b.start)
  }

  /**
   * Splits the segments into those that make up bytes [0, size) end to end, and the rest (a torn
   * request's, at or past `size`). NotFound when they do not reach `size` exactly.
   */
  function tile(id: string, segments: Segment[], size: number): { used: Segment[]; stale: Segment[] } {
    const used: Segment[] = []
    const stale: Segment[] = []
    let at = 0
    for (const s of segments) {
      if (s.start >= size) stale.push(s)
      else if (s.start === at) {
        used.push(s)
        at += s.size
      } else throw new NotFound(id)
    }
    if (at !== size) throw new NotFound(id)
    return { used, stale }
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    // one DeleteObject each: DeleteObjects wants a Content-MD5 some servers and SDK versions disagree on
    await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket, Key }))))
  }

  async function getStream(Key: string, range?: { start: number; end: number }): Promise<Readable> {
    try {
      const r = await client.send(new GetObjectCommand({ Bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }))
      return r.Body as Readable
    } catch (err) {
      if (isNotFound(err)) throw new NotFound(Key)
      throw err
    }
  }

  async function* readSegments(segments: Segment[]): AsyncIterable<Buffer> {
    for (const s of segments) {
      if (s.size === 0) continue
      for await (const chunk of await getStream(s.key)) yield chunk as Buffer
    }
  }

  return {
    async stat(key) {
      const size = await head(objectKey(key))
      return size === null ? null : { size }
    },

    async open(key) {
      const Key = objectKey(key)
      const size = await head(Key)
      if (size === null) throw new NotFound(key)
      const readers = new Set<Readable>()
      const reader: BlobReader = {
        size,
        async pipeTo(sink, range) {
          const start = range?.start ?? 0
          const end = range?.end ?? size - 1
          if (end < start) return
          const body = await getStream(Key, { start, end })
          readers.add(body)
          let inFlight: Promise<void> | null = null
          // never more than the range asked for, whatever the server sends (s3rver ignores "bytes=0-0")
          let left = end - start + 1
          try {
            for await (const piece of body) {
              const chunk = (piece as Buffer).length > left ? (piece as Buffer).subarray(0, left) : (piece as Buffer)
              left -= chunk.length
              // at most one write in flight, as the filesystem store does
              if (inFlight) await inFlight
              inFlight = new Promise<void>((resolve, reject) => sink.write(chunk, (err) => (err ? reject(err) : resolve())))
              inFlight.catch(() => {})
              if (left === 0) break
            }
            if (inFlight) await inFlight
            if (left > 0) throw new Error(`blob ${key} is shorter than expected`)
          } finally {
            readers.delete(body)
            body.destroy()
          }
        },
        async close() {
          for (const r of readers) r.destroy()
        },
      }
      return reader
    },

    async readSmall(key) {
      const body = await getStream(objectKey(key))
      const parts: Buffer[] = []
      for await (const chunk of body) parts.push(chunk as Buffer)
      return Buffer.concat(parts)
    },

    async writeSmall(key, data) {
      await writeObject(client, Bucket, objectKey(key), [data], { partSize: opts.partSize, log: opts.log })
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }))
    },

    async writeUpload(id, offset, source, onChunk) {
      const { stale } = tile(id, await listSegments(id), offset)
      await deleteKeys(stale.map((s) => s.key))
      return writeObject(client, Bucket, segmentKey(id, offset), source, { partSize: opts.partSize, onChunk, log: opts.log })
    },

    async *readUpload(id, size) {
      const { used } = tile(id, await listSegments(id), size)
      yield* readSegments(used)
    },

    async commitUpload(id, size, key) {
      const Key = objectKey(key)
      const segments = await listSegments(id)
      const { used } = tile(id, segments, size)
      const nonEmpty = used.filter((s) => s.size > 0)
      // Same digest, same bytes: an existing object is already right.
      if ((await head(Key)) === null) {
        if (nonEmpty.length === 1 && nonEmpty[0]!.size <= MAX_COPY) {
          await client.send(new CopyObjectCommand({ Bucket, Key, CopySource: encodeURI(`${Bucket}/${nonEmpty[0]!.key}`), ContentType: 'application/octet-stream', MetadataDirective: 'REPLACE' }))
        } else {
          // Several segments: streamed through into one multipart upload (see docs/ARCHITECTURE.md
          // for why not UploadPartCopy). Nothing is visible before CompleteMultipartUpload.
          await writeObject(client, Bucket, Key, readSegments(nonEmpty), { partSize: opts.partSize, log: opts.log })
        }
      }
      await deleteKeys(segments.map((s) => s.key))
    },

    async writeVerified(id, key, source, onChunk, verify) {
      assertUploadId(id)
      return writeObject(client, Bucket, objectKey(key), source, { partSize: opts.partSize, onChunk, beforeComplete: verify, log: opts.log })
    },

    async deleteUpload(id) {
      const keys: string[] = []
      for await (const o of listObjects(uploadPrefix(id))) keys.push(o.Key)
      await deleteKeys(keys)
    },

    async *listUploads() {
      const base = `${prefix}uploads/`
      let current: { id: string; modified: Date } | null = null
      // keys list in order, so an upload's segments come together
      for await (const o of listObjects(base)) {
        const id = o.Key.slice(base.length).split('/')[0]!
        if (!isUploadId(id)) continue
        if (current && current.id !== id) {
          yield current
          current = null
        }
        if (!current) current = { id, modified: o.LastModified }
        else if (o.LastModified > current.modified) current.modified = o.LastModified
      }
      if (current) yield current
    },

    async purgeIncomplete(before) {
      let removed = 0
      let KeyMarker: string | undefined
      let UploadIdMarker: string | undefined
      try {
        do {
          const page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: prefix, KeyMarker, UploadIdMarker }))
          for (const u of page.Uploads ?? []) {
            if (u.Key && u.UploadId && u.Initiated && u.Initiated < before) {
              await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }))
              removed++
            }
          }
          ;[KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined]
        } while (KeyMarker)
      } catch (err) {
        if (!isNotImplemented(err)) throw err
        // s3rver lists no multipart uploads; a bucket lifecycle rule reclaims them (docs/OPERATIONS.md)
      }
      return removed
    },

    async presignedUrl(key, expirySeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: objectKey(key) }), { expiresIn: expirySeconds })
    },

    async close() {
      client.destroy()
    },
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404
}

function isNotImplemented(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NotImplemented' || e?.$metadata?.httpStatusCode === 501
}
