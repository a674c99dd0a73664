// Project members: users with one of Harbor's roles (src/controller/member). Groups come with LDAP/OIDC.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { addUserMember, countMembers, deleteMember, findMember, listMembers as listMemberRows, updateMemberRole, type MemberRow } from '../db/members.js'
import { findUserById, findUserByName } from '../db/users.js'
import { recordAudit } from '../audit/log.js'
import { invalidateAuth, type ProjectRef } from '../iam/auth-cache.js'
import { principalName } from '../iam/principal.js'
import { isRoleId, roleGrants } from '../rbac/roles.js'
import { can } from '../rbac/evaluate.js'
import type { Caller } from './projects.js'

export type { MemberRow }

function requireRole(role: number): void {
  if (!isRoleId(role)) throw new AppError('BAD_REQUEST', { role_id: role }, 'invalid role: must be a project role (1-5)')
}

/**
 * The caller must hold everything the role gives: a robot allowed to manage members cannot make
 * someone (its creator, say) project admin beyond its own permissions. Project admins hold all.
 */
async function requireGrantable(deps: Deps, caller: Caller, ref: ProjectRef, role: number): Promise<void> {
  if (!isRoleId(role)) return
  for (const g of roleGrants(role)) {
    if (!(await can(deps, caller.principal, ref, g.resource, g.action))) {
      throw new AppError('FORBIDDEN', { role_id: role }, "a member's role may not exceed the caller's own permissions in the project")
    }
  }
}

export async function listMembers(deps: Deps, ref: ProjectRef, opts: { entityName?: string; limit: number; offset: number }): Promise<{ total: number; items: MemberRow[] }> {
  const total = await countMembers(deps.db, ref.id, opts.entityName)
  const items = total === 0 ? [] : await listMemberRows(deps.db, ref.id, opts)
  return { total, items }
}

export async function getMember(deps: Deps, ref: ProjectRef, memberId: number): Promise<MemberRow> {
  const m = await findMember(deps.db, ref.id, memberId)
  if (!m) throw new AppError('NOT_FOUND', { member: memberId }, `member ${memberId} of project ${ref.name} not found`)
  return m
}

export type NewMember = { roleId: number; user: { userId?: number | null; username?: string | null } }

export async function addMember(deps: Deps, caller: Caller, ref: ProjectRef, input: NewMember): Promise<number> {
  const { userId, username } = input.user
  if (!(userId && userId > 0) && !username) throw new AppError('BAD_REQUEST', undefined, 'member_user needs a user_id or a username')
  requireRole(input.roleId)
  await requireGrantable(deps, caller, ref, input.roleId)
  const user = userId && userId > 0 ? await findUserById(deps.db, userId) : await findUserByName(deps.db, username!)
  if (!user) throw new AppError('NOT_FOUND', { user: userId || username }, `user ${userId || username} not found`)
  const now = deps.clock.now().toISOString()
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await addUserMember(trx, ref.id, user.user_id, input.roleId, now)
    if (id === undefined) throw new AppError('CONFLICT', { user: user.username }, 'The project member specified already exist')
    await recordAudit(trx, { projectId: ref.id, operation: 'create', resourceType: 'member', resource: user.username, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
    return id
  })
  await invalidateAuth(deps)
  return id
}

export async function changeMemberRole(deps: Deps, caller: Caller, ref: ProjectRef, memberId: number, roleId: number): Promise<void> {
  requireRole(roleId)
  await requireGrantable(deps, caller, ref, roleId)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const m = await findMember(trx, ref.id, memberId)
    if (!m) throw new AppError('NOT_FOUND', { member: memberId }, `member ${memberId} of project ${ref.name} not found`)
    await updateMemberRole(trx, ref.id, memberId, roleId, now)
    await recordAudit(trx, { projectId: ref.id, operation: 'update', resourceType: 'member', resource: m.entity_name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
  await invalidateAuth(deps)
}

export async function removeMember(deps: Deps, caller: Caller, ref: ProjectRef, memberId: number): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const m = await findMember(trx, ref.id, memberId)
    if (!m) throw new AppError('NOT_FOUND', { member: memberId }, `member ${memberId} of project ${ref.name} not found`)
    await deleteMember(trx, ref.id, memberId)
    await recordAudit(trx, { projectId: ref.id, operation: 'delete', resourceType: 'member', resource: m.entity_name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
  await invalidateAuth(deps)
}
