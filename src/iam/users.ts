// Local users (Harbor's db_auth): sign-up and creation, profile, password, system admin flag,
// listing, search and deletion. Routes state who may call; this decides what is valid.
// Harbor src/controller/user/controller.go and src/server/v2.0/handler/user.go validate alike.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/log.js'
import {
  countUsers, deleteUser as deleteUserRow, findUserByEmail, findUserById, findUserByName, insertUser, isUniqueViolation,
  listUsers as listUserRows, revokeUserCredentials, updateUserPassword, updateUserProfile, updateUserSysadmin, type UserListOptions,
} from '../db/users.js'
import type { Db, UserRow } from '../db/schema.js'
import { findProjectById } from '../db/projects.js'
import { can, canSystem } from '../rbac/evaluate.js'
import { isRoleId, publicAllows, roleAllows, type Action, type Resource } from '../rbac/roles.js'
import type { Principal } from './principal.js'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js'
import { invalidateAuth } from './auth-cache.js'

/** The system admin created at first start; never deleted (Harbor: user id 1). */
export const FIRST_ADMIN_ID = 1

/** Who makes a change, for the audit log. */
export type Actor = { username: string; clientIp: string }

// Harbor's IsContainIllegalChar list for usernames, with `"` (it breaks Harbor's own UI) and `:`
// (Basic credentials split at the first one, so such a user could never sign in). Control and
// invisible format characters are refused too: two names that look the same are never two users.
const USERNAME_ILLEGAL = /[,"~#$%:]|\p{C}/u
const REALNAME_ILLEGAL = /[,~#$%]|\p{C}/u
// Harbor's e-mail pattern (handler/user.go validateUserProfile)
const EMAIL = /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/

const bad = (message: string) => new AppError('BAD_REQUEST', undefined, message)

export function usernameProblem(username: string): string | null {
  if (username.length < 1 || username.length > 255) return 'username must be 1 to 255 characters long'
  if (username.trim() !== username) return 'username must not start or end with white space'
  if (USERNAME_ILLEGAL.test(username)) return 'username contains illegal characters'
  return null
}

function checkEmail(email: string): void {
  if (email === '') throw bad("email can't be empty")
  if (email.length > 255 || !EMAIL.test(email)) throw bad('email with illegal format')
}

function checkRealname(realname: string): void {
  if (realname.length < 1 || realname.length > 255) throw bad('realname with illegal length')
  if (REALNAME_ILLEGAL.test(realname)) throw bad('realname contains illegal characters')
}

function checkComment(comment: string): void {
  // Harbor's limit: 30 characters
  if (comment.length > 30) throw bad('comment with illegal length')
  if (/\p{Cc}/u.test(comment)) throw bad('comment contains illegal characters')
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password)
  if (problem) throw bad(problem)
}

export async function getUser(deps: Deps, id: number): Promise<UserRow> {
  const row = Number.isSafeInteger(id) && id > 0 ? await findUserById(deps.db, id) : undefined
  if (!row) throw new AppError('NOT_FOUND', { user_id: id }, `user ${id} not found`)
  return row
}

export type NewUser = { username: string; email: string; realname: string; comment?: string | undefined; password: string }

/** Creates a local user (never a system admin); 409 CONFLICT when the username or email is taken. */
export async function createUser(deps: Deps, input: NewUser, actor: Actor): Promise<number> {
  const problem = usernameProblem(input.username)
  if (problem) throw bad(problem)
  checkEmail(input.email)
  checkRealname(input.realname)
  checkComment(input.comment ?? '')
  checkPassword(input.password)
  const hash = await hashPassword(input.password, deps.passwordCost)
  const now = deps.clock.now().toISOString()
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await findUserByName(trx, input.username)) throw new AppError('CONFLICT', undefined, `username ${input.username} is already used`)
      if (await findUserByEmail(trx, input.email)) throw new AppError('CONFLICT', undefined, `email ${input.email} is already used`)
      const id = await insertUser(trx, {
        username: input.username, email: input.email, realname: input.realname, comment: input.comment ?? '',
        password: hash, sysadmin: false, now,
      })
      await recordAudit(trx, { operation: 'create', resourceType: 'user', resource: input.username, username: actor.username, clientIp: actor.clientIp }, now)
      return id
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', undefined, 'username or email is already used')
    throw err
  }
}

export async function listUsers(deps: Deps, opts: UserListOptions): Promise<{ total: number; users: UserRow[] }> {
  const total = await countUsers(deps.db, opts.filters)
  const users = total > opts.offset ? await listUserRows(deps.db, opts) : []
  return { total, users }
}

/** Harbor's user search: a substring of the username, by id. */
export async function searchUsers(deps: Deps, username: string, paging: { offset: number; limit: number }): Promise<{ total: number; users: UserRow[] }> {
  return listUsers(deps, { filters: { username: { kind: 'fuzzy', value: username } }, sort: [], ...paging })
}

export type ProfileChange = { email?: string | undefined; realname?: string | undefined; comment?: string | undefined }

/** Changes email, realname and comment; fields left out keep their value. */
export async function updateProfile(deps: Deps, id: number, change: ProfileChange, actor: Actor): Promise<void> {
  if (change.email !== undefined) checkEmail(change.email)
  if (change.realname !== undefined) checkRealname(change.realname)
  if (change.comment !== undefined) checkComment(change.comment)
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      const user = await getUserIn(trx, id)
      if (change.email !== undefined && change.email !== user.email) {
        const other = await findUserByEmail(trx, change.email)
        if (other && other.user_id !== id) throw new AppError('CONFLICT', undefined, `email ${change.email} is already used`)
      }
      await updateUserProfile(trx, id, {
        email: change.email ?? user.email, realname: change.realname ?? user.realname, comment: change.comment ?? user.comment, now,
      })
      await recordAudit(trx, { operation: 'update', resourceType: 'user', resource: user.username, username: actor.username, clientIp: actor.clientIp }, now)
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', undefined, 'email is already used')
    throw err
  }
}

/**
 * Sets a new password. `oldPassword` is checked when given (users changing their own; Harbor
 * answers 403 when it is wrong); a system admin resetting someone else's passes none.
 * The new password must follow Harbor's rule and differ from the current one.
 */
export async function changePassword(deps: Deps, id: number, change: { oldPassword?: string | undefined; newPassword: string }, actor: Actor): Promise<void> {
  const user = await getUser(deps, id)
  if (change.oldPassword !== undefined && !(user.password && (await verifyPassword(change.oldPassword, user.password)))) {
    throw new AppError('FORBIDDEN', undefined, 'current password is incorrect')
  }
  checkPassword(change.newPassword)
  if (user.password && (await verifyPassword(change.newPassword, user.password))) throw bad('new password is identical to old password')
  const hash = await hashPassword(change.newPassword, deps.passwordCost)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await getUserIn(trx, id)
    await updateUserPassword(trx, id, hash, now)
    await revokeUserCredentials(trx, id)
    await recordAudit(trx, { operation: 'update', resourceType: 'user', resource: user.username, username: actor.username, clientIp: actor.clientIp }, now)
  })
  await invalidateAuth(deps)
}

/** Promotes or demotes a system admin; nobody changes their own flag. */
export async function setSysadmin(deps: Deps, id: number, sysadmin: boolean, actor: Actor & { userId?: number | undefined }): Promise<void> {
  if (actor.userId === id) throw new AppError('FORBIDDEN', undefined, 'you cannot change your own system admin flag')
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const user = await getUserIn(trx, id)
    await updateUserSysadmin(trx, id, sysadmin, now)
    // a demoted admin's sessions and tokens were issued to an admin
    if (!sysadmin && user.sysadmin_flag === 1) await revokeUserCredentials(trx, id)
    await recordAudit(trx, { operation: 'update', resourceType: 'user', resource: user.username, username: actor.username, clientIp: actor.clientIp }, now)
  })
  await invalidateAuth(deps)
}

/** Deletes a user with their memberships and sessions; never the first admin, never oneself. */
export async function deleteUser(deps: Deps, id: number, actor: Actor & { userId?: number | undefined }): Promise<void> {
  if (id === FIRST_ADMIN_ID || actor.userId === id) throw new AppError('FORBIDDEN', undefined, `user ${id} cannot be deleted`)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const user = await getUserIn(trx, id)
    await deleteUserRow(trx, id)
    await recordAudit(trx, { operation: 'delete', resourceType: 'user', resource: user.username, username: actor.username, clientIp: actor.clientIp }, now)
  })
  await invalidateAuth(deps)
}

async function getUserIn(db: Db, id: number): Promise<UserRow> {
  const row = await findUserById(db, id)
  if (!row) throw new AppError('NOT_FOUND', { user_id: id }, `user ${id} not found`)
  return row
}

const PROJECT_RESOURCES: Resource[] = [
  '', 'member', 'metadata', 'log', 'label', 'quota', 'repository', 'tag-retention', 'immutable-tag', 'configuration', 'robot',
  'notification-policy', 'scan', 'scanner', 'artifact', 'artifact-addition', 'tag', 'accessory', 'artifact-label', 'preheat-policy',
]
const ACTIONS: Action[] = ['create', 'read', 'update', 'delete', 'list', 'pull', 'push', 'operate', 'stop']
/** Every (resource, action) some project role or a public project grants: Harbor's project policies. */
const PROJECT_POLICIES = PROJECT_RESOURCES.flatMap((resource) => ACTIONS
  .filter((action) => publicAllows(resource, action) || [1, 2, 3, 4, 5].some((role) => isRoleId(role) && roleAllows(role, resource, action)))
  .map((action) => ({ resource, action })))

const CRUDL = ['create', 'read', 'update', 'delete', 'list']
/** Harbor's system policies (src/common/rbac/system/policies.go). */
const SYSTEM_POLICIES: Array<{ resource: string; action: string }> = [
  ['catalog', ['read']], ['audit-log', ['list']], ['project', CRUDL], ['user', CRUDL], ['user-group', CRUDL],
  ['registry', CRUDL], ['replication', CRUDL], ['distribution', CRUDL], ['garbage-collection', CRUDL], ['scan-all', CRUDL],
  ['system-volumes', ['read']], ['ldap-user', ['create', 'list']], ['configuration', ['read', 'update']],
].flatMap(([resource, actions]) => (actions as string[]).map((action) => ({ resource: resource as string, action })))

/**
 * Harbor's GET /users/current/permissions: what the caller may do within `scope` ("/system" or
 * "/project/{id}"), as full resource paths or, when `relative`, paths relative to the scope
 * (the scope itself being "."). An unknown scope or project yields nothing.
 */
export async function currentPermissions(deps: Deps, principal: Principal, scope: string, relative: boolean): Promise<Array<{ resource: string; action: string }>> {
  const show = (resource: string) => (relative ? resource || '.' : resource ? `${scope}/${resource}` : scope)
  if (scope === '/system') {
    return SYSTEM_POLICIES.filter((p) => canSystem(principal, p.resource, p.action)).map((p) => ({ resource: show(p.resource), action: p.action }))
  }
  const m = /^\/project\/([0-9]{1,15})$/.exec(scope)
  if (!m) return []
  const row = await findProjectById(deps.db, Number(m[1]))
  if (!row) return []
  const project = { id: row.project_id, name: row.name, public: row.public === 1 }
  const out: Array<{ resource: string; action: string }> = []
  for (const p of PROJECT_POLICIES) {
    if (await can(deps, principal, project, p.resource, p.action)) out.push({ resource: show(p.resource), action: p.action })
  }
  return out
}
