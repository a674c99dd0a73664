// Harbor's artifact resource (/api/v2.0/…/artifacts): Harbor's Artifact JSON assembled from the
// registry's rows, deleting artifacts with their accessories, tags, and the build-history addition.
import type { Deps } from '../deps.js'
import { AppError, NotFound } from '../errors.js'
import { recordAudit } from '../audit/log.js'
import type { ArtifactRow, LabelRow } from '../db/schema.js'
import {
  countArtifacts, deleteArtifact as deleteArtifactRow, findArtifact, findArtifactsByDigests, findParentIds,
  listArtifactReferences, listArtifacts as listArtifactRows, listArtifactsBySubjects, type ArtifactFilter, type ArtifactSort,
} from '../db/artifacts.js'
import { unlinkBlob } from '../db/blobs.js'
import {
  countTagsOfArtifact, deleteTag as deleteTagRow, findTag, findTagRow, insertTag, listTagsOfArtifact, listTagsOfArtifacts,
  pageTagsOfArtifact, type TagListRow, type TagQuery,
} from '../db/tags.js'
import { listLabelsOfArtifacts } from '../db/labels.js'
import { blobKey } from '../storage/paths.js'
import { isTag, parseReference } from './grammar.js'
import { IMAGE_CONFIG_MEDIA_TYPES, INDEX_MEDIA_TYPES } from './media-types.js'
import { forgetArtifacts, forgetTags } from './invalidate.js'
import { referencedByIndex } from './manifests.js'
import type { Actor } from './repositories-api.js'

export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json'
const CNAB_CONFIG = 'application/vnd.cnab.config.v1+json'
/** Config blobs larger than this are not read for extra_attrs or build history. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024
const ZERO_TIME = '0001-01-01T00:00:00.000Z'

export type ArtifactOptions = { withTag: boolean; withLabel: boolean; withAccessory: boolean; withImmutableStatus: boolean; withSignature: boolean }
export type RepoContext = { projectId: number; projectName: string; repositoryId: number; repository: string }

/** The artifact a tag or digest names in the repository; 404 NOT_FOUND if none. */
export async function resolveArtifact(deps: Deps, repo: RepoContext, reference: string): Promise<ArtifactRow> {
  const ref = parseReference(reference)
  let row: ArtifactRow | undefined
  if (ref.tag !== undefined) {
    const target = await findTag(deps.db, repo.repositoryId, ref.tag)
    row = target && (await findArtifact(deps.db, repo.repositoryId, target.digest))
  } else {
    row = await findArtifact(deps.db, repo.repositoryId, ref.digest)
  }
  if (!row) throw new AppError('NOT_FOUND', { reference }, `artifact ${repo.repository}:${reference} not found`)
  return row
}

/** Harbor's artifact type from the config (or index) media type. */
export function artifactKind(row: Pick<ArtifactRow, 'media_type' | 'manifest_media_type'>): string {
  if (IMAGE_CONFIG_MEDIA_TYPES.has(row.media_type) || INDEX_MEDIA_TYPES.has(row.media_type)) return 'IMAGE'
  if (row.media_type === HELM_CONFIG) return 'CHART'
  if (row.media_type === CNAB_CONFIG) return 'CNAB'
  return 'UNKNOWN'
}

/** Harbor's accessory type from the accessory's artifact type. */
function accessoryType(artifactType: string | null): string {
  switch (artifactType) {
    case 'application/vnd.dev.cosign.artifact.sig.v1+json': return 'signature.cosign'
    case 'application/vnd.cncf.notary.signature': return 'signature.notation'
    case 'application/vnd.goharbor.harbor.sbom.v1': return 'harbor.sbom'
    default: return 'subject.accessory'
  }
}

/** Repository names in URLs of the API are encoded twice, as Harbor writes them. */
export function encodeRepositoryParam(repository: string, project: string): string {
  return encodeURIComponent(encodeURIComponent(repository.slice(project.length + 1)))
}

export function toHarborLabel(l: LabelRow) {
  return { id: l.id, name: l.name, description: l.description, color: l.color, scope: l.scope, project_id: l.project_id, creation_time: l.creation_time, update_time: l.update_time }
}

export function toHarborTag(t: TagListRow) {
  return { id: t.id, repository_id: t.repository_id, artifact_id: t.artifact_id, name: t.name, push_time: t.push_time, pull_time: ZERO_TIME, immutable: false, signed: false }
}

async function readJson(deps: Deps, digest: string): Promise<unknown> {
  try {
    return JSON.parse((deps.cache.manifests.get(digest) ?? (await deps.blobs.readSmall(blobKey(digest)))).toString('utf8'))
  } catch (err) {
    if (err instanceof NotFound || err instanceof SyntaxError) return undefined
    throw err
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The image config of an image manifest, if it is small enough to read. */
async function readImageConfig(deps: Deps, row: ArtifactRow): Promise<Record<string, unknown> | undefined> {
  if (!IMAGE_CONFIG_MEDIA_TYPES.has(row.media_type)) return undefined
  const manifest = await readJson(deps, row.digest)
  const config = isObject(manifest) && isObject(manifest.config) ? manifest.config : undefined
  if (!config || typeof config.digest !== 'string' || typeof config.size !== 'number' || config.size > MAX_CONFIG_BYTES) return undefined
  const parsed = await readJson(deps, config.digest)
  return isObject(parsed) ? parsed : undefined
}

async function extraAttrs(deps: Deps, row: ArtifactRow): Promise<Record<string, unknown> | null> {
  const config = await readImageConfig(deps, row)
  if (!config) return null
  const attrs: Record<string, unknown> = {}
  for (const key of ['architecture', 'author', 'config', 'created', 'os'] as const) if (config[key] !== undefined) attrs[key] = config[key]
  return attrs
}

export async function assembleArtifacts(deps: Deps, repo: RepoContext, rows: ArtifactRow[], opts: ArtifactOptions) {
  const ids = rows.map((r) => r.id)
  const [references, tags, labels, accessories] = await Promise.all([
    listArtifactReferences(deps.db, ids),
    opts.withTag ? listTagsOfArtifacts(deps.db, ids) : Promise.resolve([]),
    opts.withLabel ? listLabelsOfArtifacts(deps.db, ids) : Promise.resolve([]),
    opts.withAccessory ? listArtifactsBySubjects(deps.db, repo.repositoryId, rows.map((r) => r.digest)) : Promise.resolve([]),
  ])
  const children = await findArtifactsByDigests(deps.db, repo.repositoryId, [...new Set(references.map((r) => r.child_digest))])
  const childIds = new Map(children.map((c) => [c.digest, c.id]))
  const encoded = encodeRepositoryParam(repo.repository, repo.projectName)
  const out = []
  for (const row of rows) {
    const kind = artifactKind(row)
    const base = `/api/v2.0/projects/${repo.projectName}/repositories/${encoded}/artifacts/${row.digest}/additions`
    const refs = references.filter((r) => r.parent_id === row.id).map((r) => ({
      parent_id: row.id, child_id: childIds.get(r.child_digest) ?? 0, child_digest: r.child_digest,
      ...(r.platform ? { platform: JSON.parse(r.platform) as unknown } : {}),
    }))
    out.push({
      id: row.id, type: kind, media_type: row.media_type, manifest_media_type: row.manifest_media_type,
      artifact_type: row.artifact_type ?? row.media_type, project_id: repo.projectId, repository_id: repo.repositoryId,
      repository_name: repo.repository, digest: row.digest, size: row.size, icon: '', push_time: row.push_time,
      pull_time: row.pull_time ?? ZERO_TIME, extra_attrs: await extraAttrs(deps, row),
      annotations: row.annotations ? (JSON.parse(row.annotations) as unknown) : null,
      references: refs.length ? refs : null,
      tags: opts.withTag ? tags.filter((t) => t.artifact_id === row.id).map(toHarborTag) : null,
      labels: opts.withLabel ? labels.filter((l) => l.artifact_id === row.id).map(toHarborLabel) : null,
      accessories: opts.withAccessory
        ? accessories.filter((a) => a.subject_digest === row.digest).map((a) => ({
          id: a.id, artifact_id: a.id, subject_artifact_id: row.id, subject_artifact_digest: row.digest,
          subject_artifact_repo: repo.repository, size: a.size, digest: a.digest, type: accessoryType(a.artifact_type),
          icon: '', creation_time: a.push_time,
        }))
        : null,
      addition_links: kind === 'IMAGE' && !INDEX_MEDIA_TYPES.has(row.manifest_media_type)
        ? { build_history: { href: `${base}/build_history`, absolute: false }, vulnerabilities: { href: `${base}/vulnerabilities`, absolute: false } }
        : {},
      scan_overview: null,
    })
  }
  return out
}

export async function listArtifacts(deps: Deps, repo: RepoContext, filter: ArtifactFilter, sort: ArtifactSort[], page: { offset: number; limit: number }, opts: ArtifactOptions) {
  const total = await countArtifacts(deps.db, repo.repositoryId, filter)
  const rows = total === 0 ? [] : await listArtifactRows(deps.db, repo.repositoryId, filter, sort, page)
  return { total, items: await assembleArtifacts(deps, repo, rows, opts) }
}

export async function getArtifact(deps: Deps, repo: RepoContext, reference: string, opts: ArtifactOptions) {
  const row = await resolveArtifact(deps, repo, reference)
  const [one] = await assembleArtifacts(deps, repo, [row], opts)
  return one!
}

/**
 * Deletes the artifact as Harbor does: refused (412) while an index in the repository lists it;
 * its accessories go with it, and so do its index children that are untagged and listed by no
 * other index. Rows only, as /v2 DELETE; garbage collection reclaims the bytes.
 */
export async function deleteArtifact(deps: Deps, actor: Actor, repo: RepoContext, reference: string): Promise<void> {
  const root = await resolveArtifact(deps, repo, reference)
  const parents = await findParentIds(deps.db, repo.repositoryId, root.digest)
  if (parents.length > 0) throw referencedByIndex(root.digest)
  const removed: Array<{ digest: string; tags: string[] }> = []
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const doomed = new Map<number, ArtifactRow>([[root.id, root]])
    const queue = [root]
    while (queue.length) {
      const a = queue.shift()!
      for (const acc of await listArtifactsBySubjects(trx, repo.repositoryId, [a.digest])) {
        if (!doomed.has(acc.id)) { doomed.set(acc.id, acc); queue.push(acc) }
      }
      const refs = await listArtifactReferences(trx, [a.id])
      for (const child of await findArtifactsByDigests(trx, repo.repositoryId, refs.map((r) => r.child_digest))) {
        if (doomed.has(child.id)) continue
        const others = (await findParentIds(trx, repo.repositoryId, child.digest)).filter((id) => !doomed.has(id))
        if (others.length === 0 && (await listTagsOfArtifact(trx, child.id)).length === 0) { doomed.set(child.id, child); queue.push(child) }
      }
    }
    for (const a of doomed.values()) {
      removed.push({ digest: a.digest, tags: await listTagsOfArtifact(trx, a.id) })
      await deleteArtifactRow(trx, a.id)
      await unlinkBlob(trx, repo.repositoryId, a.digest)
    }
    await recordAudit(trx, { projectId: repo.projectId, operation: 'delete', resourceType: 'artifact', resource: `${repo.repository}@${root.digest}`, username: actor.username, clientIp: actor.clientIp }, now)
  })
  const tags = removed.flatMap((r) => r.tags)
  if (tags.length) await forgetTags(deps, repo.repository, tags)
  await forgetArtifacts(deps, repo.repository, removed.map((r) => r.digest))
}

export async function listTags(deps: Deps, repo: RepoContext, reference: string, filter: TagQuery, sort: Array<{ field: 'name' | 'push_time' | 'id'; desc: boolean }>, page: { offset: number; limit: number }) {
  const row = await resolveArtifact(deps, repo, reference)
  const total = await countTagsOfArtifact(deps.db, row.id, filter)
  const tags = total === 0 ? [] : await pageTagsOfArtifact(deps.db, row.id, filter, sort, page)
  return { total, items: tags.map(toHarborTag) }
}

/** Harbor: a tag name the repository already has is a 409, wherever it points. */
export async function createTag(deps: Deps, actor: Actor, repo: RepoContext, reference: string, name: string): Promise<void> {
  if (!isTag(name)) throw new AppError('TAG_INVALID', { tag: name })
  const row = await resolveArtifact(deps, repo, reference)
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await insertTag(trx, repo.repositoryId, name, row.id, now))) throw new AppError('CONFLICT', { tag: name }, `tag ${name} already exists in ${repo.repository}`)
      await recordAudit(trx, { projectId: repo.projectId, operation: 'create', resourceType: 'tag', resource: `${repo.repository}:${name}`, username: actor.username, clientIp: actor.clientIp }, now)
    })
  } finally {
    await forgetTags(deps, repo.repository, [name])
  }
}

export async function deleteTag(deps: Deps, actor: Actor, repo: RepoContext, reference: string, name: string): Promise<void> {
  const row = await resolveArtifact(deps, repo, reference)
  const tag = isTag(name) ? await findTagRow(deps.db, repo.repositoryId, name) : undefined
  if (!tag || tag.artifact_id !== row.id) throw new AppError('NOT_FOUND', { tag: name }, `tag ${name} attached to artifact ${row.id} not found`)
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      await deleteTagRow(trx, repo.repositoryId, name)
      await recordAudit(trx, { projectId: repo.projectId, operation: 'delete', resourceType: 'tag', resource: `${repo.repository}:${name}`, username: actor.username, clientIp: actor.clientIp }, now)
    })
  } finally {
    await forgetTags(deps, repo.repository, [name])
  }
}

/** The `build_history` addition: the image config's history, as Harbor returns it. */
export async function buildHistory(deps: Deps, repo: RepoContext, reference: string): Promise<unknown[]> {
  const row = await resolveArtifact(deps, repo, reference)
  if (!IMAGE_CONFIG_MEDIA_TYPES.has(row.media_type)) throw new AppError('NOT_FOUND', { addition: 'build_history' }, 'addition build_history not found for this artifact')
  const config = await readImageConfig(deps, row)
  return Array.isArray(config?.history) ? config.history : []
}
