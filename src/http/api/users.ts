// Harbor's /users routes (swagger tag "user"; Harbor src/server/v2.0/handler/user.go): list,
// create and sign up, current user and permissions, search, profile, password, sysadmin, delete.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { UserRow } from '../../db/schema.js'
import type { UserListOptions } from '../../db/users.js'
import { principalName } from '../../iam/principal.js'
import * as users from '../../iam/users.js'
import { getSettings } from '../../config/settings.js'
import { canSystem, isSysadmin } from '../../rbac/evaluate.js'
import { renewSession } from '../portal.js'
import { requireAuthenticated, requireSystemAccess } from './access.js'
import { pagingHeaders, parsePaging } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { parseBody, positiveId, queryBool, queryStrings, requestPath } from './request.js'

type Params = { user_id: string }

/** Harbor's UserResp; never a password. */
export function toUserResp(row: UserRow) {
  return {
    user_id: row.user_id,
    username: row.username,
    email: row.email ?? '',
    realname: row.realname,
    comment: row.comment,
    sysadmin_flag: row.sysadmin_flag === 1,
    // granted by an external authenticator (LDAP); always false with database users
    admin_role_in_auth: false,
    creation_time: row.creation_time,
    update_time: row.update_time,
  }
}

const creationBody = z.object({
  username: z.string().default(''),
  email: z.string().default(''),
  realname: z.string().default(''),
  comment: z.string().optional(),
  password: z.string().default(''),
})
const profileBody = z.object({ email: z.string().optional(), realname: z.string().optional(), comment: z.string().optional() })
const passwordBody = z.object({ old_password: z.string().optional(), new_password: z.string() })
const sysadminBody = z.object({ sysadmin_flag: z.boolean() })

const userIdParam = (raw: string) => positiveId(raw, 'user_id')

const isSelf = (request: FastifyRequest, id: number) => request.principal.kind === 'user' && request.principal.id === id

function requireSysadmin(request: FastifyRequest, message: string): void {
  requireAuthenticated(request)
  if (!isSysadmin(request.principal)) throw new AppError('FORBIDDEN', undefined, message)
}

/** Self, or whoever holds the system permission on users; 401 anonymous, 403 others. */
function requireSelfOr(request: FastifyRequest, id: number, action: 'read' | 'update'): void {
  requireAuthenticated(request)
  if (!isSelf(request, id) && !canSystem(request.principal, 'user', action)) {
    throw new AppError('FORBIDDEN', undefined, `not authorized to ${action} user ${id}`)
  }
}

const actorOf = (request: FastifyRequest) => ({
  username: principalName(request.principal),
  clientIp: request.ip,
  userId: request.principal.kind === 'user' ? request.principal.id : undefined,
})

const LIST_FIELDS = { username: 'string', email: 'string' } as const
const SORT_FIELDS = ['user_id', 'username', 'email', 'realname', 'creation_time', 'update_time'] as const

export function usersRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/users', async (request, reply) => {
    requireSystemAccess(request, 'user', 'list')
    const query = queryStrings(request)
    const paging = parsePaging(query)
    const filters: UserListOptions['filters'] = { ...parseQuery(query.q, LIST_FIELDS) }
    // Harbor's handler also reads ?username= and ?email= as substrings
    for (const key of ['username', 'email'] as const) {
      const v = query[key]
      if (v !== undefined && v !== '') filters[key] = { kind: 'fuzzy', value: v }
    }
    const sort = parseSort(query.sort, SORT_FIELDS)
    const { total, users: rows } = await users.listUsers(deps, { filters, sort, offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total))
    return rows.map(toUserResp)
  })

  app.post('/users', async (request, reply) => {
    // Harbor's sign-up: with self-registration on, anyone not signed in may create an ordinary user
    const signUp = request.principal.kind === 'anonymous' && (await getSettings(deps)).self_registration
    if (!signUp) requireSystemAccess(request, 'user', 'create')
    const body = parseBody(creationBody, request)
    const actor = actorOf(request)
    const id = await users.createUser(deps, body, signUp ? { ...actor, username: body.username } : actor)
    return reply.code(201).header('location', `${requestPath(request).replace(/\/$/, '')}/${id}`).send()
  })

  app.get('/users/current', async (request) => {
    requireAuthenticated(request)
    const p = request.principal
    if (p.kind !== 'user') throw new AppError('PRECONDITION_FAILED', undefined, `the current user is not available for ${p.kind} credentials`)
    return toUserResp(await users.getUser(deps, p.id))
  })

  app.get('/users/current/permissions', async (request) => {
    requireAuthenticated(request)
    const query = queryStrings(request)
    return users.currentPermissions(deps, request.principal, query.scope ?? '', queryBool(query, 'relative', false))
  })

  app.get('/users/search', async (request, reply) => {
    requireAuthenticated(request)
    const query = queryStrings(request)
    const username = query.username
    if (username === undefined || username === '') throw new AppError('BAD_REQUEST', { parameter: 'username' }, 'username is required')
    const paging = parsePaging(query)
    const { total, users: rows } = await users.searchUsers(deps, username, { offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total))
    return rows.map((u) => ({ user_id: u.user_id, username: u.username }))
  })

  app.get<{ Params: Params }>('/users/:user_id', async (request) => {
    requireAuthenticated(request)
    const id = userIdParam(request.params.user_id)
    requireSelfOr(request, id, 'read')
    return toUserResp(await users.getUser(deps, id))
  })

  app.put<{ Params: Params }>('/users/:user_id', async (request, reply) => {
    requireAuthenticated(request)
    const id = userIdParam(request.params.user_id)
    requireSelfOr(request, id, 'update')
    const body = parseBody(profileBody, request)
    await users.updateProfile(deps, id, body, actorOf(request))
    return reply.code(200).send()
  })

  app.delete<{ Params: Params }>('/users/:user_id', async (request, reply) => {
    requireSystemAccess(request, 'user', 'delete')
    const id = userIdParam(request.params.user_id)
    await users.deleteUser(deps, id, actorOf(request))
    return reply.code(200).send()
  })

  app.put<{ Params: Params }>('/users/:user_id/password', async (request, reply) => {
    requireAuthenticated(request)
    const id = userIdParam(request.params.user_id)
    // Whoever sets a password can sign in as that user: beyond one's own, only system admins may
    // (Harbor lets any holder of user update, a robot say, take over an admin this way).
    if (!isSelf(request, id)) requireSysadmin(request, `not authorized to set the password of user ${id}`)
    const body = parseBody(passwordBody, request)
    // Harbor: whoever changes their own password proves the current one, admins included
    const oldPassword = isSelf(request, id) ? (body.old_password ?? '') : undefined
    await users.changePassword(deps, id, { oldPassword, newPassword: body.new_password }, actorOf(request))
    // the change ended every session of the user; the one that made it goes on under a new cookie
    if (isSelf(request, id) && request.principal.kind === 'user' && request.principal.via === 'session') {
      await renewSession(deps, request, reply, id)
    }
    return reply.code(200).send()
  })

  app.put<{ Params: Params }>('/users/:user_id/sysadmin', async (request, reply) => {
    // only an admin makes an admin: a robot holding user update must not mint one
    requireSysadmin(request, 'only system admins may change the system admin flag')
    const id = userIdParam(request.params.user_id)
    const body = parseBody(sysadminBody, request)
    await users.setSysadmin(deps, id, body.sysadmin_flag, actorOf(request))
    return reply.code(200).send()
  })
}
