// /c/login and /c/log_out, as Harbor's portal uses them (form-encoded principal and password;
// Harbor src/core/controllers/base.go). A login opens a session: an HttpOnly cookie and a CSRF
// token the portal echoes in X-Harbor-CSRF-Token on every state-changing API call.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parse as parseCookie, serialize } from 'cookie'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAuditSoon } from '../audit/log.js'
import { authenticatePassword } from '../iam/authenticate.js'
import { createCurrentSession, createSession, endSession, SESSION_COOKIE } from '../iam/sessions.js'
import { sendHarborError } from './harbor-errors.js'
import { isHttps } from './origin.js'
import { refusedLogin } from './auth.js'

/** Largest login form accepted. */
const FORM_LIMIT = 16 * 1024

/**
 * Harbor keeps GET /c/log_out (its portal and scripts use it), so a link on another site could
 * log a user out, and a form there could log the user in as someone else. Browsers say where a
 * request comes from (Fetch Metadata); neither endpoint takes one from another site. Clients
 * that are not browsers send no such header and are not affected.
 */
function refuseCrossSite(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('FORBIDDEN', undefined, 'cross-site request refused: log in and out from the portal itself')
}

/** Secure when clients reach Berth over HTTPS: by external_url, or by a trusted proxy's X-Forwarded-Proto. */
const cookieOptions = (deps: Deps, request: FastifyRequest) => ({
  httpOnly: true, sameSite: 'lax' as const, path: '/', secure: isHttps(deps, request),
})

/** Replaces the caller's session cookie (and CSRF token) with a new session of the user. */
export async function renewSession(deps: Deps, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const session = await createCurrentSession(deps, userId)
  if (!session) return
  reply.header('set-cookie', serialize(SESSION_COOKIE, session.cookie, { ...cookieOptions(deps, request), maxAge: session.maxAge }))
    .header('x-harbor-csrf-token', session.csrf)
}

export async function portalPlugin(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })
  app.setErrorHandler((err, request, reply) => sendHarborError(request, reply, err))

  app.post('/c/login', { bodyLimit: FORM_LIMIT }, async (request, reply) => {
    refuseCrossSite(request)
    const form = (request.body ?? {}) as Record<string, unknown>
    const principal = typeof form.principal === 'string' ? form.principal : ''
    const password = typeof form.password === 'string' ? form.password : ''
    if (principal === '' || password === '') throw new AppError('UNAUTHORIZED', undefined, 'invalid credentials')
    const result = await authenticatePassword(deps, principal, password, request.ip)
    // audited and logged by authenticatePassword
    if ('error' in result) throw refusedLogin(reply, result)
    const user = result.principal
    // portal sessions are for people; robots use their secret on every call
    if (user.kind !== 'user') throw new AppError('UNAUTHORIZED', undefined, 'invalid credentials')
    const session = await createSession(deps, user)
    recordAuditSoon(deps, { operation: 'login', resourceType: 'user', resource: user.username, username: user.username, clientIp: request.ip })
    return reply.code(200)
      .header('set-cookie', serialize(SESSION_COOKIE, session.cookie, { ...cookieOptions(deps, request), maxAge: session.maxAge }))
      .header('x-harbor-csrf-token', session.csrf)
      .send()
  })

  app.get('/c/log_out', async (request, reply) => {
    refuseCrossSite(request)
    const sid = request.headers.cookie ? parseCookie(request.headers.cookie)[SESSION_COOKIE] : undefined
    if (sid) {
      await endSession(deps, sid)
      if (request.principal.kind === 'user') {
        const username = request.principal.username
        recordAuditSoon(deps, { operation: 'logout', resourceType: 'user', resource: username, username, clientIp: request.ip })
      }
    }
    return reply.code(200)
      .header('set-cookie', serialize(SESSION_COOKIE, '', { ...cookieOptions(deps, request), maxAge: 0, expires: new Date(0) }))
      .send()
  })
}
