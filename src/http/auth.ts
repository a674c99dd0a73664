// Who is asking, for every request: authenticators in order, first match wins (as Harbor's
// security middleware): Basic credentials (users and robot$ accounts), a registry bearer token,
// the portal's session cookie, else anonymous. Each surface decides what a failure means.
// The cookie's CSRF rule lives here, once for every surface, so no surface can forget it.
import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parse as parseCookie } from 'cookie'
import type { Deps } from '../deps.js'
import { ANONYMOUS, type Principal } from '../iam/principal.js'
import { authenticatePassword, throttledLogin, type LoginFailure } from '../iam/authenticate.js'
import type { Throttled } from '../iam/login-throttle.js'
import { AppError } from '../errors.js'
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from '../iam/sessions.js'
import { verifyToken } from '../token/service.js'
import { AUTH_CACHE_MS } from '../iam/auth-cache.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
    /**
     * Why presented credentials were refused; anonymous requests have none. `csrf`: the session
     * cookie came with a state-changing request but without the session's CSRF token.
     */
    authFailure: 'invalid' | 'throttled' | 'invalid_token' | 'csrf' | undefined
    /** With authFailure `throttled`: how long this address must wait, and whether for one user or all. */
    throttled: Throttled | undefined
  }
}

/** Methods that change nothing: the only ones the session cookie alone may authenticate. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Parses `Authorization: Basic …`; null when malformed. */
export function parseBasic(header: string): { username: string; password: string } | null {
  let decoded: string
  try {
    decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  if (colon <= 0) return null
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export function registerAuthentication(app: FastifyInstance, deps: Deps) {
  // fastify refuses shared object defaults; every request gets its own value in the hook
  app.decorateRequest('principal', null as never)
  app.decorateRequest('authFailure', undefined)
  app.decorateRequest('throttled', undefined)
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS
    await authenticateRequest(deps, request)
  })
}

async function authenticateRequest(deps: Deps, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization
  if (header && (header.startsWith('Basic ') || header.startsWith('Bearer '))) {
    const creds = header.startsWith('Basic ') ? parseBasic(header) : null
    // an address that must wait gets no answer to its guesses, not even from the cache below
    const waiting = creds ? await throttledLogin(deps, creds.username, request.ip) : null
    if (waiting) return refuse(request, waiting)
    const key = hash('sha256', header, 'base64')
    // deps.clock, as the expiries the entries are bounded by (robots, tokens)
    const now = deps.clock.now().getTime()
    const hit = deps.authCache.credentials.get(key)
    if (hit && hit.until > now) {
      request.principal = hit.principal
      return
    }
    const epoch = deps.authCache.epoch
    if (header.startsWith('Basic ')) {
      const result = creds ? await authenticatePassword(deps, creds.username, creds.password, request.ip) : { error: 'invalid' as const }
      if ('error' in result) return refuse(request, result)
      request.principal = result.principal
      // remembered no longer than the credentials are valid: an expiring robot gets no grace
      if (epoch === deps.authCache.epoch) deps.authCache.credentials.set(key, { principal: result.principal, until: Math.min(now + AUTH_CACHE_MS, result.validUntil ?? Infinity) })
      return
    }
    const claims = await verifyToken(deps, header.slice(7).trim())
    if (!claims) {
      request.authFailure = 'invalid_token'
      return
    }
    request.principal = { kind: 'token', subject: claims.subject, access: claims.access, projects: claims.projects }
    // no longer than the token, nor its robot, is valid; not at all if credentials changed meanwhile
    if (epoch === deps.authCache.epoch) deps.authCache.credentials.set(key, { principal: request.principal, until: Math.min(claims.validUntil, now + AUTH_CACHE_MS) })
    return
  }
  const cookies = request.headers.cookie
  if (cookies && cookies.includes(`${SESSION_COOKIE}=`)) {
    const sid = parseCookie(cookies)[SESSION_COOKIE]
    if (sid) {
      const session = await resolveSession(deps, sid)
      if (!session) return
      // Harbor's rule: browsers attach the cookie to cross-site requests too, so it proves who is
      // asking only for a read, or when the caller also echoes the session's CSRF token (which a
      // page on another site cannot read).
      if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], session.csrf)) {
        request.authFailure = 'csrf'
        return
      }
      request.principal = session.principal
    }
  }
}

function refuse(request: FastifyRequest, failure: LoginFailure): void {
  request.authFailure = failure.error
  if (failure.error === 'throttled') request.throttled = { retryAfter: failure.retryAfter, scope: failure.scope }
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  return timingSafeEqual(hash('sha256', given, 'buffer'), hash('sha256', expected, 'buffer'))
}

/** What a refused cookie means, in words for every surface's error body. */
export const CSRF_REFUSED = `CSRF token invalid: a state-changing request with the session cookie must send the session's ${CSRF_HEADER} header`

/** Why a throttled login was refused, and for how long, in words. */
export function throttledMessage(t: Throttled): string {
  const whom = t.scope === 'user' ? 'for this user from your address' : 'from your address'
  return `too many failed logins ${whom}: try again in ${t.retryAfter} seconds`
}

/**
 * Harbor's answer to a refused password on the API, the token service and the portal: 401 saying
 * why, with Retry-After when the address must wait (Harbor's clients show the message).
 */
export function refusedLogin(reply: FastifyReply, failure: LoginFailure): AppError {
  if (failure.error === 'invalid') return new AppError('UNAUTHORIZED', undefined, 'invalid credentials')
  reply.header('retry-after', String(failure.retryAfter))
  return new AppError('UNAUTHORIZED', { retryAfter: failure.retryAfter }, throttledMessage(failure))
}

/** The same for credentials the authentication hook refused (request.authFailure). */
export function refusedCredentials(request: FastifyRequest, reply: FastifyReply): AppError {
  if (request.authFailure === 'throttled' && request.throttled) return refusedLogin(reply, { error: 'throttled', ...request.throttled })
  return refusedLogin(reply, { error: 'invalid' })
}
