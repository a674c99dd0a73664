// Who is asking, for every request: authenticators in order, first match wins (as Harbor's
// security middleware): Basic credentials (users and robot$ accounts), a registry bearer token,
// the portal's session cookie, else anonymous. Each surface decides what a failure means.
import { hash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parse as parseCookie } from 'cookie'
import type { Deps } from '../deps.js'
import { ANONYMOUS, type Principal } from '../iam/principal.js'
import { authenticatePassword } from '../iam/authenticate.js'
import { resolveSession, SESSION_COOKIE } from '../iam/sessions.js'
import { verifyToken } from '../token/service.js'
import { AUTH_CACHE_MS } from '../iam/auth-cache.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
    /** Why presented credentials were refused; anonymous requests have none. */
    authFailure: 'invalid' | 'locked' | 'invalid_token' | undefined
    /** The session's CSRF token when the principal came from the portal cookie. */
    sessionCsrf: string | undefined
  }
}

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
  app.decorateRequest('sessionCsrf', undefined)
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS
    await authenticateRequest(deps, request)
  })
}

async function authenticateRequest(deps: Deps, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization
  if (header && (header.startsWith('Basic ') || header.startsWith('Bearer '))) {
    const key = hash('sha256', header, 'base64')
    const now = Date.now()
    const hit = deps.authCache.credentials.get(key)
    if (hit && hit.until > now) {
      request.principal = hit.principal
      return
    }
    const epoch = deps.authCache.epoch
    if (header.startsWith('Basic ')) {
      const creds = parseBasic(header)
      const result = creds ? await authenticatePassword(deps, creds.username, creds.password, request.ip) : { error: 'invalid' as const }
      if ('error' in result) {
        request.authFailure = result.error
        return
      }
      request.principal = result.principal
      if (epoch === deps.authCache.epoch) deps.authCache.credentials.set(key, { principal: result.principal, until: now + AUTH_CACHE_MS })
      return
    }
    const claims = await verifyToken(deps, header.slice(7).trim())
    if (!claims) {
      request.authFailure = 'invalid_token'
      return
    }
    request.principal = { kind: 'token', subject: claims.subject, access: claims.access }
    deps.authCache.credentials.set(key, { principal: request.principal, until: Math.min(claims.exp * 1000, now + AUTH_CACHE_MS) })
    return
  }
  const cookies = request.headers.cookie
  if (cookies && cookies.includes(`${SESSION_COOKIE}=`)) {
    const sid = parseCookie(cookies)[SESSION_COOKIE]
    if (sid) {
      const session = await resolveSession(deps, sid)
      if (session) {
        request.principal = session.principal
        request.sessionCsrf = session.csrf
      }
    }
  }
}
