// Upload endpoints; the request sequence is drawn atop src/registry/uploads.ts.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { queryOf, locationFor, type V2Handler } from './plugin.js'
import { isDigest, isValidName } from '../../registry/grammar.js'
import { mountBlob } from '../../registry/blobs.js'
import { mayPull } from './access.js'
import { principalName } from '../../iam/principal.js'
import { appendUpload, cancelUpload, finishUpload, startUpload, uploadStatus, uploadWhole, type UploadInfo } from '../../registry/uploads.js'

type UploadsRoute = { route: 'uploads'; name: string }
type UploadRoute = { route: 'upload'; name: string; id: string }

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function uploadId(route: UploadRoute): string {
  if (!UPLOAD_ID.test(route.id)) throw new AppError('BLOB_UPLOAD_UNKNOWN', { id: route.id })
  return route.id
}

/** 202 with where to send the next chunk and how much is there (distribution writes "0-0" when empty). */
function sendProgress(deps: Deps, reply: FastifyReply, name: string, info: UploadInfo, status = 202) {
  return reply.code(status).headers({
    location: locationFor(deps, `/v2/${name}/blobs/uploads/${info.id}`),
    range: `0-${Math.max(0, info.size - 1)}`,
    'docker-upload-uuid': info.id,
    'content-length': '0',
  }).send()
}

function sendCreated(deps: Deps, reply: FastifyReply, name: string, digest: string) {
  return reply.code(201).headers({
    location: locationFor(deps, `/v2/${name}/blobs/${digest}`),
    'docker-content-digest': digest,
    'content-length': '0',
  }).send()
}

/** Whether the request carries a body at all (a PUT that closes an upload often has none). */
function hasBody(request: FastifyRequest): boolean {
  const len = request.headers['content-length']
  if (len !== undefined) return Number(len) > 0
  return request.headers['transfer-encoding'] !== undefined
}

/** Content-Range of a chunk: "<start>-<end>", inclusive (distribution-spec "Pushing a blob in chunks"). */
function parseContentRange(header: string | undefined): { start: number; end: number } | undefined {
  if (header === undefined) return undefined
  const m = /^(?:bytes[ =])?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/.exec(header.trim())
  if (!m) throw new AppError('RANGE_INVALID', { contentRange: header })
  const start = Number(m[1])
  const end = Number(m[2])
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) throw new AppError('RANGE_INVALID', { contentRange: header })
  return { start, end }
}

export const postUploadHandler: V2Handler<UploadsRoute> = async (deps, request, reply, route) => {
  const q = queryOf(request)
  if (q.mount !== undefined) {
    // A mount that cannot happen (unknown blob, bad source name) falls back to a new upload, as the spec says.
    if (isDigest(q.mount) && q.from !== undefined && isValidName(q.from) && (await mayPull(deps, request, q.from))
      && (await mountBlob(deps, route.name, q.mount, q.from))) {
      request.raw.resume()
      return sendCreated(deps, reply, route.name, q.mount)
    }
  } else if (q.digest !== undefined) {
    const done = await uploadWhole(deps, route.name, principalName(request.principal), q.digest, request.raw)
    return sendCreated(deps, reply, route.name, done.digest)
  }
  request.raw.resume()
  const info = await startUpload(deps, route.name, principalName(request.principal))
  return sendProgress(deps, reply, route.name, info)
}

export const patchUploadHandler: V2Handler<UploadRoute> = async (deps, request, reply, route) => {
  const range = parseContentRange(request.headers['content-range'] as string | undefined)
  const info = await appendUpload(deps, route.name, uploadId(route), request.raw, range)
  return sendProgress(deps, reply, route.name, info)
}

export const putUploadHandler: V2Handler<UploadRoute> = async (deps, request, reply, route) => {
  const id = uploadId(route)
  const digest = queryOf(request).digest
  if (digest === undefined) throw new AppError('DIGEST_INVALID', { reason: 'digest query parameter is required' })
  const body = hasBody(request) ? request.raw : null
  const range = parseContentRange(request.headers['content-range'] as string | undefined)
  if (body && range) {
    // A final chunk with a Content-Range must continue where the upload stands.
    const { size } = await uploadStatus(deps, route.name, id)
    if (range.start !== size) throw new AppError('RANGE_INVALID', { size, start: range.start })
  }
  if (!body) request.raw.resume()
  const done = await finishUpload(deps, route.name, id, digest, body)
  return sendCreated(deps, reply, route.name, done.digest)
}

export const uploadStatusHandler: V2Handler<UploadRoute> = async (deps, _request, reply, route) => {
  const info = await uploadStatus(deps, route.name, uploadId(route))
  return sendProgress(deps, reply, route.name, info, 204)
}

export const cancelUploadHandler: V2Handler<UploadRoute> = async (deps, _request, reply, route) => {
  await cancelUpload(deps, route.name, uploadId(route))
  return reply.code(204).send()
}
