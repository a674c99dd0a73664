// GET/HEAD/PUT/DELETE /v2/<name>/manifests/<reference>
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.js'
import { locationFor, type V2Handler } from './plugin.js'
import { deleteManifest, getManifest, putManifest, statManifest } from '../../registry/manifests.js'
import { artifactResource, auditRegistry } from '../../audit/registry.js'
import { notePull } from '../../registry/pull-stats.js'

type ManifestRoute = { route: 'manifest'; name: string; reference: string }

/** The media types an Accept header names, remembered: clients send the same few headers. */
const acceptCache = new Map<string, { all: boolean; types: Set<string> }>()

function parseAccept(header: string): { all: boolean; types: Set<string> } {
  let parsed = acceptCache.get(header)
  if (parsed) return parsed
  const types = new Set(header.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase()))
  parsed = { all: types.has('*/*') || types.has('application/*') || types.has(''), types }
  if (acceptCache.size >= 256) acceptCache.clear()
  acceptCache.set(header, parsed)
  return parsed
}

/** True when the Accept header admits `mediaType` (no header, or a wildcard, admits everything). */
export function accepts(header: string | undefined, mediaType: string): boolean {
  if (!header) return true
  const { all, types } = parseAccept(header)
  return all || types.has(mediaType)
}

export const getManifestHandler: V2Handler<ManifestRoute> = async (deps, request, reply, route) => {
  const head = request.method === 'HEAD'
  const manifest: { digest: string; mediaType: string; size: number; body?: Buffer } = head
    ? await statManifest(deps, route.name, route.reference)
    : await getManifest(deps, route.name, route.reference)
  // distribution answers MANIFEST_UNKNOWN when the client cannot take the stored type
  if (!accepts(request.headers.accept, manifest.mediaType)) {
    throw new AppError('MANIFEST_NOT_ACCEPTABLE', { mediaType: manifest.mediaType })
  }
  reply.code(200).headers({
    'content-type': manifest.mediaType,
    'docker-content-digest': manifest.digest,
    etag: `"${manifest.digest}"`,
    'content-length': String(manifest.size),
  })
  if (!head) {
    auditRegistry(deps, request, 'pull', 'artifact', route.name, artifactResource(route.name, route.reference))
    notePull(deps, route.name, route.reference)
  }
  return reply.send(head ? undefined : manifest.body)
}

async function readLimited(request: FastifyRequest, limit: number): Promise<Buffer> {
  const declared = request.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) {
    request.raw.resume()
    throw new AppError('MANIFEST_TOO_LARGE', { limit })
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of request.raw) {
    total += (chunk as Buffer).length
    if (total > limit) {
      request.raw.resume()
      throw new AppError('MANIFEST_TOO_LARGE', { limit })
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks, total)
}

export const putManifestHandler: V2Handler<ManifestRoute> = async (deps, request, reply, route) => {
  const body = await readLimited(request, deps.config.registry.max_manifest_bytes)
  const result = await putManifest(deps, route.name, route.reference, body, request.headers['content-type'] ?? '')
  reply.code(201).headers({
    location: locationFor(deps, `/v2/${route.name}/manifests/${result.digest}`),
    'docker-content-digest': result.digest,
    'content-length': '0',
  })
  // distribution-spec: a manifest with a subject gets OCI-Subject, telling the client referrers are indexed
  if (result.subject) reply.header('oci-subject', result.subject)
  auditRegistry(deps, request, 'create', 'artifact', route.name, artifactResource(route.name, route.reference))
  return reply.send()
}

export const deleteManifestHandler: V2Handler<ManifestRoute> = async (deps, request, reply, route) => {
  await deleteManifest(deps, route.name, route.reference)
  auditRegistry(deps, request, 'delete', 'artifact', route.name, artifactResource(route.name, route.reference))
  return reply.code(202).header('content-length', '0').send()
}
