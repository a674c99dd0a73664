// Tags list, catalog and referrers, paged with `n` and `last` and a Link header.
import type { FastifyReply } from 'fastify'
import { AppError } from '../../errors.js'
import { queryOf, type V2Handler } from './plugin.js'
import { listReferrers, listRepositories, listTags, type Page } from '../../registry/listings.js'
import { OCI_INDEX } from '../../registry/media-types.js'

function pageParams(q: Record<string, string | undefined>): { n?: number; last?: string } {
  let n: number | undefined
  if (q.n !== undefined && q.n !== '') {
    n = Number(q.n)
    if (!Number.isSafeInteger(n) || n < 0) throw new AppError('PAGINATION_INVALID', { n: q.n })
  }
  return { n, last: q.last === '' ? undefined : q.last }
}

function sendPage(reply: FastifyReply, path: string, page: Page<string>, n: number | undefined, body: object) {
  if (page.next !== undefined) {
    const params = new URLSearchParams({ last: page.next, n: String(n ?? page.items.length) })
    reply.header('link', `<${path}?${params}>; rel="next"`)
  }
  return reply.code(200).header('content-type', 'application/json').send(Buffer.from(JSON.stringify(body)))
}

export const tagsHandler: V2Handler<{ route: 'tags'; name: string }> = async (deps, request, reply, route) => {
  const params = pageParams(queryOf(request))
  const page = await listTags(deps, route.name, params)
  return sendPage(reply, `/v2/${route.name}/tags/list`, page, params.n, { name: route.name, tags: page.items })
}

export const catalogHandler: V2Handler<{ route: 'catalog' }> = async (deps, request, reply) => {
  const params = pageParams(queryOf(request))
  const page = await listRepositories(deps, params)
  return sendPage(reply, '/v2/_catalog', page, params.n, { repositories: page.items })
}

export const referrersHandler: V2Handler<{ route: 'referrers'; name: string; digest: string }> = async (deps, request, reply, route) => {
  const artifactType = queryOf(request).artifactType || undefined
  const index = await listReferrers(deps, route.name, route.digest, artifactType)
  if (artifactType !== undefined) reply.header('oci-filters-applied', 'artifactType')
  // exactly the index media type, no charset: clients compare it for equality
  return reply.code(200).header('content-type', OCI_INDEX).send(Buffer.from(JSON.stringify(index)))
}
