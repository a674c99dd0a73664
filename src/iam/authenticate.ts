// Credentials → Principal. Users by password, robots `robot$<name>` by secret. Failures are
// throttled per client address and user name (src/iam/login-throttle.ts), never per user alone,
// so nobody can lock another user out; every failure is audited, every wait logged and audited.
import { createHash } from 'node:crypto'
import type { Deps } from '../deps.js'
import { findUserByName, replaceUserPasswordHash } from '../db/users.js'
import { findRobotByName, listRobotPermissions, replaceRobotSecretHash } from '../db/robots.js'
import { recordAuditSoon } from '../audit/log.js'
import { hashPassword, needsRehash, verifyOrSpend } from './passwords.js'
import type { Principal } from './principal.js'
import { robotValidUntil } from './credentials.js'
import { attemptFailed, attemptSucceeded, chargeAttempt, currentWait, type Throttled } from './login-throttle.js'

export const ROBOT_PREFIX = 'robot$'

export type LoginFailure = { error: 'invalid' } | ({ error: 'throttled' } & Throttled)
/** `validUntil` (ms on deps.clock): when the credentials stop being valid by themselves (a robot's expiry). */
export type LoginResult = { principal: Principal; validUntil?: number } | LoginFailure

/** Checks in progress, by client address and credentials (hashed), per Deps. */
const inFlight = new WeakMap<Deps, Map<string, Promise<LoginResult>>>()

/**
 * Checks a username (or robot name) and password from `clientIp`; audits failures, throttles
 * repeated ones. The same credentials from the same address while a check of them is under way
 * share that check: a client's burst of parallel requests (layers pushed at once, a load test) is
 * one attempt, not several that the throttle would count against it before any could succeed.
 */
export function authenticatePassword(deps: Deps, username: string, password: string, clientIp: string): Promise<LoginResult> {
  let checks = inFlight.get(deps)
  if (!checks) inFlight.set(deps, (checks = new Map()))
  const key = createHash('sha256').update(clientIp).update('\0').update(username).update('\0').update(password).digest('base64')
  const running = checks.get(key)
  if (running) return running
  const check = checkPassword(deps, username, password, clientIp).finally(() => checks.delete(key))
  checks.set(key, check)
  return check
}

async function checkPassword(deps: Deps, username: string, password: string, clientIp: string): Promise<LoginResult> {
  const attempt = await chargeAttempt(deps, username, clientIp)
  if ('retryAfter' in attempt) return refused(deps, username, clientIp, attempt)

  const ok = username.startsWith(ROBOT_PREFIX)
    ? await authenticateRobot(deps, username.slice(ROBOT_PREFIX.length), password)
    : await authenticateUser(deps, username, password)
  if (ok) {
    await attemptSucceeded(deps, attempt)
    return ok
  }

  recordAuditSoon(deps, { operation: 'login_failed', resourceType: 'user', resource: username, username, clientIp })
  for (const wait of await attemptFailed(deps, attempt)) {
    deps.log.warn({ username, clientIp, seconds: wait.seconds, scope: wait.scope }, 'login throttled after repeated failures')
    // one row per wait, not per refused attempt: anonymous requests must not grow the audit table at line rate
    recordAuditSoon(deps, { operation: 'login_throttled', resourceType: 'user', resource: username, username, clientIp })
  }
  return { error: 'invalid' }
}

/**
 * The refusal when `clientIp` must still wait before trying `username`, else null: for whatever
 * would accept a password without checking it again (the credentials cache), which must not
 * answer the guesses of a waiting address either.
 */
export async function throttledLogin(deps: Deps, username: string, clientIp: string): Promise<LoginFailure | null> {
  const wait = await currentWait(deps, username, clientIp)
  return wait ? refused(deps, username, clientIp, wait) : null
}

/** Refused before the password is checked: logged each time, audited when the wait starts (above). */
function refused(deps: Deps, username: string, clientIp: string, wait: Throttled): LoginFailure {
  deps.log.info({ username, clientIp, retryAfter: wait.retryAfter, scope: wait.scope }, 'login throttled')
  return { error: 'throttled', ...wait }
}

// Unknown names, users without a password, disabled and expired robots all pay for one password
// check of today's cost, as a known name does: a wrong answer takes as long whoever is asked about.
async function authenticateUser(deps: Deps, username: string, password: string): Promise<{ principal: Principal } | null> {
  const user = await findUserByName(deps.db, username)
  if (!(await verifyOrSpend(password, user?.password, deps.passwordCost)) || !user) return null
  if (needsRehash(user.password!, deps.passwordCost)) {
    await rehash(deps, 'user', user.username, () => hashPassword(password, deps.passwordCost).then((h) => replaceUserPasswordHash(deps.db, user.user_id, user.password!, h)))
  }
  return { principal: { kind: 'user', id: user.user_id, username: user.username, sysadmin: user.sysadmin_flag === 1, credentialVersion: user.credential_version, via: 'basic' } }
}

async function authenticateRobot(deps: Deps, name: string, secret: string): Promise<{ principal: Principal; validUntil?: number } | null> {
  const robot = await findRobotByName(deps.db, name)
  const matches = await verifyOrSpend(secret, robot?.secret, deps.passwordCost)
  const validUntil = robot && matches ? robotValidUntil(deps, robot) : null
  if (!robot || validUntil === null) return null
  if (needsRehash(robot.secret, deps.passwordCost)) {
    await rehash(deps, 'robot', robot.name, () => hashPassword(secret, deps.passwordCost).then((h) => replaceRobotSecretHash(deps.db, robot.id, robot.secret, h)))
  }
  const principal: Principal = {
    kind: 'robot', id: robot.id, name: robot.name, projectId: robot.project_id, credentialVersion: robot.credential_version,
    permissions: await listRobotPermissions(deps.db, robot.id),
  }
  return validUntil === Infinity ? { principal } : { principal, validUntil }
}

/** A hash of an older, weaker cost is made anew while the password is at hand; a failure to store it only waits for the next login. */
async function rehash(deps: Deps, kind: 'user' | 'robot', name: string, replace: () => Promise<void>): Promise<void> {
  try {
    await replace()
  } catch (err) {
    deps.log.warn({ err, kind, name }, 'could not store the password hash at the current cost')
  }
}
