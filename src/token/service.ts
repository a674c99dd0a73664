// The Docker registry token service (distribution's docs/spec/auth/token.md, jwt.md):
// scopes in, a signed JWT out whose `access` claim is the intersection of what was asked and
// what RBAC allows; /v2 verifies it without another database lookup.
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Deps } from '../deps.js'
import type { Principal, TokenAccess } from '../iam/principal.js'
import { principalName } from '../iam/principal.js'
import { can, canSystem } from '../rbac/evaluate.js'
import { findProjectRef } from '../projects/lookup.js'
import { isValidName } from '../registry/grammar.js'

/** `repository:proj/app:pull,push`, `repository(plugin):…`, `registry:catalog:*`; null when malformed. */
export function parseScope(scope: string): TokenAccess | null {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first <= 0 || last === first) return null
  const type = scope.slice(0, first).replace(/\(.*\)$/, '')
  const name = scope.slice(first + 1, last)
  const actions = scope.slice(last + 1).split(',').filter(Boolean)
  if (!/^[a-z0-9]+$/.test(type) || !name || actions.length === 0 || actions.some((a) => !/^[a-z*]+$/.test(a))) return null
  return { type, name, actions: [...new Set(actions)] }
}

/** The actions of `wanted` that `principal` holds. */
export async function grantActions(deps: Deps, principal: Principal, wanted: TokenAccess): Promise<string[]> {
  if (wanted.type === 'registry' && wanted.name === 'catalog') {
    return wanted.actions.includes('*') && canSystem(principal, 'catalog', 'read') ? ['*'] : []
  }
  if (wanted.type !== 'repository' || !isValidName(wanted.name) || !wanted.name.includes('/')) return []
  const project = await findProjectRef(deps, wanted.name.slice(0, wanted.name.indexOf('/')))
  if (!project) return []
  const granted: string[] = []
  for (const action of wanted.actions) {
    const ok = action === 'pull' ? await can(deps, principal, project, 'repository', 'pull')
      : action === 'push' ? await can(deps, principal, project, 'repository', 'push')
      : action === 'delete' ? await can(deps, principal, project, 'artifact', 'delete')
      : action === '*' ? await can(deps, principal, project, 'repository', 'push') && await can(deps, principal, project, 'artifact', 'delete')
      : false
    if (ok) granted.push(action)
  }
  return granted
}

export type IssuedToken = { token: string; expiresIn: number; issuedAt: string }

export async function issueToken(deps: Deps, principal: Principal, scopes: TokenAccess[]): Promise<IssuedToken> {
  const access: TokenAccess[] = []
  for (const scope of scopes) {
    const actions = await grantActions(deps, principal, scope)
    // distribution-spec: an access entry with no actions is still listed, so clients see the denial
    access.push({ type: scope.type, name: scope.name, actions })
  }
  const { signingKey, config } = deps
  const now = deps.clock.now()
  const expiresIn = config.token.expiration_minutes * 60
  const token = await new SignJWT({ access })
    .setProtectedHeader({ alg: signingKey.alg, kid: signingKey.kid, typ: 'JWT' })
    .setIssuer(config.token.issuer)
    .setSubject(principal.kind === 'anonymous' ? '' : principalName(principal))
    .setAudience(config.token.service)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setNotBefore(Math.floor(now.getTime() / 1000) - 1)
    .setExpirationTime(Math.floor(now.getTime() / 1000) + expiresIn)
    .setJti(randomUUID())
    .sign(signingKey.privateKey)
  return { token, expiresIn, issuedAt: now.toISOString() }
}

/** Verifies signature, issuer, audience and expiry; null for anything not ours or no longer valid. */
export async function verifyToken(deps: Deps, token: string): Promise<{ subject: string; access: TokenAccess[]; exp: number } | null> {
  try {
    const { payload } = await jwtVerify(token, deps.signingKey.publicKey, {
      issuer: deps.config.token.issuer,
      audience: deps.config.token.service,
      algorithms: [deps.signingKey.alg],
      currentDate: deps.clock.now(),
    })
    const access = Array.isArray(payload.access) ? (payload.access as unknown[]).filter(isAccess) : []
    return { subject: typeof payload.sub === 'string' ? payload.sub : '', access, exp: payload.exp ?? 0 }
  } catch {
    return null
  }
}

function isAccess(v: unknown): v is TokenAccess {
  const a = v as TokenAccess
  return typeof a?.type === 'string' && typeof a.name === 'string' && Array.isArray(a.actions) && a.actions.every((x) => typeof x === 'string')
}

/** Whether a verified token allows `action` on `repository` (or the catalog). */
export function tokenAllows(access: TokenAccess[], type: string, name: string, action: string): boolean {
  return access.some((a) => a.type === type && a.name === name && (a.actions.includes(action) || a.actions.includes('*')))
}
