// The BlobStore port: bytes by key, and upload areas that become objects atomically.
// It knows nothing of repositories, tags or permissions.
import type { Readable } from 'node:stream'

/** An open object ready to stream; `pipeTo` writes [start, end] to a writable response. */
export interface BlobReader {
  size: number
  /** Streams the byte range into `sink`, reusing pooled buffers; resolves when the last byte is handed over. */
  pipeTo(sink: NodeJS.WritableStream & { write(chunk: Buffer, cb: (err?: Error | null) => void): boolean }, range?: { start: number; end: number }): Promise<void>
  close(): Promise<void>
}

export interface BlobStore {
  /** Size of a committed object, or null if there is none. */
  stat(key: string): Promise<{ size: number } | null>
  /** Opens a committed object for streaming; rejects with NotFound if absent. Never buffers the object. */
  open(key: string): Promise<BlobReader>
  /** Reads a small committed object whole (manifests); rejects with NotFound if absent. */
  readSmall(key: string): Promise<Buffer>
  /** Writes a small object atomically: readers see all of it or none. Overwriting identical content is harmless. */
  writeSmall(key: string, data: Buffer): Promise<void>
  /** Removes a committed object; absent is not an error. */
  delete(key: string): Promise<void>

  // Uploads. The acknowledged size of an upload lives with the caller (the database row), not in
  // the store: bytes the store holds at or past the size a call names (a request torn mid-body,
  // or one whose acknowledgement never reached the database) are ignored and dropped. Any
  // instance may call any of these for any upload, in any order of instances.

  /**
   * Writes `source` as the upload's bytes from `offset` on, calling `onChunk` with each chunk
   * before it is stored (hashing), and resolves with the bytes written. `offset` is the
   * acknowledged size; whatever the store held from `offset` on is discarded. Rejects with
   * NotFound when the store holds fewer than `offset` bytes (the upload's data is lost). If the
   * source errors or ends early it rejects; what it wrote is never read back below an
   * acknowledged size, so the caller simply does not acknowledge it.
   */
  writeUpload(id: string, offset: number, source: Readable | AsyncIterable<Buffer>, onChunk?: (chunk: Buffer) => void): Promise<number>
  /** Streams the first `size` bytes of the upload (to rebuild a hash); rejects with NotFound when fewer are stored. */
  readUpload(id: string, size: number): AsyncIterable<Buffer>
  /**
   * Makes the first `size` bytes of the upload the object `key` in one step (readers see all of
   * it or nothing) and removes the upload area. If `key` exists already (same digest, same
   * bytes) the upload is only removed. Rejects with NotFound when fewer than `size` bytes are stored.
   */
  commitUpload(id: string, size: number, key: string): Promise<void>
  /**
   * Streams `source` straight into the object `key` when its digest is known up front (a
   * monolithic upload), calling `onChunk` with each chunk, then `verify(size)` once the source
   * has ended. The object becomes visible only if `verify` resolves; if it throws, nothing is
   * left behind and its error is rethrown. `id` is the upload's id (names any scratch space).
   */
  writeVerified(id: string, key: string, source: Readable | AsyncIterable<Buffer>, onChunk: (chunk: Buffer) => void, verify: (size: number) => void | Promise<void>): Promise<number>
  /** Removes an upload area; absent is not an error. */
  deleteUpload(id: string): Promise<void>
  /** Ids of every upload area holding bytes, with the time it was last written. */
  listUploads(): AsyncIterable<{ id: string; modified: Date }>
  /**
   * Reclaims writes an instance started before `before` and never finished (an object store's
   * incomplete multipart uploads, a filesystem's scratch files); returns how many it removed.
   */
  purgeIncomplete(before: Date): Promise<number>

  /** A URL that serves `key` directly for `expirySeconds` (presigned), or null when the store cannot give one. */
  presignedUrl(key: string, expirySeconds: number): Promise<string | null>
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>
}
