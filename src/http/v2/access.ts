// Access control on /v2, as distribution's appendAccessRecords: the method gives the actions
// (GET/HEAD pull; POST/PUT/PATCH pull+push; DELETE delete), the repository gives the project,
// and RBAC (or the bearer token's access claim) decides. Anonymous callers get 401 with the
// Bearer challenge that starts the token flow; signed-in callers get 403 DENIED.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { grantActions, tokenAllows } from '../../token/service.js'
import { CSRF_REFUSED, throttledMessage } from '../auth.js'
import { publicBaseUrl } from '../origin.js'
import type { V2Route } from './routes.js'

export function actionsFor(method: string): string[] {
  if (method === 'GET' || method === 'HEAD') return ['pull']
  if (method === 'DELETE') return ['delete']
  return ['pull', 'push']
}

/** The token endpoint's absolute URL, as clients need it in the challenge (never from an untrusted header). */
export function tokenRealm(deps: Deps, request: FastifyRequest): string {
  return `${publicBaseUrl(deps, request)}/service/token`
}

/**
 * An auth-param value as a quoted-string (RFC 9110 11.2): `"` and `\` escaped, control characters
 * (CR, LF) dropped. Commas are legal inside quotes; the realm, a URL, carries none (encoded as %2C)
 * so that clients splitting the header naively still read it whole.
 */
function quoted(value: string): string {
  return `"${value.replace(/[\x00-\x1f\x7f]/g, '').replace(/["\\]/g, '\\$&')}"`
}

function challenge(deps: Deps, request: FastifyRequest, reply: FastifyReply, scope: string | null, error?: string): never {
  const realm = new URL(tokenRealm(deps, request)).href.replace(/,/g, '%2C')
  const parts = [`realm=${quoted(realm)}`, `service=${quoted(deps.config.token.service)}`]
  if (scope) parts.push(`scope=${quoted(scope)}`)
  if (error) parts.push(`error=${quoted(error)}`)
  reply.header('www-authenticate', `Bearer ${parts.join(',')}`)
  throw new AppError('UNAUTHORIZED', scope ? { scope } : undefined)
}

/** Throws the right 401/403 unless the caller may use `route` with this method. */
export async function authorizeV2(deps: Deps, request: FastifyRequest, reply: FastifyReply, route: V2Route): Promise<void> {
  const p = request.principal
  // as Harbor: a session cookie on a write without the CSRF token is refused, not taken as anonymous
  if (request.authFailure === 'csrf') throw new AppError('DENIED', undefined, CSRF_REFUSED)
  if (request.authFailure === 'throttled' && request.throttled) {
    // not a challenge: new credentials would not help before the wait is over
    reply.header('retry-after', String(request.throttled.retryAfter))
    throw new AppError('TOO_MANY_REQUESTS', { retryAfter: request.throttled.retryAfter }, throttledMessage(request.throttled))
  }
  if (request.authFailure) challenge(deps, request, reply, null, request.authFailure === 'invalid_token' ? 'invalid_token' : undefined)
  if (route.route === 'base') {
    if (p.kind === 'anonymous') challenge(deps, request, reply, null)
    return
  }
  const wanted = route.route === 'catalog'
    ? { type: 'registry', name: 'catalog', actions: ['*'] }
    : { type: 'repository', name: route.name, actions: actionsFor(request.method) }
  const scope = `${wanted.type}:${wanted.name}:${wanted.actions.join(',')}`

  if (p.kind === 'token') {
    if (await tokenAllows(deps, p, wanted.type, wanted.name, wanted.actions)) return
    challenge(deps, request, reply, scope, 'insufficient_scope')
  }
  const granted = (await grantActions(deps, p, wanted)).actions
  if (wanted.actions.every((a) => granted.includes(a) || granted.includes('*'))) return
  if (p.kind === 'anonymous') challenge(deps, request, reply, scope)
  throw new AppError('DENIED', { scope })
}

/** Whether the caller may pull from `repository` (the source of a cross-repository mount). */
export async function mayPull(deps: Deps, request: FastifyRequest, repository: string): Promise<boolean> {
  const p = request.principal
  if (p.kind === 'token') return tokenAllows(deps, p, 'repository', repository, ['pull'])
  return (await grantActions(deps, p, { type: 'repository', name: repository, actions: ['pull'] })).actions.includes('pull')
}
