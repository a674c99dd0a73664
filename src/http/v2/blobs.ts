// GET/HEAD/DELETE /v2/<name>/blobs/<digest> (distribution registry/storage/blobserver.go).
import type { V2Handler } from './plugin.js'
import { AppError } from '../../errors.js'
import { assertDigest } from '../../registry/grammar.js'
import { blobElsewhere, deleteBlob, openBlob, statBlob } from '../../registry/blobs.js'
import { auditRegistry } from '../../audit/registry.js'

type BlobRoute = { route: 'blob'; name: string; digest: string }

/** Parses a single `bytes=` range against `size`; null means "the whole blob". */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return null // multiple or malformed ranges: serve it whole (RFC 9110 allows)
  let start: number
  let end: number
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0) throw new AppError('RANGE_NOT_SATISFIABLE', { size })
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(m[1])
    const last = m[2] === '' ? Infinity : Number(m[2])
    if (last < start) return null // RFC 9110 §14.2: an invalid range is ignored, the whole blob is served
    end = Math.min(last, size - 1)
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size) {
    throw new AppError('RANGE_NOT_SATISFIABLE', { size })
  }
  return { start, end }
}

export const getBlobHandler: V2Handler<BlobRoute> = async (deps, request, reply, route) => {
  const digest = assertDigest(route.digest)
  const head = {
    'docker-content-digest': digest,
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag: `"${digest}"`,
    'cache-control': 'max-age=31536000',
  }
  if (request.method === 'HEAD') {
    const size = await statBlob(deps, route.name, digest)
    return reply.headers({ ...head, 'content-length': String(size) }).code(200).send()
  }
  const elsewhere = await blobElsewhere(deps, route.name, digest)
  if (elsewhere && 'redirect' in elsewhere) {
    // distribution's `redirect`: the client fetches from the object store itself
    return reply.code(307).headers({ 'docker-content-digest': digest, location: elsewhere.redirect, 'content-length': '0' }).send()
  }
  if (elsewhere) {
    // nginx sends the file (and answers Range itself); our headers go out with it
    return reply.code(200).headers({ ...head, 'x-accel-redirect': elsewhere.internal, 'content-length': '0' }).send()
  }
  // openBlob checks the repository's link; the range is then cut against the bytes on disk
  const reader = await openBlob(deps, route.name, digest)
  let range: { start: number; end: number } | null
  try {
    range = parseRange(request.headers.range, reader.size)
  } catch (err) {
    await reader.close()
    reply.header('content-range', `bytes */${reader.size}`)
    throw err
  }
  const start = range?.start ?? 0
  const end = range?.end ?? reader.size - 1
  const res = reply.raw
  reply.hijack()
  // hijacked: the headers set so far (API version, request id) go out with ours
  res.writeHead(range ? 206 : 200, {
    ...(reply.getHeaders() as Record<string, string>),
    ...head,
    'content-length': String(end - start + 1),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${reader.size}` } : {}),
  })
  try {
    if (end >= start) await reader.pipeTo(res, { start, end })
    res.end()
    deps.metrics.blobBytesSent.inc(end - start + 1)
  } catch (err) {
    request.log.warn({ err, digest }, 'blob download interrupted')
    res.destroy()
  } finally {
    await reader.close()
  }
}

export const deleteBlobHandler: V2Handler<BlobRoute> = async (deps, request, reply, route) => {
  const digest = assertDigest(route.digest)
  await deleteBlob(deps, route.name, digest)
  auditRegistry(deps, request, 'delete', 'blob', route.name, `${route.name}@${digest}`)
  return reply.code(202).header('content-length', '0').send()
}
