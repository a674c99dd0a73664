// /api/v2.0/projects: Harbor's project operations (swagger tags project and projectMetadata),
// shaped as Harbor's src/server/v2.0/handler/project.go and project_metadata.go answer them.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { can } from '../../rbac/evaluate.js'
import { projectKeyOf, requireAuthenticated, requireProjectAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort, type Condition } from './query.js'
import { headerBool, parseBody, queryBool, queryStrings, requestPath } from './request.js'
import { findProjectRef } from '../../projects/lookup.js'
import {
  createProject, deleteProject, getProject, listProjects, projectDeletable, projectSummary, requireProjectCreator,
  updateProject, type Caller, type ProjectView,
} from '../../projects/projects.js'
import { addMetadata, deleteMetadata, getMetadata, getMetadataEntry, METADATA_KEYS, updateMetadata } from '../../projects/metadata.js'
import type { NumberFilter, StringFilter, TimeFilter } from '../../db/projects.js'

// ---- shared by the project, member and quota modules

export function callerOf(request: FastifyRequest): Caller {
  return { principal: request.principal, clientIp: request.ip }
}

// ---- wire shapes

const metadataSchema = z.object(Object.fromEntries(METADATA_KEYS.map((k) => [k, z.string().max(255).nullish()])) as Record<(typeof METADATA_KEYS)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>)

const cveAllowlistSchema = z.object({
  id: z.number().int().optional(),
  project_id: z.number().int().optional(),
  expires_at: z.number().int().nullish(),
  items: z.array(z.object({ cve_id: z.string().max(255) })).max(1000).optional(),
  creation_time: z.string().max(64).optional(),
  update_time: z.string().max(64).optional(),
})

const projectReqSchema = z.object({
  project_name: z.string().max(255).optional(),
  public: z.boolean().nullish(),
  metadata: metadataSchema.nullish(),
  cve_allowlist: cveAllowlistSchema.nullish(),
  storage_limit: z.number().int().nullish(),
  registry_id: z.number().int().nullish(),
})

/** Berth keeps no CVE allowlists yet: an empty one is accepted, a non-empty one refused rather than dropped. */
function checkAllowlist(a: z.infer<typeof cveAllowlistSchema> | null | undefined, projectId?: number): void {
  if (!a) return
  if (projectId !== undefined && a.project_id && a.project_id !== projectId) {
    throw new AppError('BAD_REQUEST', undefined, `project_id in cve_allowlist must be ${projectId} but it's ${a.project_id}`)
  }
  if ((a.items?.length ?? 0) > 0 || (a.expires_at !== undefined && a.expires_at !== null)) {
    throw new AppError('BAD_REQUEST', undefined, 'project CVE allowlists are not supported yet')
  }
}

/** Harbor's `Project` (src/server/v2.0/handler/model/project.go). */
export function toHarborProject(v: ProjectView) {
  const r = v.row
  const role = highestRole(v.roles)
  return {
    project_id: r.project_id,
    owner_id: r.owner_id ?? 0,
    name: r.name,
    registry_id: 0,
    creation_time: r.creation_time,
    update_time: r.update_time,
    deleted: false,
    owner_name: r.owner_name ?? '',
    togglable: v.togglable,
    current_user_role_id: role,
    current_user_role_ids: v.roles,
    repo_count: v.repoCount,
    ...(v.metadata ? {
      metadata: v.metadata,
      // what Harbor returns for a project whose allowlist was never set
      cve_allowlist: { id: r.project_id, project_id: r.project_id, items: [], creation_time: r.creation_time, update_time: r.creation_time },
    } : {}),
  }
}

/** Harbor's highestRole: project admin > maintainer > developer > guest > limited guest; 0 none. */
function highestRole(roles: number[]): number {
  for (const r of [1, 4, 2, 3, 5]) if (roles.includes(r)) return r
  return 0
}

const LIST_FIELDS = { name: 'string', public: 'boolean', owner: 'string', project_id: 'number', owner_id: 'number', creation_time: 'time', update_time: 'time' } as const
const SORT_FIELDS = ['name', 'project_id', 'creation_time', 'update_time'] as const

function stringFilter(c: Condition<string> | undefined, key: string): StringFilter | undefined {
  if (!c) return undefined
  if (c.kind === 'exact' || c.kind === 'fuzzy') return c
  if (c.kind === 'or') return { kind: 'or', values: c.values }
  throw new AppError('BAD_REQUEST', { key }, `q cannot filter ${key} that way`)
}

function numberFilter(c: Condition<number> | undefined, key: string): NumberFilter | undefined {
  if (!c) return undefined
  if (c.kind === 'exact' || c.kind === 'range') return c
  if (c.kind === 'or') return { kind: 'or', values: c.values }
  throw new AppError('BAD_REQUEST', { key }, `q cannot filter ${key} that way`)
}

function timeFilter(c: Condition<Date> | undefined, key: string): TimeFilter | undefined {
  if (!c) return undefined
  if (c.kind === 'range') return { min: c.min?.toISOString(), max: c.max?.toISOString() }
  if (c.kind === 'exact') return { min: c.value.toISOString(), max: c.value.toISOString() }
  throw new AppError('BAD_REQUEST', { key }, `q cannot filter ${key} that way`)
}

type ProjectParams = { Params: { project_name_or_id: string } }
type MetaParams = { Params: { project_name_or_id: string; meta_name: string } }

export function projectRoutes(app: FastifyInstance, deps: Deps) {
  app.post('/projects', async (request, reply) => {
    requireAuthenticated(request)
    const body = parseBody(projectReqSchema, request)
    const ownerId = await requireProjectCreator(deps, request.principal, body.registry_id)
    if (body.project_name === undefined) throw new AppError('BAD_REQUEST', undefined, 'project_name is required')
    checkAllowlist(body.cve_allowlist)
    const id = await createProject(deps, callerOf(request), ownerId, {
      name: body.project_name, public: body.public, metadata: body.metadata ?? {}, storageLimit: body.storage_limit, registryId: body.registry_id,
    })
    const byName = headerBool(request, 'X-Resource-Name-In-Location', false)
    const base = requestPath(request).replace(/\/+$/, '')
    return reply.code(201).header('location', `${base}/${byName ? body.project_name : id}`).send()
  })

  app.head('/projects', async (request, reply) => {
    const name = queryStrings(request).project_name
    if (!name) throw new AppError('BAD_REQUEST', undefined, 'project_name is required')
    const ref = await findProjectRef(deps, name)
    const anonymous = request.principal.kind === 'anonymous' || request.principal.kind === 'token'
    if (!ref) throw anonymous ? new AppError('UNAUTHORIZED') : new AppError('PROJECT_UNKNOWN', { project: name })
    // Harbor HeadProject: read access on the project; an existing name one may not read is 403
    if (!(await can(deps, request.principal, ref, '', 'read'))) throw anonymous ? new AppError('UNAUTHORIZED') : new AppError('FORBIDDEN')
    return reply.code(200).send()
  })

  app.get('/projects', { exposeHeadRoute: false }, async (request, reply) => {
    const query = queryStrings(request)
    const paging = parsePaging(query)
    const q = parseQuery(query.q, LIST_FIELDS)
    const sort = parseSort(query.sort, SORT_FIELDS)
    const names: StringFilter[] = []
    const qName = stringFilter(q.name, 'name')
    if (qName) names.push(qName)
    // the `name` parameter is a fuzzy match (Harbor ListProjects)
    if (query.name) names.push({ kind: 'fuzzy', value: query.name })
    const publicParam = queryBool(query, 'public')
    const qPublic = q.public
    if (qPublic && qPublic.kind !== 'exact') throw new AppError('BAD_REQUEST', undefined, 'q can only filter public by one value')
    if (publicParam !== undefined && qPublic && qPublic.value !== publicParam) return reply.header('x-total-count', '0').send([])
    const owner = query.owner ? { kind: 'exact' as const, value: query.owner } : stringFilter(q.owner, 'owner')
    const detail = queryBool(query, 'with_detail') ?? true
    const { total, items } = await listProjects(deps, request.principal, {
      filter: {
        name: names, owner, public: publicParam ?? qPublic?.value,
        projectId: numberFilter(q.project_id, 'project_id'), ownerId: numberFilter(q.owner_id, 'owner_id'),
        creationTime: timeFilter(q.creation_time, 'creation_time'), updateTime: timeFilter(q.update_time, 'update_time'),
      },
      sort, detail, limit: paging.pageSize, offset: paging.offset,
    })
    return reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total)).send(items.map(toHarborProject))
  })

  app.get<ProjectParams>('/projects/:project_name_or_id', async (request) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), '', 'read')
    return toHarborProject(await getProject(deps, request.principal, ref))
  })

  app.put<ProjectParams>('/projects/:project_name_or_id', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), '', 'update')
    const body = parseBody(projectReqSchema, request)
    checkAllowlist(body.cve_allowlist, ref.id)
    await updateProject(deps, callerOf(request), ref, {
      name: body.project_name, public: body.public, metadata: body.metadata, storageLimit: body.storage_limit, registryId: body.registry_id,
    })
    return reply.code(200).send()
  })

  app.delete<ProjectParams>('/projects/:project_name_or_id', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), '', 'delete')
    await deleteProject(deps, callerOf(request), ref)
    return reply.code(200).send()
  })

  app.get<ProjectParams>('/projects/:project_name_or_id/_deletable', async (request) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), '', 'delete')
    return projectDeletable(deps, ref)
  })

  app.get<ProjectParams>('/projects/:project_name_or_id/summary', async (request) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), '', 'read')
    const [members, quota] = await Promise.all([
      can(deps, request.principal, ref, 'member', 'list'),
      can(deps, request.principal, ref, 'quota', 'read'),
    ])
    const s = await projectSummary(deps, ref, { members, quota })
    return {
      repo_count: s.repoCount,
      ...(s.members ? {
        project_admin_count: s.members.projectAdmin, maintainer_count: s.members.maintainer, developer_count: s.members.developer,
        guest_count: s.members.guest, limited_guest_count: s.members.limitedGuest,
      } : {}),
      ...(s.quota ? { quota: { hard: { storage: s.quota.hard }, used: { storage: s.quota.used } } } : {}),
    }
  })

  // ---- metadatas (Harbor's document spells the collection with a trailing slash; both answer)
  const metadataBody = z.record(z.string().max(255), z.string().max(255))

  for (const path of ['/projects/:project_name_or_id/metadatas', '/projects/:project_name_or_id/metadatas/']) {
    app.get<ProjectParams>(path, async (request) => {
      const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'metadata', 'read')
      return getMetadata(deps, ref)
    })
    app.post<ProjectParams>(path, async (request, reply) => {
      const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'metadata', 'create')
      await addMetadata(deps, callerOf(request), ref, parseBody(metadataBody, request))
      return reply.code(200).send()
    })
  }

  app.get<MetaParams>('/projects/:project_name_or_id/metadatas/:meta_name', async (request) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'metadata', 'read')
    return getMetadataEntry(deps, ref, request.params.meta_name)
  })

  app.put<MetaParams>('/projects/:project_name_or_id/metadatas/:meta_name', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'metadata', 'update')
    await updateMetadata(deps, callerOf(request), ref, request.params.meta_name, parseBody(metadataBody, request))
    return reply.code(200).send()
  })

  app.delete<MetaParams>('/projects/:project_name_or_id/metadatas/:meta_name', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'metadata', 'delete')
    await deleteMetadata(deps, callerOf(request), ref, request.params.meta_name)
    return reply.code(200).send()
  })
}
