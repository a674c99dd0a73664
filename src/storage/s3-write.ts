// Streams a source into one S3 object without ever holding it whole: bytes gather into parts of
// `partSize`; a source that ends within the first part becomes one PutObject, a longer one a
// multipart upload with one part in flight while the next gathers. Either way the object appears
// only at the last request (PutObject or CompleteMultipartUpload), and only after `beforeComplete`
// has accepted the bytes, so a blob is never visible unverified.
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand,
  PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3'
import type { Logger } from 'pino'
import { PassThrough, Readable, pipeline } from 'node:stream'

export type WriteObjectOptions = {
  partSize: number
  /** Sees each chunk before it is stored (hashing). */
  onChunk?: (chunk: Buffer) => void
  /** Runs once the source has ended; throwing leaves nothing behind. */
  beforeComplete?: (size: number) => void | Promise<void>
  log?: Pick<Logger, 'warn'>
}

/** Writes `source` as `Bucket/Key`; resolves with the bytes written. */
export async function writeObject(client: S3Client, bucket: string, key: string, source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer>, opts: WriteObjectOptions): Promise<number> {
  let gathered: Buffer[] = []
  let gatheredBytes = 0
  let total = 0
  let uploadId: string | undefined
  const parts: Array<{ PartNumber: number; ETag: string }> = []
  let inFlight: Promise<void> | null = null

  const sendPart = async () => {
    const body = Buffer.concat(gathered, gatheredBytes)
    gathered = []
    gatheredBytes = 0
    if (inFlight) await inFlight // at most one part in the network while the next gathers
    uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: 'application/octet-stream' }))).UploadId
    const PartNumber = parts.length + 1
    const slot = { PartNumber, ETag: '' }
    parts.push(slot)
    inFlight = client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }))
      .then((r) => { slot.ETag = r.ETag ?? '' })
    inFlight.catch(() => {}) // awaited below; never an unhandled rejection meanwhile
  }

  try {
    for await (const piece of flowing(source)) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
      if (chunk.length === 0) continue
      opts.onChunk?.(chunk)
      gathered.push(chunk)
      gatheredBytes += chunk.length
      total += chunk.length
      if (gatheredBytes >= opts.partSize) await sendPart()
    }
    await opts.beforeComplete?.(total)
    if (parts.length === 0) {
      const body = Buffer.concat(gathered, gatheredBytes)
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, ContentType: 'application/octet-stream' }))
      return total
    }
    if (gatheredBytes > 0) await sendPart()
    await inFlight
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }))
    return total
  } catch (err) {
    if (inFlight) await (inFlight as Promise<void>).catch(() => {})
    if (uploadId) {
      // Some servers (s3rver) cannot abort; the purge and the bucket's lifecycle rule reclaim the parts then.
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch((abortErr: unknown) => opts.log?.warn({ err: abortErr, key }, 'cannot abort a multipart upload'))
    }
    throw err
  }
}

/**
 * A Readable is consumed in flowing mode (pipe), as the filesystem store does: the connection
 * guard (src/http/connections.ts) blames a stalled body on the client only while it flows, and
 * an async iterator reads in paused mode. Errors and an early close still reach the iterator.
 */
function flowing<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterable<T> | Iterable<T> {
  if (!(source instanceof Readable)) return source
  const pass = new PassThrough({ highWaterMark: 1024 * 1024 })
  pipeline(source, pass, () => {})
  return pass as unknown as AsyncIterable<T>
}
