// Harbor's REST API v2.0 under /api/v2.0: JSON in and out, Harbor's error body, CSRF protection
// for calls made with the portal's session cookie, and one module per Harbor resource.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { sendHarborError } from '../harbor-errors.js'
import { CSRF_REFUSED, refusedCredentials } from '../auth.js'
import { QueryError } from './query.js'
import { systemRoutes } from './system.js'
import { usersRoutes } from './users.js'
import { projectRoutes } from './projects.js'
import { memberRoutes } from './members.js'
import { repositoryRoutes } from './repositories.js'
import { artifactRoutes } from './artifacts.js'
import { labelRoutes } from './labels.js'
import { robotRoutes } from './robots.js'
import { searchRoutes } from './search.js'
import { statisticsRoutes } from './statistics.js'
import { auditLogRoutes } from './audit-logs.js'
import { quotaRoutes } from './quotas.js'
import { configurationRoutes } from './configurations.js'
import { openApiRoutes } from './openapi.js'

/** Largest JSON body any API route accepts. */
export const API_BODY_LIMIT = 1024 * 1024

export type ApiModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>

/** Every resource module; each registers its own routes. */
const MODULES: ApiModule[] = [
  systemRoutes, usersRoutes, projectRoutes, memberRoutes, repositoryRoutes, artifactRoutes, labelRoutes,
  robotRoutes, searchRoutes, statisticsRoutes, auditLogRoutes, quotaRoutes, configurationRoutes,
  openApiRoutes,
]

export async function apiPlugin(app: FastifyInstance, opts: { deps: Deps; modules?: ApiModule[] }) {
  const { deps } = opts
  // Harbor's clients (Terraform provider, generated Swagger clients) send Content-Type: application/json
  // on every call, with or without a body. An empty one is no body, as for Harbor; the route's schema
  // decides whether it needs one (request.ts parseBody). Anything else goes to fastify's own parser.
  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: API_BODY_LIMIT }, (request, body, done) => {
    if (body === '') return done(null, undefined)
    json(request, body as string, done)
  })
  app.setErrorHandler((err, request, reply) => {
    if (err instanceof QueryError) return sendHarborError(request, reply, new AppError('BAD_REQUEST', undefined, err.message))
    return sendHarborError(request, reply, err)
  })
  app.setNotFoundHandler((request, reply) => sendHarborError(request, reply, new AppError('NOT_FOUND', undefined, `no route ${request.method} ${request.url.split('?')[0]}`)))

  app.addHook('onRequest', async (request, reply) => {
    // Harbor answers a cookie without its CSRF token 403 (src/http/auth.ts applies the rule)
    if (request.authFailure === 'csrf') throw new AppError('FORBIDDEN', undefined, CSRF_REFUSED)
    if (request.authFailure) throw refusedCredentials(request, reply)
  })

  for (const register of opts.modules ?? MODULES) await register(app, deps)
}
