// Portal sessions (Harbor's /c/login): a random cookie value whose sha256 is stored, a CSRF
// token bound to it, an expiry renewed by use, and the user's credential version: a password
// change or a demotion ends every session opened before it.
import { createHash, randomBytes } from 'node:crypto'
import type { Deps } from '../deps.js'
import { deleteSession, findSession, insertSession, touchSession } from '../db/sessions.js'
import { findUserById } from '../db/users.js'
import type { Principal } from './principal.js'

export const SESSION_COOKIE = 'sid'
export const CSRF_HEADER = 'x-harbor-csrf-token'

const hashId = (value: string) => createHash('sha256').update(value).digest('hex')

export async function createSession(deps: Deps, user: { id: number; credentialVersion: number }): Promise<{ cookie: string; csrf: string; maxAge: number }> {
  const cookie = randomBytes(32).toString('base64url')
  const csrf = randomBytes(32).toString('base64url')
  const now = deps.clock.now()
  const maxAge = deps.config.auth.session_ttl_minutes * 60
  await insertSession(deps.db, { id_hash: hashId(cookie), user_id: user.id, credential_version: user.credentialVersion, csrf_token: csrf, expires_at: new Date(now.getTime() + maxAge * 1000).toISOString(), now: now.toISOString() })
  return { cookie, csrf, maxAge }
}

/** A new session for the user as they are now (after their own password change ended the old one). */
export async function createCurrentSession(deps: Deps, userId: number): Promise<{ cookie: string; csrf: string; maxAge: number } | null> {
  const user = await findUserById(deps.db, userId)
  return user ? createSession(deps, { id: user.user_id, credentialVersion: user.credential_version }) : null
}

/** The session's user and CSRF token, or null if unknown or expired; use renews it. */
export async function resolveSession(deps: Deps, cookie: string): Promise<{ principal: Principal; csrf: string } | null> {
  const idHash = hashId(cookie)
  const row = await findSession(deps.db, idHash)
  const now = deps.clock.now()
  if (!row) return null
  if (row.expires_at <= now.toISOString() || row.session_version !== row.credential_version) {
    await deleteSession(deps.db, idHash)
    return null
  }
  const renewed = new Date(now.getTime() + deps.config.auth.session_ttl_minutes * 60_000).toISOString()
  // renew at most once a minute, not on every request
  if (Date.parse(renewed) - Date.parse(row.expires_at) > 60_000) await touchSession(deps.db, idHash, renewed)
  return {
    principal: { kind: 'user', id: row.user_id, username: row.username, sysadmin: row.sysadmin_flag === 1, credentialVersion: row.credential_version, via: 'session' },
    csrf: row.csrf_token,
  }
}

export async function endSession(deps: Deps, cookie: string): Promise<void> {
  await deleteSession(deps.db, hashId(cookie))
}
