// Robot accounts v2 (Harbor's /robots): the permission comes from the robot's level, system
// robots needing system robot access and project robots robot access in their project.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { can } from '../../rbac/evaluate.js'
import type { Action } from '../../rbac/roles.js'
import { findProjectRefById } from '../../projects/lookup.js'
import { assertRobotShape, createRobot, deleteRobot, getRobot, getRobotRow, listRobots, refreshRobotSecret, updateRobot, type RobotLevel } from '../../iam/robots.js'
import { requireAuthenticated, requireProjectAccess, requireSystemAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { parseBody, positiveId, queryStrings, requestPath } from './request.js'

// Harbor's Access.effect: Berth's robot permissions only grant, so a "deny" (which Harbor honours)
// is refused rather than read as a grant
const effect = z.string().max(16).refine((e) => e === '' || e === 'allow', { message: 'Berth grants permissions only: effect must be "allow" (deny is not supported)' })
const access = z.object({ resource: z.string().max(64), action: z.string().max(64), effect: effect.optional() })
const permission = z.object({
  kind: z.enum(['project', 'system']),
  namespace: z.string().min(1).max(255),
  access: z.array(access).max(200),
})
const level = z.enum(['system', 'project'])

const robotCreate = z.object({
  name: z.string().min(1).max(255),
  description: z.string().max(1024).optional(),
  secret: z.string().max(128).optional(),
  level,
  disable: z.boolean().optional(),
  duration: z.number().int().optional(),
  permissions: z.array(permission).min(1).max(100),
})

// Harbor's PUT takes the whole Robot object, as GET returns it
const robotUpdate = z.object({
  id: z.number().int().optional(),
  name: z.string().max(512).optional(),
  description: z.string().max(1024).optional(),
  secret: z.string().max(128).optional(),
  level,
  duration: z.number().int().nullable().optional(),
  editable: z.boolean().optional(),
  disable: z.boolean().optional(),
  expires_at: z.number().int().optional(),
  permissions: z.array(permission).min(1).max(100),
  creator_type: z.string().max(16).optional(),
  creator_ref: z.number().int().optional(),
  creation_time: z.string().max(64).optional(),
  update_time: z.string().max(64).optional(),
})

// Berth refreshes with a generated secret when PATCH comes without a body
const robotSec = z.object({ secret: z.string().max(128).optional() }).default({})

const QUERY_FIELDS = { level: 'string', project_id: 'number', name: 'string' } as const
const SORT_FIELDS = ['id', 'name', 'creation_time', 'update_time', 'expires_at', 'duration'] as const


/** Harbor's robotAPI.requireAccess: system robots by system permission, project robots in their project. */
async function requireRobotAccess(deps: Deps, request: FastifyRequest, lvl: RobotLevel, projectId: number, action: Action): Promise<void> {
  if (lvl === 'system') return requireSystemAccess(request, 'robot', action)
  const project = await findProjectRefById(deps, projectId)
  if (!project || !(await can(deps, request.principal, project, 'robot', action))) {
    throw new AppError('FORBIDDEN')
  }
}

export function robotRoutes(app: FastifyInstance, deps: Deps) {
  app.post('/robots', async (request, reply) => {
    requireAuthenticated(request)
    const body = parseBody(robotCreate, request)
    assertRobotShape(body.level, body.permissions)
    // a namespace is a project's name (Harbor's robot permissions); the project checked is the one given
    const project = body.level === 'system'
      ? (requireSystemAccess(request, 'robot', 'create'), undefined)
      : await requireProjectAccess(deps, request, { name: body.permissions[0]!.namespace }, 'robot', 'create')
    const created = await createRobot(deps, request.principal, body, request.ip, project)
    return reply.code(201).header('location', `${requestPath(request).replace(/\/+$/, '')}/${created.id}`).send(created)
  })

  app.get('/robots', async (request, reply) => {
    requireAuthenticated(request)
    const params = queryStrings(request)
    const query = parseQuery(params.q, QUERY_FIELDS)
    const sort = parseSort(params.sort, SORT_FIELDS)
    const paging = parsePaging(params)
    const exact = <T>(c: { kind: string; value?: T } | undefined, what: string): T | undefined => {
      if (c === undefined) return undefined
      if (c.kind !== 'exact') throw new AppError('BAD_REQUEST', undefined, `${what} takes an exact value`)
      return c.value
    }
    const pidCondition = query.project_id as { kind: string; value?: number } | undefined
    const lvl = exact(query.level, 'level') ?? 'system'
    if (lvl !== 'system' && lvl !== 'project') throw new AppError('BAD_REQUEST', undefined, 'bad request error level input')
    let projectId = 0
    if (lvl === 'project') {
      const pid = exact(pidCondition, 'project_id')
      if (pid === undefined) throw new AppError('BAD_REQUEST', undefined, 'must with project ID when to query project robots')
      await requireProjectAccess(deps, request, { id: pid }, 'robot', 'list')
      projectId = pid
    } else {
      requireSystemAccess(request, 'robot', 'list')
    }
    let name = query.name
    if (name && (name.kind === 'exact' || name.kind === 'fuzzy') && name.value.startsWith('robot$')) name = { ...name, value: name.value.slice(6) }
    const { total, robots } = await listRobots(deps, { level: lvl, projectId, ...(name ? { name } : {}) }, { sort, offset: paging.offset, limit: paging.pageSize })
    return reply.headers(pagingHeaders(requestPath(request), params, paging.page, paging.pageSize, total)).send(robots)
  })

  app.get<{ Params: { robot_id: string } }>('/robots/:robot_id', async (request) => {
    requireAuthenticated(request)
    const id = positiveId(request.params.robot_id, 'robot_id')
    const row = await getRobotRow(deps, id)
    await requireRobotAccess(deps, request, row.level, row.project_id, 'read')
    return getRobot(deps, id)
  })

  app.put<{ Params: { robot_id: string } }>('/robots/:robot_id', async (request, reply) => {
    requireAuthenticated(request)
    const id = positiveId(request.params.robot_id, 'robot_id')
    const body = parseBody(robotUpdate, request)
    const row = await getRobotRow(deps, id)
    await requireRobotAccess(deps, request, row.level, row.project_id, 'update')
    await updateRobot(deps, request.principal, id, body, request.ip)
    return reply.code(200).send()
  })

  app.patch<{ Params: { robot_id: string } }>('/robots/:robot_id', async (request) => {
    requireAuthenticated(request)
    const id = positiveId(request.params.robot_id, 'robot_id')
    const body = parseBody(robotSec, request)
    const row = await getRobotRow(deps, id)
    await requireRobotAccess(deps, request, row.level, row.project_id, 'update')
    return refreshRobotSecret(deps, request.principal, id, body.secret, request.ip)
  })

  app.delete<{ Params: { robot_id: string } }>('/robots/:robot_id', async (request, reply) => {
    requireAuthenticated(request)
    const id = positiveId(request.params.robot_id, 'robot_id')
    const row = await getRobotRow(deps, id)
    await requireRobotAccess(deps, request, row.level, row.project_id, 'delete')
    await deleteRobot(deps, request.principal, id, request.ip)
    return reply.code(200).send()
  })
}
