// GET/POST /service/token: the Docker registry token flow (distribution docs/spec/auth/token.md
// and oauth.md). Basic credentials or none (anonymous) in; a JWT whose access claim RBAC decided out.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { SignJWT, jwtVerify } from 'jose'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { issueToken, parseScope } from '../token/service.js'
import { authenticatePassword } from '../iam/authenticate.js'
import { findUserById } from '../db/users.js'
import { credentialOf, isCredentialRef, type CredentialRef } from '../iam/credentials.js'
import type { Principal, TokenAccess } from '../iam/principal.js'
import { sendHarborError } from './harbor-errors.js'
import { refusedCredentials, refusedLogin } from './auth.js'

const REFRESH_TTL_SECONDS = 7 * 24 * 3600

export async function tokenPlugin(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })
  app.setErrorHandler((err, request, reply) => sendHarborError(request, reply, err))

  app.get('/service/token', async (request, reply) => {
    const q = request.query as Record<string, string | string[] | undefined>
    if (request.authFailure) throw refusedCredentials(request, reply)
    const principal = request.principal.kind === 'token' ? null : request.principal
    if (!principal) throw new AppError('UNAUTHORIZED', undefined, 'a registry token cannot obtain another token')
    const scopes = scopesOf(q.scope)
    const issued = await issueToken(deps, principal, scopes)
    const body: Record<string, unknown> = { token: issued.token, access_token: issued.token, expires_in: issued.expiresIn, issued_at: issued.issuedAt }
    if (q.offline_token === 'true' && principal.kind === 'user') body.refresh_token = await refreshTokenFor(deps, principal)
    return send(reply, body)
  })

  // OAuth2 (docker login with identity tokens): grant_type password or refresh_token.
  app.post('/service/token', async (request, reply) => {
    const f = (request.body ?? {}) as Record<string, string | undefined>
    const scopes = scopesOf(f.scope?.split(' ').filter(Boolean))
    let principal: Principal
    if (f.grant_type === 'password') {
      if (!f.username || f.password === undefined) throw new AppError('BAD_REQUEST', undefined, 'username and password are required')
      const result = await authenticatePassword(deps, f.username, f.password, request.ip)
      if ('error' in result) throw refusedLogin(reply, result)
      principal = result.principal
    } else if (f.grant_type === 'refresh_token') {
      const user = f.refresh_token ? await userFromRefresh(deps, f.refresh_token) : null
      if (!user) throw new AppError('UNAUTHORIZED', undefined, 'invalid refresh token')
      principal = user
    } else {
      throw new AppError('BAD_REQUEST', undefined, 'grant_type must be password or refresh_token')
    }
    const issued = await issueToken(deps, principal, scopes)
    const body: Record<string, unknown> = { access_token: issued.token, token: issued.token, expires_in: issued.expiresIn, issued_at: issued.issuedAt, scope: f.scope ?? '' }
    if (f.access_type === 'offline' && principal.kind === 'user') body.refresh_token = await refreshTokenFor(deps, principal)
    return send(reply, body)
  })
}

function send(reply: FastifyReply, body: Record<string, unknown>) {
  return reply.header('cache-control', 'no-store').header('content-type', 'application/json').send(JSON.stringify(body))
}

function scopesOf(raw: string | string[] | undefined): TokenAccess[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  const scopes: TokenAccess[] = []
  // docker sends several scopes in one parameter separated by spaces, others repeat the parameter
  for (const s of list.flatMap((x) => x.split(' ')).filter(Boolean).slice(0, 64)) {
    const parsed = parseScope(s)
    if (!parsed) throw new AppError('BAD_REQUEST', { scope: s }, `invalid scope "${s}"`)
    scopes.push(parsed)
  }
  return scopes
}

/** A refresh token names the user by id and credential version: it dies with a password change. */
async function refreshTokenFor(deps: Deps, user: Extract<Principal, { kind: 'user' }>): Promise<string> {
  const now = Math.floor(deps.clock.now().getTime() / 1000)
  return new SignJWT({ typ: 'refresh', cred: credentialOf(user) })
    .setProtectedHeader({ alg: deps.signingKey.alg, kid: deps.signingKey.kid })
    .setIssuer(deps.config.token.issuer).setAudience(`${deps.config.token.service}/refresh`)
    .setSubject(user.username).setIssuedAt(now).setExpirationTime(now + REFRESH_TTL_SECONDS)
    .sign(deps.signingKey.privateKey)
}

/** The user a refresh token was issued to, if it is ours, unexpired, and their credentials unchanged since. */
async function userFromRefresh(deps: Deps, token: string): Promise<Principal | null> {
  let subject: string
  let cred: CredentialRef
  try {
    const { payload } = await jwtVerify(token, deps.signingKey.publicKey, {
      issuer: deps.config.token.issuer, audience: `${deps.config.token.service}/refresh`, algorithms: [deps.signingKey.alg], currentDate: deps.clock.now(),
    })
    if (payload.typ !== 'refresh' || typeof payload.sub !== 'string' || !isCredentialRef(payload.cred) || payload.cred.k !== 'u') return null
    subject = payload.sub
    cred = payload.cred
  } catch {
    return null
  }
  // one read: the user checked is the user the new token is issued to
  const user = await findUserById(deps.db, cred.id)
  if (!user || user.username !== subject || user.credential_version !== cred.v) return null
  return { kind: 'user', id: user.user_id, username: user.username, sysadmin: user.sysadmin_flag === 1, credentialVersion: user.credential_version, via: 'basic' }
}
