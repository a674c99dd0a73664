// Layout of the filesystem store, written once:
//
//   <rootdirectory>/
//     blobs/
//       sha256/ab/abcdef…        committed objects, named by digest (key "sha256/ab/abcdef…")
//       sha512/0f/0f12…
//     uploads/
//       <uuid>                   bytes of an upload in progress (appended in place)
//     tmp/                       small objects being written before their rename
//
// Layout of the S3 store, under storage.s3.rootdirectory in the bucket:
//
//   <rootdirectory>/
//     blobs/sha256/ab/abcdef…    committed objects, as above
//     uploads/<uuid>/
//       0000000000000000         one object per acknowledged request: the bytes it sent,
//       0000000004194304         named by the offset they start at (zero-padded, so they list in order)
import { join } from 'node:path'

const KEY = /^(sha256|sha512)\/[0-9a-f]{2}\/[0-9a-f]{64,128}$/
const UPLOAD_ID = /^[0-9a-f-]{36}$/

/** The store key of a digest: "sha256:abcd…" → "sha256/ab/abcd…". */
export function blobKey(digest: string): string {
  const colon = digest.indexOf(':')
  const hex = digest.slice(colon + 1)
  return `${digest.slice(0, colon)}/${hex.slice(0, 2)}/${hex}`
}

/** Guards every key built from outside input: never '..' or '/' surprises. */
export function assertKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid blob key: ${key}`)
  return key
}

export function assertUploadId(id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error(`invalid upload id: ${id}`)
  return id
}

export function isUploadId(name: string): boolean {
  return UPLOAD_ID.test(name)
}

export function blobPath(root: string, key: string): string {
  return join(root, 'blobs', assertKey(key))
}

export function uploadPath(root: string, id: string): string {
  return join(root, 'uploads', assertUploadId(id))
}
