// Harbor's audit log API: GET /audit-logs (every row for system admins, the projects one is
// project admin of for others) and GET /projects/{project_name}/logs (log list in the project).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { listAuditLogs, visibleAuditProjects } from '../../audit/list.js'
import type { AuditFilter } from '../../db/audit.js'
import { requireAuthenticated, requireProjectAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { queryStrings, requestPath } from './request.js'

const QUERY_FIELDS = { operation: 'string', resource_type: 'string', resource: 'string', username: 'string', op_time: 'time' } as const
const SORT_FIELDS = ['id', 'op_time', 'operation', 'resource_type', 'resource', 'username'] as const

async function answer(deps: Deps, request: FastifyRequest, projectIds: number[] | null) {
  const query = queryStrings(request)
  const conditions = parseQuery(query.q, QUERY_FIELDS) as AuditFilter['conditions']
  const sort = parseSort(query.sort, SORT_FIELDS)
  const paging = parsePaging(query)
  const { total, logs } = await listAuditLogs(deps, { projectIds, conditions }, { sort, offset: paging.offset, limit: paging.pageSize })
  return { headers: pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total), logs }
}

export function auditLogRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/audit-logs', async (request, reply) => {
    requireAuthenticated(request)
    const { headers, logs } = await answer(deps, request, await visibleAuditProjects(deps, request.principal))
    return reply.headers(headers).send(logs)
  })

  app.get<{ Params: { project_name: string } }>('/projects/:project_name/logs', async (request, reply) => {
    // {project_name} is always a name here (Harbor's projectName parameter), never an id
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'log', 'list')
    const { headers, logs } = await answer(deps, request, [project.id])
    return reply.headers(headers).send(logs)
  })
}
