// Harbor's artifacts under /projects/{project_name}/repositories/{repository_name}/artifacts:
// list, get, delete, copy (?from=), tags, labels on artifacts, and the build_history addition.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { ArtifactFilter, ArtifactSort } from '../../db/artifacts.js'
import type { TagQuery } from '../../db/tags.js'
import {
  buildHistory, createTag, deleteArtifact, deleteTag, getArtifact, listArtifacts, listTags, resolveArtifact, type ArtifactOptions,
} from '../../registry/artifacts-api.js'
import { copyArtifact, parseCopySource } from '../../registry/copy.js'
import { fullRepositoryName } from '../../registry/repositories-api.js'
import { addArtifactLabel, removeArtifactLabel, requireLabelForProject } from '../../labels/labels.js'
import { requireProjectAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { parseQuery, parseSort } from './query.js'
import { actorOf, requireRepositoryAccess, type RepoParams } from './repositories.js'
import { parseBody, positiveId, queryBool, queryStrings, requestPath } from './request.js'

type RefParams = RepoParams & { reference: string }
const BASE = '/projects/:project_name/repositories/:repository_name/artifacts'

const ARTIFACT_FIELDS = { digest: 'string', tags: 'string', labels: 'number', media_type: 'string', push_time: 'time' } as const
const ARTIFACT_SORT = ['push_time', 'digest', 'size', 'id'] as const
const TAG_FIELDS = { name: 'string' } as const
const TAG_SORT = ['name', 'push_time', 'id'] as const

function options(query: Record<string, string>): ArtifactOptions {
  queryBool(query, 'with_scan_overview', false) // accepted; no scanner yet, so no overview
  queryBool(query, 'with_sbom_overview', false)
  return {
    withTag: queryBool(query, 'with_tag', true),
    withLabel: queryBool(query, 'with_label', false),
    withAccessory: queryBool(query, 'with_accessory', false),
    withImmutableStatus: queryBool(query, 'with_immutable_status', false),
    withSignature: queryBool(query, 'with_signature', false),
  }
}

function bad(message: string): AppError {
  return new AppError('BAD_REQUEST', undefined, `q: ${message}`)
}

function artifactFilter(raw: string | undefined): ArtifactFilter {
  const q = parseQuery(raw, ARTIFACT_FIELDS)
  const f: ArtifactFilter = {}
  if (q.digest) {
    if (q.digest.kind === 'exact') f.digest = { exact: q.digest.value }
    else if (q.digest.kind === 'fuzzy') f.digest = { fuzzy: q.digest.value }
    else if (q.digest.kind === 'or') f.digest = { any: q.digest.values }
    else throw bad('digest takes an exact, fuzzy or {a b} value')
  }
  if (q.tags) {
    if (q.tags.kind === 'exact') f.tags = q.tags.value === '*' ? { kind: 'any' } : q.tags.value === 'nil' ? { kind: 'none' } : { kind: 'exact', value: q.tags.value }
    else if (q.tags.kind === 'fuzzy') f.tags = { kind: 'fuzzy', value: q.tags.value }
    else throw bad('tags takes *, nil, an exact or a fuzzy value')
  }
  if (q.labels) {
    if (q.labels.kind === 'exact') f.labels = [q.labels.value]
    else if (q.labels.kind === 'and') f.labels = q.labels.values
    else throw bad('labels takes an id or (id1 id2)')
  }
  if (q.media_type) {
    if (q.media_type.kind === 'exact') f.mediaType = { exact: q.media_type.value }
    else if (q.media_type.kind === 'fuzzy') f.mediaType = { fuzzy: q.media_type.value }
    else throw bad('media_type takes an exact or fuzzy value')
  }
  if (q.push_time) {
    if (q.push_time.kind !== 'range') throw bad('push_time takes a range [min~max]')
    f.pushTime = { ...(q.push_time.min ? { min: q.push_time.min.toISOString() } : {}), ...(q.push_time.max ? { max: q.push_time.max.toISOString() } : {}) }
  }
  return f
}

function tagFilter(raw: string | undefined): TagQuery {
  const q = parseQuery(raw, TAG_FIELDS)
  if (!q.name) return {}
  if (q.name.kind === 'exact') return { name: { exact: q.name.value } }
  if (q.name.kind === 'fuzzy') return { name: { fuzzy: q.name.value } }
  throw bad('name takes an exact or fuzzy value')
}

const newTag = z.object({ name: z.string().max(256) })
// Harbor's body is a Label; only the id is used
const labelRef = z.object({
  id: z.number().int().positive(),
  name: z.string().max(256).optional(),
  description: z.string().max(1024).optional(),
  color: z.string().max(64).optional(),
  scope: z.string().max(1).optional(),
  project_id: z.number().int().optional(),
  creation_time: z.string().max(64).optional(),
  update_time: z.string().max(64).optional(),
})

export function artifactRoutes(app: FastifyInstance, deps: Deps) {
  app.get<{ Params: RepoParams }>(BASE, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact', 'list')
    const query = queryStrings(request)
    const opts = options(query)
    const filter = artifactFilter(query.q)
    const sort = parseSort(query.sort, ARTIFACT_SORT) as ArtifactSort[]
    const paging = parsePaging(query)
    const { total, items } = await listArtifacts(deps, repo, filter, sort, { offset: paging.offset, limit: paging.pageSize }, opts)
    reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total))
    return items
  })

  app.post<{ Params: RepoParams }>(BASE, async (request, reply) => {
    const project = await requireProjectAccess(deps, request, { name: request.params.project_name }, 'artifact', 'create')
    const query = queryStrings(request)
    const source = parseCopySource(query.from)
    const destination = fullRepositoryName(project.name, request.params.repository_name)
    // pull on the source, as Harbor (read artifact) and /v2 (pull to mount) would ask; `from` names
    // the project by name (never an id), and the copy reads from exactly the project checked
    const sourceProject = await requireProjectAccess(deps, request, { name: source.project }, 'repository', 'pull')
    await copyArtifact(deps, actorOf(request), { ...source, projectId: sourceProject.id }, { projectId: project.id, repository: destination })
    const path = requestPath(request).replace(/\/$/, '')
    return reply.code(201).header('location', `${path}/${source.reference}`).send()
  })

  app.get<{ Params: RefParams }>(`${BASE}/:reference`, async (request) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact', 'read')
    const query = queryStrings(request)
    return getArtifact(deps, repo, request.params.reference, options(query))
  })

  app.delete<{ Params: RefParams }>(`${BASE}/:reference`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact', 'delete')
    await deleteArtifact(deps, actorOf(request), repo, request.params.reference)
    return reply.code(200).send()
  })

  app.get<{ Params: RefParams }>(`${BASE}/:reference/tags`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'tag', 'list')
    const query = queryStrings(request)
    queryBool(query, 'with_immutable_status', false)
    const filter = tagFilter(query.q)
    const sort = parseSort(query.sort, TAG_SORT)
    const paging = parsePaging(query)
    const { total, items } = await listTags(deps, repo, request.params.reference, filter, sort, { offset: paging.offset, limit: paging.pageSize })
    reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total))
    return items
  })

  app.post<{ Params: RefParams }>(`${BASE}/:reference/tags`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'tag', 'create')
    const body = parseBody(newTag, request)
    await createTag(deps, actorOf(request), repo, request.params.reference, body.name)
    return reply.code(201).send()
  })

  app.delete<{ Params: RefParams & { tag_name: string } }>(`${BASE}/:reference/tags/:tag_name`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'tag', 'delete')
    await deleteTag(deps, actorOf(request), repo, request.params.reference, request.params.tag_name)
    return reply.code(200).send()
  })

  app.get<{ Params: RefParams }>(`${BASE}/:reference/additions/vulnerabilities`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact-addition', 'read')
    await resolveArtifact(deps, repo, request.params.reference)
    return reply.header('content-type', 'application/json').send('{}')
  })

  app.get<{ Params: RefParams & { addition: string } }>(`${BASE}/:reference/additions/:addition`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact-addition', 'read')
    if (request.params.addition !== 'build_history') {
      await resolveArtifact(deps, repo, request.params.reference)
      throw new AppError('NOT_FOUND', { addition: request.params.addition }, `addition ${request.params.addition} not found for this artifact`)
    }
    const history = await buildHistory(deps, repo, request.params.reference)
    return reply.header('content-type', 'application/json').send(JSON.stringify(history))
  })

  app.post<{ Params: RefParams }>(`${BASE}/:reference/labels`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact-label', 'create')
    const body = parseBody(labelRef, request)
    const label = await requireLabelForProject(deps, body.id, repo.projectId)
    const artifact = await resolveArtifact(deps, repo, request.params.reference)
    await addArtifactLabel(deps, actorOf(request), repo.projectId, { id: artifact.id, resource: `${repo.repository}@${artifact.digest}` }, label)
    return reply.code(200).send()
  })

  app.delete<{ Params: RefParams & { label_id: string } }>(`${BASE}/:reference/labels/:label_id`, async (request, reply) => {
    const repo = await requireRepositoryAccess(deps, request, request.params, 'artifact-label', 'delete')
    const id = positiveId(request.params.label_id, 'label_id')
    const artifact = await resolveArtifact(deps, repo, request.params.reference)
    await removeArtifactLabel(deps, actorOf(request), repo.projectId, { id: artifact.id, resource: `${repo.repository}@${artifact.digest}` }, id)
    return reply.code(200).send()
  })
}
