// The OCI Distribution API under /v2: matches the path against our route table, checks the
// method, and hands the request to the endpoint's handler. Bodies are never parsed here:
// blob uploads stream request.raw into the store, manifests are read under a size limit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { sendOciError, toAppError } from '../errors.js'
import { matchV2Path, ROUTE_METHODS, type V2Route } from './routes.js'
import { deleteBlobHandler, getBlobHandler } from './blobs.js'
import { cancelUploadHandler, patchUploadHandler, postUploadHandler, putUploadHandler, uploadStatusHandler } from './uploads.js'
import { deleteManifestHandler, getManifestHandler, putManifestHandler } from './manifests.js'
import { catalogHandler, referrersHandler, tagsHandler } from './listings.js'
import { parseRepositoryName } from '../../registry/grammar.js'
import { authorizeV2 } from './access.js'

export type V2Handler<R extends V2Route = V2Route> = (deps: Deps, request: FastifyRequest, reply: FastifyReply, route: R) => Promise<unknown>

export async function v2Plugin(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts
  // Leave every body unread: handlers stream request.raw themselves.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, _payload, done) => done(null))

  app.setErrorHandler((err, request, reply) => {
    if (reply.sent || reply.raw.headersSent) {
      request.log.warn({ err }, 'error after the response started')
      reply.raw.destroy()
      return
    }
    return sendOciError(reply, toAppError(err, request))
  })

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('docker-distribution-api-version', 'registry/2.0')
    request.berthRoute = 'unknown'
    const url = request.url
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    // Names, tags, digests and upload ids never need escaping; an escaped path is an attempt to
    // smuggle '..' or '/' past the grammar.
    if (path.includes('%')) throw new AppError('NAME_INVALID', { path })
    const route = matchV2Path(path)
    if (!route) throw new AppError('ROUTE_UNKNOWN', { path })
    request.berthRoute = route.route
    if (!ROUTE_METHODS[route.route].includes(request.method)) throw new AppError('UNSUPPORTED', { method: request.method })
    if ('name' in route) parseRepositoryName(route.name)
    await authorizeV2(deps, request, reply, route)
    return dispatch(deps, request, reply, route)
  }

  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/v2', handler, exposeHeadRoute: false })
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/v2/*', handler, exposeHeadRoute: false })
}

function dispatch(deps: Deps, request: FastifyRequest, reply: FastifyReply, route: V2Route): Promise<unknown> {
  const m = request.method
  switch (route.route) {
    case 'base':
      return Promise.resolve(reply.header('content-type', 'application/json').send('{}'))
    case 'catalog':
      return catalogHandler(deps, request, reply, route)
    case 'tags':
      return tagsHandler(deps, request, reply, route)
    case 'referrers':
      return referrersHandler(deps, request, reply, route)
    case 'manifest':
      if (m === 'PUT') return putManifestHandler(deps, request, reply, route)
      if (m === 'DELETE') return deleteManifestHandler(deps, request, reply, route)
      return getManifestHandler(deps, request, reply, route)
    case 'blob':
      if (m === 'DELETE') return deleteBlobHandler(deps, request, reply, route)
      return getBlobHandler(deps, request, reply, route)
    case 'uploads':
      return postUploadHandler(deps, request, reply, route)
    case 'upload':
      if (m === 'PATCH') return patchUploadHandler(deps, request, reply, route)
      if (m === 'PUT') return putUploadHandler(deps, request, reply, route)
      if (m === 'DELETE') return cancelUploadHandler(deps, request, reply, route)
      return uploadStatusHandler(deps, request, reply, route)
  }
}

/** The query string as a map of first values. */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const q = request.query as Record<string, string | string[] | undefined>
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(q ?? {})) out[k] = Array.isArray(v) ? v[0] : v
  return out
}

/** Absolute when external_url is configured, else relative (the spec allows both; relative survives proxies). */
export function locationFor(deps: Deps, path: string): string {
  // concatenated, not URL-resolved, so a path prefix in external_url (https://host/registry) survives
  return deps.config.external_url ? deps.config.external_url.replace(/\/+$/, '') + path : path
}
