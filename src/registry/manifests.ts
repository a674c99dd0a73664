// Manifests and indexes: stored as blobs, indexed in the database as artifacts, tags,
// referenced blobs, index children and subject links.
import { createHash } from 'node:crypto'
import { AppError, NotFound } from '../errors.js'
import type { Deps } from '../deps.js'
import { findLinkedBlobs, insertBlob, linkBlob, unlinkBlob } from '../db/blobs.js'
import { deleteArtifact, findArtifactSizes, findArtifact, findParentIds, insertArtifactBlobs, insertArtifactReferences, upsertArtifact } from '../db/artifacts.js'
import { deleteTag, findTag, listTagsOfArtifact, upsertTag } from '../db/tags.js'
import { blobKey } from '../storage/paths.js'
import { cacheKey, type ManifestMeta } from './cache.js'
import { forgetArtifacts, forgetTags } from './invalidate.js'
import { digestAlgorithm, parseLookupReference, parseReference } from './grammar.js'
import { parseManifest, type Descriptor } from './manifest-parse.js'
import { findRepositoryId, ensureRepositoryForPush, requireRepositoryId } from './repositories.js'

export type Manifest = ManifestMeta & { body: Buffer }

/** Resolves a tag or digest to the manifest's metadata: one cache lookup on the hot path. */
export async function statManifest(deps: Deps, repository: string, reference: string): Promise<ManifestMeta> {
  const ref = parseLookupReference(reference)
  const key = cacheKey(repository, ref.tag ?? ref.digest)
  if (ref.tag !== undefined) {
    const cached = deps.cache.tags.get(key)
    if (cached) return cached
    const epoch = deps.cache.epoch
    const repositoryId = await requireRepositoryId(deps, repository)
    const target = await findTag(deps.db, repositoryId, ref.tag)
    if (!target) throw new AppError('MANIFEST_UNKNOWN', { tag: ref.tag })
    if (epoch === deps.cache.epoch) deps.cache.tags.set(key, target)
    return target
  }
  const cached = deps.cache.artifacts.get(key)
  if (cached) return cached
  const epoch = deps.cache.epoch
  const repositoryId = await requireRepositoryId(deps, repository)
  const row = await findArtifact(deps.db, repositoryId, ref.digest)
  if (!row) throw new AppError('MANIFEST_UNKNOWN', { digest: ref.digest })
  const meta = { digest: row.digest, mediaType: row.manifest_media_type, size: row.size }
  if (epoch === deps.cache.epoch) deps.cache.artifacts.set(key, meta)
  return meta
}

export async function getManifest(deps: Deps, repository: string, reference: string): Promise<Manifest> {
  const meta = await statManifest(deps, repository, reference)
  let body = deps.cache.manifests.get(meta.digest)
  if (!body) {
    try {
      body = await deps.blobs.readSmall(blobKey(meta.digest))
    } catch (err) {
      if (err instanceof NotFound) throw new AppError('MANIFEST_UNKNOWN', { digest: meta.digest })
      throw err
    }
    deps.cache.manifests.set(meta.digest, body)
  }
  return { ...meta, body }
}

export type PutManifestResult = { digest: string; subject: string | null }

/**
 * Validates the manifest, checks that every blob and child it names is in the repository,
 * stores its bytes, then records artifact, tag, blob references, children and subject in one
 * transaction. The bytes land before the rows, so no row ever points at missing data.
 */
export async function putManifest(deps: Deps, repository: string, reference: string, body: Buffer, contentType: string): Promise<PutManifestResult> {
  const ref = parseReference(reference)
  const parsed = parseManifest(body, contentType)
  const algorithm = ref.digest ? digestAlgorithm(ref.digest) : 'sha256'
  const digest = `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`
  if (ref.digest && ref.digest !== digest) throw new AppError('DIGEST_INVALID', { digest: ref.digest, actual: digest })

  const repositoryId = await findRepositoryId(deps, repository)
  const blobDigests = parsed.blobs.map((b) => b.digest)
  const linked = repositoryId === undefined ? new Map<string, number>() : await findLinkedBlobs(deps.db, repositoryId, blobDigests)
  checkReferences(parsed.blobs, linked, 'MANIFEST_BLOB_UNKNOWN')
  const present = repositoryId === undefined ? new Map<string, number>() : await findArtifactSizes(deps.db, repositoryId, parsed.children.map((c) => c.digest))
  checkReferences(parsed.children, present, 'MANIFEST_CHILD_UNKNOWN')

  await deps.blobs.writeSmall(blobKey(digest), body)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const repoId = await ensureRepositoryForPush(deps, trx, repository, now)
    await insertBlob(trx, digest, body.length, now)
    await linkBlob(trx, repoId, digest, now)
    const artifactId = await upsertArtifact(trx, {
      repository_id: repoId, digest, manifest_media_type: parsed.mediaType, media_type: parsed.configMediaType,
      artifact_type: parsed.artifactType, size: body.length, subject_digest: parsed.subject?.digest ?? null,
      annotations: parsed.annotations ? JSON.stringify(parsed.annotations) : null, push_time: now, pull_time: null,
    })
    await insertArtifactBlobs(trx, artifactId, [digest, ...blobDigests])
    await insertArtifactReferences(trx, artifactId, parsed.children.map((c) => ({ digest: c.digest, platform: c.platform ? JSON.stringify(c.platform) : null })))
    if (ref.tag !== undefined) await upsertTag(trx, repoId, ref.tag, artifactId, now)
  })

  // Invalidate rather than fill: a delete committed after this push must not be overwritten.
  deps.cache.manifests.set(digest, body)
  await forgetArtifacts(deps, repository, [digest])
  if (ref.tag !== undefined) await forgetTags(deps, repository, [ref.tag])
  return { digest, subject: parsed.subject?.digest ?? null }
}

/**
 * Every descriptor must name something the repository has, at the size it says: sizes feed
 * quotas, and a client trusting a descriptor's size must not read past the real end.
 */
function checkReferences(descriptors: Descriptor[], known: Map<string, number>, missing: 'MANIFEST_BLOB_UNKNOWN' | 'MANIFEST_CHILD_UNKNOWN') {
  for (const d of descriptors) {
    const size = known.get(d.digest)
    if (size === undefined) throw new AppError(missing, { digest: d.digest })
    if (size !== d.size) throw new AppError('MANIFEST_INVALID', { digest: d.digest, size: d.size, actual: size }, `manifest invalid: descriptor size ${d.size} of ${d.digest} does not match ${size}`)
  }
}

/**
 * By tag: removes the tag only. By digest: removes the artifact and every tag on it, refused
 * (412) while an index in the repository lists it, as Harbor's artifact controller refuses on
 * /v2 and the API alike: the index would point at nothing.
 */
export async function deleteManifest(deps: Deps, repository: string, reference: string): Promise<void> {
  const ref = parseLookupReference(reference)
  const repositoryId = await requireRepositoryId(deps, repository)
  if (ref.tag !== undefined) {
    const removed = await deleteTag(deps.db, repositoryId, ref.tag)
    await forgetTags(deps, repository, [ref.tag])
    if (!removed) throw new AppError('MANIFEST_UNKNOWN', { tag: ref.tag })
    return
  }
  const artifact = await findArtifact(deps.db, repositoryId, ref.digest)
  if (!artifact) throw new AppError('MANIFEST_UNKNOWN', { digest: ref.digest })
  let tags: string[] = []
  await deps.db.transaction().execute(async (trx) => {
    if ((await findParentIds(trx, repositoryId, artifact.digest)).length > 0) throw referencedByIndex(artifact.digest)
    tags = await listTagsOfArtifact(trx, artifact.id)
    await deleteArtifact(trx, artifact.id)
    await unlinkBlob(trx, repositoryId, artifact.digest)
  })
  if (tags.length) await forgetTags(deps, repository, tags)
  await forgetArtifacts(deps, repository, [artifact.digest])
}

/** The one refusal /v2 and the API give for deleting a manifest an index lists. */
export function referencedByIndex(digest: string): AppError {
  return new AppError('PRECONDITION_FAILED', { digest }, `artifact ${digest} is referenced by an index and cannot be deleted`)
}
