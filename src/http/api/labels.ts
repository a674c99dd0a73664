// Harbor's labels: /labels and /labels/{label_id}. Global labels (scope g) are the system's,
// project labels (scope p) belong to a project and need label permissions there.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { Action } from '../../rbac/roles.js'
import type { LabelRow } from '../../db/schema.js'
import type { LabelFilter } from '../../db/labels.js'
import { toHarborLabel } from '../../registry/artifacts-api.js'
import { createLabel, deleteLabel, listLabels, requireLabel, updateLabel } from '../../labels/labels.js'
import { requireAuthenticated, requireProjectAccess, requireSystemAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { actorOf } from './repositories.js'
import { parseBody, positiveId, queryStrings, requestPath } from './request.js'

const QUERY_FIELDS = { name: 'string' } as const
const SORT_FIELDS = ['name', 'id', 'creation_time', 'update_time'] as const
const COLOR = /^(#[0-9A-Fa-f]{3,8})?$/

const labelBody = z.object({
  id: z.number().int().optional(),
  name: z.string().min(1).max(128),
  description: z.string().max(1024).optional(),
  color: z.string().max(16).regex(COLOR).optional(),
  scope: z.enum(['g', 'p']),
  project_id: z.number().int().min(0).optional(),
  creation_time: z.string().max(64).optional(),
  update_time: z.string().max(64).optional(),
  deleted: z.boolean().optional(),
})

const labelUpdate = labelBody.partial()

/** Harbor's requireAccess: system label permission for global labels, project label permission otherwise. */
async function requireLabelAccess(deps: Deps, request: FastifyRequest, label: Pick<LabelRow, 'scope' | 'project_id'>, action: Action): Promise<void> {
  if (label.scope === 'g') {
    // every signed-in user may see global labels (the portal lists them in every project)
    if (action === 'read') return requireAuthenticated(request)
    return requireSystemAccess(request, 'label', action)
  }
  await requireProjectAccess(deps, request, { id: label.project_id }, 'label', action)
}

export function labelRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/labels', async (request, reply) => {
    if (request.principal.kind === 'token') throw new AppError('UNAUTHORIZED')
    const query = queryStrings(request)
    const scope = query.scope
    if (scope !== 'g' && scope !== 'p') throw new AppError('BAD_REQUEST', { scope }, `invalid scope: ${scope ?? ''}`)
    const q = parseQuery(query.q, QUERY_FIELDS)
    const sort = parseSort(query.sort, SORT_FIELDS)
    const paging = parsePaging(query)
    const filter: LabelFilter = { scope, projectId: 0 }
    if (scope === 'p') {
      const pid = query.project_id === undefined ? 0 : positiveId(query.project_id, 'project_id')
      if (pid === 0) throw new AppError('BAD_REQUEST', undefined, 'must with project ID when to query project labels')
      await requireProjectAccess(deps, request, { id: pid }, 'label', 'list')
      filter.projectId = pid
    }
    if (query.name) filter.name = { fuzzy: query.name }
    if (q.name) {
      if (q.name.kind === 'exact') filter.name = { exact: q.name.value }
      else if (q.name.kind === 'fuzzy') filter.name = { fuzzy: q.name.value }
      else throw new AppError('BAD_REQUEST', undefined, 'q: name takes an exact or fuzzy value')
    }
    const { total, items } = await listLabels(deps, filter, sort, { offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total))
    return items.map(toHarborLabel)
  })

  app.post('/labels', async (request, reply) => {
    const body = parseBody(labelBody, request)
    const projectId = body.scope === 'g' ? 0 : (body.project_id ?? 0)
    if (body.scope === 'p' && projectId === 0) throw new AppError('BAD_REQUEST', undefined, 'a project label needs project_id')
    await requireLabelAccess(deps, request, { scope: body.scope, project_id: projectId }, 'create')
    const id = await createLabel(deps, actorOf(request), {
      name: body.name, description: body.description ?? '', color: body.color ?? '', scope: body.scope, projectId,
    })
    return reply.code(201).header('location', `${requestPath(request).replace(/\/$/, '')}/${id}`).send()
  })

  app.get<{ Params: { label_id: string } }>('/labels/:label_id', async (request) => {
    const label = await requireLabel(deps, positiveId(request.params.label_id, 'label_id'))
    await requireLabelAccess(deps, request, label, 'read')
    return toHarborLabel(label)
  })

  app.put<{ Params: { label_id: string } }>('/labels/:label_id', async (request, reply) => {
    const id = positiveId(request.params.label_id, 'label_id')
    const body = parseBody(labelUpdate, request)
    const label = await requireLabel(deps, id)
    await requireLabelAccess(deps, request, label, 'update')
    await updateLabel(deps, actorOf(request), label, { name: body.name, description: body.description, color: body.color })
    return reply.code(200).send()
  })

  app.delete<{ Params: { label_id: string } }>('/labels/:label_id', async (request, reply) => {
    const label = await requireLabel(deps, positiveId(request.params.label_id, 'label_id'))
    await requireLabelAccess(deps, request, label, 'delete')
    await deleteLabel(deps, actorOf(request), label)
    return reply.code(200).send()
  })
}
