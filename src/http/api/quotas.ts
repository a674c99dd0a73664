// /api/v2.0/quotas, read side (Harbor src/server/v2.0/handler/quota.go): one quota per project,
// whose id is the project's id; only `storage` is counted.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { requireSystemAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { positiveId, queryStrings, requestPath } from './request.js'
import { getQuota, listQuotas, type QuotaRow } from '../../projects/quotas.js'

/** Harbor's Quota with a project reference. */
function toHarborQuota(q: QuotaRow) {
  return {
    id: q.project_id,
    ref: { id: q.project_id, name: q.name, owner_name: q.owner_name ?? '' },
    hard: { storage: q.hard_storage },
    used: { storage: q.used_storage },
    creation_time: q.creation_time,
    update_time: q.update_time,
  }
}

const SORTS = {
  'hard.storage': { field: 'hard', desc: false }, '-hard.storage': { field: 'hard', desc: true },
  'used.storage': { field: 'used', desc: false }, '-used.storage': { field: 'used', desc: true },
} as const

export function quotaRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/quotas', async (request, reply) => {
    requireSystemAccess(request, 'quota', 'list')
    const query = queryStrings(request)
    const paging = parsePaging(query)
    let sort: (typeof SORTS)[keyof typeof SORTS] | undefined
    if (query.sort) {
      if (!Object.hasOwn(SORTS, query.sort)) throw new AppError('BAD_REQUEST', { sort: query.sort }, `cannot sort quotas by ${query.sort}`)
      sort = SORTS[query.sort as keyof typeof SORTS]
    }
    let projectIds: number[] | undefined
    // every quota references a project; another reference, or an id that is no number, matches none
    if (query.reference && query.reference !== 'project') projectIds = []
    if (query.reference_id) projectIds = /^[0-9]{1,15}$/.test(query.reference_id) && projectIds === undefined ? [Number(query.reference_id)] : []
    const { total, items } = await listQuotas(deps, { projectIds, sort, limit: paging.pageSize, offset: paging.offset })
    return reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total)).send(items.map(toHarborQuota))
  })

  app.get<{ Params: { id: string } }>('/quotas/:id', async (request) => {
    requireSystemAccess(request, 'quota', 'read')
    return toHarborQuota(await getQuota(deps, positiveId(request.params.id, 'id')))
  })
}
