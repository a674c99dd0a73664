// buildApp(deps) → the Fastify instance with every surface registered. It never listens.
import { randomUUID } from 'node:crypto'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify'
import type { Deps } from './deps.js'
import { v2Plugin } from './http/v2/plugin.js'
import { registerAuthentication } from './http/auth.js'
import { tokenPlugin } from './http/token.js'
import { apiPlugin } from './http/api/plugin.js'
import { portalPlugin } from './http/portal.js'
import { devcenterPlugin } from './http/api/openapi.js'
import { guardConnections, trustedPeers } from './http/connections.js'

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/
/** The Harbor API, the token service and the portal's /c: answers about one caller, never cached. */
const NO_STORE = /^\/(?:api\/v2\.0|service\/token|c)(?:[/?]|$)/

declare module 'fastify' {
  interface FastifyRequest {
    /** The /v2 route name, for metrics; undefined elsewhere. */
    berthRoute: string | undefined
  }
}

/** `onRoute` sees every route as it is registered (tests compare them with api/openapi.yaml). */
export async function buildApp(deps: Deps, opts: { onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const idleMs = deps.config.http.idle_timeout * 1000
  const headersMs = deps.config.http.headers_timeout * 1000
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // one access-log line per request (below) instead of fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    keepAliveTimeout: deps.config.http.keep_alive_timeout * 1000,
    // Uploads of many GiB may take long: no limit on a whole request, only on silence (see
    // src/http/connections.ts, which decides when this inactivity timer fires)
    requestTimeout: 0,
    connectionTimeout: idleMs,
    http: { requestTimeout: 0, headersTimeout: headersMs, connectionsCheckingInterval: Math.max(50, Math.min(1000, headersMs / 4)) },
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    routerOptions: { ignoreTrailingSlash: false },
    // request.ip, .protocol and .host believe X-Forwarded-* only from these peers; by default from
    // nobody, so that a client cannot choose the address audit rows and login throttling see
    trustProxy: deps.config.http.trusted_proxies.length ? deps.config.http.trusted_proxies : false,
  })

  guardConnections(app.server, {
    idleMs,
    maxPerClient: deps.config.http.max_connections_per_client,
    trusted: trustedPeers(deps.config.http.trusted_proxies),
    log: deps.log,
    onRefused: () => deps.metrics.connectionsRefused.inc(),
  })

  if (opts.onRoute) app.addHook('onRoute', opts.onRoute)
  app.addHook('onRequest', async (request, reply) => {
    // before anything trusts a cache (credentials first): what other instances changed is applied
    await deps.invalidations.sync()
    reply.header('x-request-id', request.id)
    // browsers take the content type we send, never one they guess (a blob sniffed as HTML…)
    reply.header('x-content-type-options', 'nosniff')
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('text/html')) {
      // no page of ours inside another site's frame (clickjacking)
      reply.header('x-frame-options', 'DENY')
      reply.header('content-security-policy', "frame-ancestors 'none'")
    }
    if (NO_STORE.test(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
  const accessLog = deps.config.log.access_log
  const { httpRequests } = deps.metrics
  app.addHook('onResponse', async (request, reply) => {
    const route = request.berthRoute
    httpRequests.observe({ surface: route ? 'v2' : 'other', route: route ?? 'other', method: request.method, code: reply.statusCode }, reply.elapsedTime / 1000)
    if (accessLog) {
      request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, remote: request.ip }, 'request')
    }
  })
  if (deps.config.metrics.enabled) {
    app.get(deps.config.metrics.path, async (_request, reply) => {
      return reply.header('content-type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics())
    })
  }

  app.decorateRequest('berthRoute', undefined)
  registerAuthentication(app, deps)
  await app.register(v2Plugin, { deps })
  await app.register(tokenPlugin, { deps })
  await app.register(apiPlugin, { deps, prefix: '/api/v2.0' })
  await app.register(portalPlugin, { deps })
  await app.register(devcenterPlugin, { deps })
  return app
}
