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
import { canSystem } from '../../rbac/evaluate.js'
import { requireAuthenticated, requireSystemAccess } from './access.js'
import { pagingHeaders, parsePaging } from './paging.js'
import { parseQuery, parseSort } from './query.js'

type Params = { user_id: string }
type Query = Record<string, string>

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

const creationBody = z.strictObject({
  username: z.string().default(''),
  email: z.string().default(''),
  realname: z.string().default(''),
  comment: z.string().optional(),
  password: z.string().default(''),
})
const profileBody = z.strictObject({ email: z.string().optional(), realname: z.string().optional(), comment: z.string().optional() })
const passwordBody = z.strictObject({ old_password: z.string().optional(), new_password: z.string() })
const sysadminBody = z.strictObject({ sysadmin_flag: z.boolean() })

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    throw new AppError('BAD_REQUEST', undefined, `invalid request body: ${where}${issue?.message ?? 'bad value'}`)
  }
  return result.data
}

function userIdParam(raw: string): number {
  const id = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN
  if (!(id > 0)) throw new AppError('BAD_REQUEST', undefined, 'user_id must be a positive integer')
  return id
}

const isSelf = (request: FastifyRequest, id: number) => request.principal.kind === 'user' && request.principal.id === id

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
  app.get<{ Querystring: Query }>('/users', async (request, reply) => {
    requireSystemAccess(request, 'user', 'list')
    const paging = parsePaging(request.query)
    const filters: UserListOptions['filters'] = { ...parseQuery(request.query.q, LIST_FIELDS) }
    // Harbor's handler also reads ?username= and ?email= as substrings
    for (const key of ['username', 'email'] as const) {
      const v = request.query[key]
      if (typeof v === 'string' && v !== '') filters[key] = { kind: 'fuzzy', value: v }
    }
    const sort = parseSort(request.query.sort, SORT_FIELDS)
    const { total, users: rows } = await users.listUsers(deps, { filters, sort, offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(request.url.split('?')[0]!, request.query, paging.page, paging.pageSize, total))
    return rows.map(toUserResp)
  })

  app.post('/users', async (request, reply) => {
    // Harbor's sign-up: with self-registration on, anyone not signed in may create an ordinary user
    const signUp = request.principal.kind === 'anonymous' && (await getSettings(deps)).self_registration
    if (!signUp) requireSystemAccess(request, 'user', 'create')
    const body = parseBody(creationBody, request.body)
    const actor = actorOf(request)
    const id = await users.createUser(deps, body, signUp ? { ...actor, username: body.username } : actor)
    return reply.code(201).header('location', `${request.url.split('?')[0]!.replace(/\/$/, '')}/${id}`).send()
  })

  app.get('/users/current', async (request) => {
    requireAuthenticated(request)
    const p = request.principal
    if (p.kind !== 'user') throw new AppError('PRECONDITION_FAILED', undefined, `the current user is not available for ${p.kind} credentials`)
    return toUserResp(await users.getUser(deps, p.id))
  })

  app.get<{ Querystring: Query }>('/users/current/permissions', async (request) => {
    requireAuthenticated(request)
    const { scope = '', relative = 'false' } = request.query
    if (relative !== 'true' && relative !== 'false') throw new AppError('BAD_REQUEST', undefined, 'relative must be true or false')
    return users.currentPermissions(deps, request.principal, scope, relative === 'true')
  })

  app.get<{ Querystring: Query }>('/users/search', async (request, reply) => {
    requireAuthenticated(request)
    const username = request.query.username
    if (typeof username !== 'string' || username === '') throw new AppError('BAD_REQUEST', undefined, 'username is required')
    const paging = parsePaging(request.query)
    const { total, users: rows } = await users.searchUsers(deps, username, { offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(request.url.split('?')[0]!, request.query, paging.page, paging.pageSize, total))
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
    const body = parseBody(profileBody, request.body)
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
    requireSelfOr(request, id, 'update')
    const body = parseBody(passwordBody, request.body)
    // Harbor: whoever changes their own password proves the current one, admins included
    const oldPassword = isSelf(request, id) ? (body.old_password ?? '') : undefined
    await users.changePassword(deps, id, { oldPassword, newPassword: body.new_password }, actorOf(request))
    return reply.code(200).send()
  })

  app.put<{ Params: Params }>('/users/:user_id/sysadmin', async (request, reply) => {
    requireSystemAccess(request, 'user', 'update')
    const id = userIdParam(request.params.user_id)
    const body = parseBody(sysadminBody, request.body)
    await users.setSysadmin(deps, id, body.sysadmin_flag, actorOf(request))
    return reply.code(200).send()
  })
}
