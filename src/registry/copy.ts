// Harbor's artifact copy (POST …/artifacts?from=<project>/<repo>@<digest> or :<tag>): children
// first, then the artifact, its accessories and the root's tags, each manifest pushed through
// putManifest after its blobs are linked into the destination, so /v2 sees exactly a push.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/log.js'
import { findArtifact, listArtifactsBySubjects } from '../db/artifacts.js'
import { linkBlob } from '../db/blobs.js'
import { listTagsOfArtifact, upsertTag } from '../db/tags.js'
import { parseReference, parseRepositoryName } from './grammar.js'
import { getManifest, putManifest } from './manifests.js'
import { parseManifest } from './manifest-parse.js'
import { ensureRepositoryForPush, findRepositoryId } from './repositories.js'
import { forgetLinks, forgetTags } from './invalidate.js'
import { requireRepository, type Actor } from './repositories-api.js'

export type CopySource = { repository: string; project: string; reference: string }

/** Reads `from`: "project/repo:tag" or "project/repo@digest"; 400 on anything else. */
export function parseCopySource(from: string | undefined): CopySource {
  if (!from) throw new AppError('BAD_REQUEST', undefined, 'the from parameter is required')
  let repository: string
  let reference: string
  const at = from.indexOf('@')
  if (at >= 0) {
    repository = from.slice(0, at)
    reference = from.slice(at + 1)
  } else {
    const colon = from.lastIndexOf(':')
    if (colon < 0 || colon < from.lastIndexOf('/')) throw new AppError('BAD_REQUEST', { from }, `invalid input: ${from}`)
    repository = from.slice(0, colon)
    reference = from.slice(colon + 1)
  }
  const { project } = parseRepositoryName(repository)
  const ref = parseReference(reference)
  if (at >= 0 && ref.digest === undefined) throw new AppError('BAD_REQUEST', { from }, `invalid input: ${from}`)
  if (at < 0 && ref.tag === undefined) throw new AppError('BAD_REQUEST', { from }, `invalid input: ${from}`)
  return { repository, project, reference }
}

/** Copies the artifact `source` names, in the project `source.projectId` (as checked), into `destination`; returns its digest. */
export async function copyArtifact(deps: Deps, actor: Actor, source: CopySource & { projectId: number }, destination: { projectId: number; repository: string }): Promise<string> {
  const srcId = (await requireRepository(deps, source.projectId, source.repository)).repository_id
  let root
  try {
    root = await getManifest(deps, source.repository, source.reference)
  } catch (err) {
    if (err instanceof AppError && err.code === 'MANIFEST_UNKNOWN') throw new AppError('NOT_FOUND', { reference: source.reference }, `artifact ${source.repository}:${source.reference} not found`)
    throw err
  }
  const dst = destination.repository
  const done = new Set<string>()

  const copyOne = async (digest: string, isRoot: boolean): Promise<void> => {
    if (done.has(digest)) return
    done.add(digest)
    const dstId = await findRepositoryId(deps, dst)
    if (!isRoot && dstId !== undefined && (await findArtifact(deps.db, dstId, digest))) return
    const manifest = await getManifest(deps, source.repository, digest)
    const parsed = parseManifest(manifest.body, manifest.mediaType)
    for (const child of parsed.children) await copyOne(child.digest, false)
    const now = deps.clock.now().toISOString()
    const blobs = parsed.blobs.map((b) => b.digest)
    await deps.db.transaction().execute(async (trx) => {
      const repoId = await ensureRepositoryForPush(deps, trx, dst, now)
      for (const b of blobs) await linkBlob(trx, repoId, b, now)
    })
    await forgetLinks(deps, dst, blobs)
    await putManifest(deps, dst, digest, manifest.body, manifest.mediaType)
    const srcArtifact = await findArtifact(deps.db, srcId, digest)
    if (srcArtifact) for (const acc of await listArtifactsBySubjects(deps.db, srcId, [digest])) await copyOne(acc.digest, false)
  }
  await copyOne(root.digest, true)

  const srcRoot = await findArtifact(deps.db, srcId, root.digest)
  const tags = srcRoot ? await listTagsOfArtifact(deps.db, srcRoot.id) : []
  const dstId = await findRepositoryId(deps, dst)
  const dstRoot = dstId === undefined ? undefined : await findArtifact(deps.db, dstId, root.digest)
  if (!dstId || !dstRoot) throw new AppError('INTERNAL', undefined, 'copied artifact vanished')
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const tag of tags) await upsertTag(trx, dstId, tag, dstRoot.id, now)
      await recordAudit(trx, { projectId: destination.projectId, operation: 'create', resourceType: 'artifact', resource: `${dst}@${root.digest}`, username: actor.username, clientIp: actor.clientIp }, now)
    })
  } finally {
    if (tags.length) await forgetTags(deps, dst, tags)
  }
  return root.digest
}
