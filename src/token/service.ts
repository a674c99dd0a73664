// The Docker registry token service (distribution's docs/spec/auth/token.md, jwt.md):
// scopes in, a signed JWT out whose `access` claim is the intersection of what was asked and
// what RBAC allows. Beyond the spec's claims, a token names whose credential it came from (id and
// credential version, so it dies with a password change, a demotion, a refreshed or disabled
// robot) and the id of each project it opens (so it opens nothing in a namesake project).
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Deps } from '../deps.js'
import type { Principal, TokenAccess } from '../iam/principal.js'
import { principalName } from '../iam/principal.js'
import { can, canSystem } from '../rbac/evaluate.js'
import { findProjectRef } from '../projects/lookup.js'
import { isValidName } from '../registry/grammar.js'
import { credentialOf, credentialValidUntil, isCredentialRef } from '../iam/credentials.js'

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

/** The actions of `wanted` that `principal` holds, and the project they were decided on. */
export async function grantActions(deps: Deps, principal: Principal, wanted: TokenAccess): Promise<{ actions: string[]; projectId?: number }> {
  if (wanted.type === 'registry' && wanted.name === 'catalog') {
    return { actions: wanted.actions.includes('*') && canSystem(principal, 'catalog', 'read') ? ['*'] : [] }
  }
  if (wanted.type !== 'repository' || !isValidName(wanted.name) || !wanted.name.includes('/')) return { actions: [] }
  const project = await findProjectRef(deps, projectOf(wanted.name))
  if (!project) return { actions: [] }
  const granted: string[] = []
  for (const action of wanted.actions) {
    const ok = action === 'pull' ? await can(deps, principal, project, 'repository', 'pull')
      : action === 'push' ? await can(deps, principal, project, 'repository', 'push')
      : action === 'delete' ? await can(deps, principal, project, 'artifact', 'delete')
      : action === '*' ? await can(deps, principal, project, 'repository', 'push') && await can(deps, principal, project, 'artifact', 'delete')
      : false
    if (ok) granted.push(action)
  }
  return { actions: granted, projectId: project.id }
}

const projectOf = (repository: string) => repository.slice(0, repository.indexOf('/'))

export type IssuedToken = { token: string; expiresIn: number; issuedAt: string }

export async function issueToken(deps: Deps, principal: Principal, scopes: TokenAccess[]): Promise<IssuedToken> {
  const access: TokenAccess[] = []
  const projects: Record<string, number> = {}
  for (const scope of scopes) {
    const { actions, projectId } = await grantActions(deps, principal, scope)
    // distribution-spec: an access entry with no actions is still listed, so clients see the denial
    access.push({ type: scope.type, name: scope.name, actions })
    if (projectId !== undefined && actions.length > 0) projects[projectOf(scope.name)] = projectId
  }
  const cred = credentialOf(principal)
  const { signingKey, config } = deps
  const now = deps.clock.now()
  const expiresIn = config.token.expiration_minutes * 60
  const token = await new SignJWT({ access, projects, ...(cred ? { cred } : {}) })
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

/** `validUntil` (ms): the token's expiry, or its robot's when that comes first. */
export type VerifiedToken = { subject: string; access: TokenAccess[]; projects: Record<string, number>; validUntil: number }

/**
 * Verifies signature, issuer, audience and expiry, and that the credential it was issued to is
 * still current; null for anything not ours or no longer valid.
 */
export async function verifyToken(deps: Deps, token: string): Promise<VerifiedToken | null> {
  let claims: VerifiedToken & { cred: unknown }
  try {
    const { payload } = await jwtVerify(token, deps.signingKey.publicKey, {
      issuer: deps.config.token.issuer,
      audience: deps.config.token.service,
      algorithms: [deps.signingKey.alg],
      currentDate: deps.clock.now(),
    })
    const access = Array.isArray(payload.access) ? (payload.access as unknown[]).filter(isAccess) : []
    const projects = isProjectMap(payload.projects) ? payload.projects : {}
    claims = { subject: typeof payload.sub === 'string' ? payload.sub : '', access, projects, validUntil: (payload.exp ?? 0) * 1000, cred: payload.cred }
  } catch {
    return null
  }
  const { cred, ...verified } = claims
  // anonymous tokens name nobody; any other must name a credential that still stands
  if (verified.subject === '' && cred === undefined) return verified
  if (!isCredentialRef(cred)) return null
  const holderUntil = await credentialValidUntil(deps, cred, verified.subject)
  if (holderUntil === null) return null
  return { ...verified, validUntil: Math.min(verified.validUntil, holderUntil) }
}

function isProjectMap(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((id) => Number.isSafeInteger(id))
}

function isAccess(v: unknown): v is TokenAccess {
  const a = v as TokenAccess
  return typeof a?.type === 'string' && typeof a.name === 'string' && Array.isArray(a.actions) && a.actions.every((x) => typeof x === 'string')
}

/**
 * Whether a verified token allows every one of `actions` on `name` (a repository, or the catalog):
 * its access claim says so and, for a repository, the project of that name is still the one it was
 * issued for (one cached lookup, whatever the number of actions).
 */
export async function tokenAllows(deps: Deps, token: { access: TokenAccess[]; projects: Record<string, number> }, type: string, name: string, actions: string[]): Promise<boolean> {
  const held = (action: string) => token.access.some((a) => a.type === type && a.name === name && (a.actions.includes(action) || a.actions.includes('*')))
  if (!actions.every(held)) return false
  if (type !== 'repository') return true
  const project = await findProjectRef(deps, projectOf(name))
  return project !== undefined && Object.hasOwn(token.projects, project.name) && token.projects[project.name] === project.id
}
