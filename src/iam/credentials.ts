// What a derived credential (a registry token, a refresh token, a portal session) remembers of the
// credential it came from: whose it is, by id, and that holder's credential version. The version is
// bumped whenever a password or secret changes, an admin is demoted or a robot is disabled or its
// permissions change, so every credential derived before the change stops working with it; a new
// user or robot that takes a deleted one's name has another id and inherits nothing.
import type { Deps } from '../deps.js'
import type { RobotRow } from '../db/schema.js'
import { findUserById } from '../db/users.js'
import { findRobotById } from '../db/robots.js'
import type { Principal } from './principal.js'
import { ROBOT_PREFIX } from './authenticate.js'

/** `k`: 'u' user, 'r' robot; `v`: the holder's credential_version when the credential was derived. */
export type CredentialRef = { k: 'u' | 'r'; id: number; v: number }

export function isCredentialRef(v: unknown): v is CredentialRef {
  const c = v as CredentialRef
  return typeof c === 'object' && c !== null && (c.k === 'u' || c.k === 'r') && Number.isSafeInteger(c.id) && Number.isSafeInteger(c.v)
}

export function credentialOf(p: Principal): CredentialRef | undefined {
  if (p.kind === 'user') return { k: 'u', id: p.id, v: p.credentialVersion }
  if (p.kind === 'robot') return { k: 'r', id: p.id, v: p.credentialVersion }
  return undefined
}

/**
 * Until when (ms; Infinity: no end of its own) the holder's credential stands, if the holder still
 * exists under `subject`, unchanged since, and (robots) enabled and unexpired; null otherwise.
 */
export async function credentialValidUntil(deps: Deps, ref: CredentialRef, subject: string): Promise<number | null> {
  if (ref.k === 'u') {
    const user = await findUserById(deps.db, ref.id)
    return user !== undefined && user.username === subject && user.credential_version === ref.v ? Infinity : null
  }
  const robot = await findRobotById(deps.db, ref.id)
  if (!robot || `${ROBOT_PREFIX}${robot.name}` !== subject || robot.credential_version !== ref.v) return null
  return robotValidUntil(deps, robot)
}

/** Until when (ms; Infinity: never expires) a robot may act: null when disabled or expired. */
export function robotValidUntil(deps: Deps, robot: Pick<RobotRow, 'disabled' | 'expires_at'>): number | null {
  if (robot.disabled === 1) return null
  if (robot.expires_at === -1) return Infinity
  const until = robot.expires_at * 1000
  return until > deps.clock.now().getTime() ? until : null
}
