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

  /** Creates an empty upload area. */
  createUpload(id: string): Promise<void>
  /** Bytes in the upload area, or null if it does not exist. */
  uploadSize(id: string): Promise<number | null>
  /**
   * Appends `source` at `offset` (which must be the upload's current size), calling `onChunk`
   * with each chunk before it is written, and resolves with the bytes written. On a source error
   * the bytes written so far stay; the caller decides.
   */
  appendUpload(id: string, offset: number, source: Readable | AsyncIterable<Buffer>, onChunk?: (chunk: Buffer) => void): Promise<number>
  /** Cuts the upload back to `size` bytes (recovery after a torn request). */
  truncateUpload(id: string, size: number): Promise<void>
  /** Streams the upload's bytes so far (to rebuild a hash after a restart). */
  readUpload(id: string): Readable
  /** Makes the upload the object `key` in one atomic step; if `key` exists the upload is discarded. */
  commitUpload(id: string, key: string): Promise<void>
  /** Removes an upload area; absent is not an error. */
  deleteUpload(id: string): Promise<void>
  /** Ids of every upload area, with their last modification time. */
  listUploads(): AsyncIterable<{ id: string; modified: Date }>
}
