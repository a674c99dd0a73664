// Harbor's repositories: /repositories (all the caller may see) and /projects/{project_name}/repositories[/{repository_name}].
// {repository_name} is the name without the project, URL-encoded twice by clients.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { principalName } from '../../iam/principal.js'
import { visibleProjectIds } from '../../projects/visibility.js'
import { deleteRepository, fullRepositoryName, getRepository, listRepositories, requireRepository, updateRepository, type Actor, type RepositoryView } from '../../registry/repositories-api.js'
import type { RepoContext } from '../../registry/artifacts-api.js'
import type { RepositoryFilter, RepositorySort } from '../../db/repositories.js'
import type { Action, Resource } from '../../rbac/roles.js'
import { requireProjectAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { parseBody, queryStrings, requestPath } from './request.js'

export type RepoParams = { project_name: string; repository_name: string }

export function actorOf(request: FastifyRequest): Actor {
  return { username: principalName(request.principal), clientIp: request.ip }
}

/** The permission first, then the repository (404 if the project has no such repository). */
export async function requireRepositoryAccess(deps: Deps, request: FastifyRequest, params: RepoParams, resource: Resource, action: Action): Promise<RepoContext> {
  const project = await requireProjectAccess(deps, request, { name: params.project_name }, resource, action)
  const name = fullRepositoryName(project.name, params.repository_name)
  const repo = await requireRepository(deps, project.id, name)
  return { projectId: project.id, projectName: project.name, repositoryId: repo.repository_id, repository: name }
}

const QUERY_FIELDS = { name: 'string', project_id: 'number' } as const
const SORT_FIELDS = ['name', 'creation_time', 'update_time', 'pull_count', 'id'] as const

function listArgs(query: Record<string, string>) {
  const q = parseQuery(query.q, QUERY_FIELDS)
  const filter: RepositoryFilter = {}
  if (q.name) {
    if (q.name.kind === 'exact') filter.name = { exact: q.name.value }
    else if (q.name.kind === 'fuzzy') filter.name = { fuzzy: q.name.value }
    else throw new AppError('BAD_REQUEST', undefined, 'q: name takes an exact or fuzzy value')
  }
  let projectId: number | undefined
  if (q.project_id) {
    if (q.project_id.kind !== 'exact') throw new AppError('BAD_REQUEST', undefined, 'q: project_id takes an exact value')
    projectId = q.project_id.value
  }
  const sort: RepositorySort[] = parseSort(query.sort, SORT_FIELDS).map((s) => ({ field: s.field === 'id' ? 'repository_id' : s.field, desc: s.desc }))
  return { filter, projectId, sort, paging: parsePaging(query) }
}

function toHarborRepository(r: RepositoryView) {
  return {
    id: r.repository_id, project_id: r.project_id, name: r.name, description: r.description,
    artifact_count: r.artifact_count, pull_count: r.pull_count, creation_time: r.creation_time, update_time: r.update_time,
  }
}

async function sendList(deps: Deps, request: FastifyRequest, reply: FastifyReply, query: Record<string, string>, args: ReturnType<typeof listArgs>) {
  const { total, items } = await listRepositories(deps, args.filter, args.sort, { offset: args.paging.offset, limit: args.paging.pageSize })
  reply.headers(pagingHeaders(requestPath(request), query, args.paging.page, args.paging.pageSize, total))
  return items.map(toHarborRepository)
}

/** Harbor's PUT takes the Repository object; only the description changes. */
const repositoryBody = z.object({
  id: z.number().int().optional(),
  project_id: z.number().int().optional(),
  name: z.string().max(255).optional(),
  description: z.string().max(1024).optional(),
  artifact_count: z.number().int().optional(),
  pull_count: z.number().int().optional(),
  creation_time: z.string().max(64).nullable().optional(),
  update_time: z.string().max(64).optional(),
})

export function repositoryRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/repositories', async (request, reply) => {
    const p = request.principal
    if (p.kind === 'token') throw new AppError('UNAUTHORIZED')
    const query = queryStrings(request)
    const args = listArgs(query)
    let visible = await visibleProjectIds(deps, p)
    if (args.projectId !== undefined) visible = visible === undefined ? [args.projectId] : visible.filter((id) => id === args.projectId)
    if (visible !== undefined) args.filter.projectIds = visible
    return sendList(deps, request, reply, query, args)
  })

  app.get<{ Params: { project_name: string } }>('/projects/:project_name/repositories', async (request, reply) => {
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'repository', 'list')
    const query = queryStrings(request)
    const args = listArgs(query)
    args.filter.projectIds = args.projectId === undefined || args.projectId === project.id ? [project.id] : []
    return sendList(deps, request, reply, query, args)
  })

  app.get<{ Params: RepoParams }>('/projects/:project_name/repositories/:repository_name', async (request) => {
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'repository', 'read')
    return toHarborRepository(await getRepository(deps, project.id, fullRepositoryName(project.name, request.params.repository_name)))
  })

  app.put<{ Params: RepoParams }>('/projects/:project_name/repositories/:repository_name', async (request, reply) => {
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'repository', 'update')
    const name = fullRepositoryName(project.name, request.params.repository_name)
    const body = parseBody(repositoryBody, request)
    await updateRepository(deps, actorOf(request), project.id, name, body.description ?? '')
    return reply.code(200).send()
  })

  app.delete<{ Params: RepoParams }>('/projects/:project_name/repositories/:repository_name', async (request, reply) => {
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'repository', 'delete')
    await deleteRepository(deps, actorOf(request), project.id, fullRepositoryName(project.name, request.params.repository_name))
    return reply.code(200).send()
  })
}
