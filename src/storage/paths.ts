// Layout of the filesystem store, written once:
//
//   <rootdirectory>/
//     blobs/
//       sha256/ab/abcdef…        committed objects, named by digest (key "sha256/ab/abcdef…")
//       sha512/0f/0f12…
//     uploads/
//       <uuid>                   bytes of an upload in progress
//     tmp/                       small objects being written before their rename
import { join } from 'node:path'

const KEY = /^(sha256|sha512)\/[0-9a-f]{2}\/[0-9a-f]{64,128}$/
const UPLOAD_ID = /^[0-9a-f-]{36}$/

/** The store key of a digest: "sha256:abcd…" → "sha256/ab/abcd…". */
export function blobKey(digest: string): string {
  const colon = digest.indexOf(':')
  const hex = digest.slice(colon + 1)
  return `${digest.slice(0, colon)}/${hex.slice(0, 2)}/${hex}`
}

/** Guards every path built from outside input: keys and upload ids never contain '..' or '/' surprises. */
export function blobPath(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid blob key: ${key}`)
  return join(root, 'blobs', key)
}

export function uploadPath(root: string, id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error(`invalid upload id: ${id}`)
  return join(root, 'uploads', id)
}
