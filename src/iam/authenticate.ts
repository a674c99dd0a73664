// Credentials → Principal. Users by password (locked out for a while after repeated failures,
// and every failure and lock logged and audited); robots `robot$<name>` by secret.
import type { Deps } from '../deps.js'
import { findUserByName } from '../db/users.js'
import { findRobotByName, listRobotPermissions } from '../db/robots.js'
import { recordAuditSoon } from '../audit/log.js'
import { verifyPassword } from './passwords.js'
import type { Principal } from './principal.js'

export const ROBOT_PREFIX = 'robot$'

type Failures = { count: number; lockedUntil: number }
const failures = new WeakMap<Deps, Map<string, Failures>>()

function failuresOf(deps: Deps): Map<string, Failures> {
  let m = failures.get(deps)
  if (!m) failures.set(deps, (m = new Map()))
  return m
}

export type LoginResult = { principal: Principal } | { error: 'invalid' | 'locked' }

/** Checks a username (or robot name) and password; audits failures, locks out repeated ones. */
export async function authenticatePassword(deps: Deps, username: string, password: string, clientIp: string): Promise<LoginResult> {
  const tracked = failuresOf(deps)
  const now = deps.clock.now().getTime()
  const state = tracked.get(username)
  if (state && state.lockedUntil > now) return { error: 'locked' }

  const principal = username.startsWith(ROBOT_PREFIX)
    ? await authenticateRobot(deps, username.slice(ROBOT_PREFIX.length), password)
    : await authenticateUser(deps, username, password)
  if (principal) {
    tracked.delete(username)
    return { principal }
  }

  const { max_failures, lock_seconds } = deps.config.auth.lockout
  const next = { count: (state?.count ?? 0) + 1, lockedUntil: 0 }
  if (next.count >= max_failures) {
    next.lockedUntil = now + lock_seconds * 1000
    next.count = 0
    deps.log.warn({ username, clientIp, seconds: lock_seconds }, 'login locked after repeated failures')
  }
  tracked.set(username, next)
  if (tracked.size > 100_000) tracked.delete(tracked.keys().next().value!)
  recordAuditSoon(deps, { operation: 'login_failed', resourceType: 'user', resource: username, username, clientIp })
  return { error: 'invalid' }
}

async function authenticateUser(deps: Deps, username: string, password: string): Promise<Principal | null> {
  const user = await findUserByName(deps.db, username)
  if (!user || !user.password || !(await verifyPassword(password, user.password))) return null
  return { kind: 'user', id: user.user_id, username: user.username, sysadmin: user.sysadmin_flag === 1, via: 'basic' }
}

async function authenticateRobot(deps: Deps, name: string, secret: string): Promise<Principal | null> {
  const robot = await findRobotByName(deps.db, name)
  if (!robot || robot.disabled) return null
  if (robot.expires_at !== -1 && robot.expires_at * 1000 <= deps.clock.now().getTime()) return null
  if (!(await verifyPassword(secret, robot.secret))) return null
  return { kind: 'robot', id: robot.id, name: robot.name, projectId: robot.project_id, permissions: await listRobotPermissions(deps.db, robot.id) }
}
