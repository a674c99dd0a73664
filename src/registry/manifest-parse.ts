// Parses and validates a manifest body against its media type: OCI image manifest and index,
// Docker schema 2 manifest and manifest list. Anything else is MANIFEST_INVALID.
import { AppError } from '../errors.js'
import { isDigest } from './grammar.js'
import { DOCKER_MANIFEST_LIST, INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, OCI_INDEX, OCI_MANIFEST } from './media-types.js'

export type Descriptor = {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  annotations?: Record<string, string>
  artifactType?: string
  platform?: Record<string, unknown>
}

export type ParsedManifest = {
  mediaType: string
  kind: 'image' | 'index'
  /** Config media type for images; the manifest's own type for indexes (Harbor's artifact media_type). */
  configMediaType: string
  /** OCI 1.1 `artifactType`; for image manifests without one, the config media type. */
  artifactType: string | null
  /** Config and layers: blobs this manifest needs in the repository. Foreign layers (with urls) excluded. */
  blobs: Descriptor[]
  /** Child manifests of an index. */
  children: Descriptor[]
  subject: Descriptor | null
  annotations: Record<string, string> | null
}

const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/

function invalid(reason: string): AppError {
  return new AppError('MANIFEST_INVALID', { reason }, `manifest invalid: ${reason}`)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stringMap(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined) return undefined
  if (!isObject(v) || Object.values(v).some((x) => typeof x !== 'string')) throw invalid(`${where} must be a map of strings`)
  return v as Record<string, string>
}

function mediaType(v: unknown, where: string): string {
  if (typeof v !== 'string' || !MEDIA_TYPE.test(v)) throw invalid(`${where} must be a media type`)
  return v
}

function descriptor(v: unknown, where: string): Descriptor {
  if (!isObject(v)) throw invalid(`${where} must be a descriptor object`)
  const d: Descriptor = {
    mediaType: mediaType(v.mediaType, `${where}.mediaType`),
    digest: typeof v.digest === 'string' && isDigest(v.digest) ? v.digest : (() => { throw invalid(`${where}.digest must be a sha256 or sha512 digest`) })(),
    size: typeof v.size === 'number' && Number.isSafeInteger(v.size) && v.size >= 0 ? v.size : (() => { throw invalid(`${where}.size must be a non-negative integer`) })(),
  }
  if (v.urls !== undefined) {
    if (!Array.isArray(v.urls) || v.urls.some((u) => typeof u !== 'string')) throw invalid(`${where}.urls must be a list of strings`)
    d.urls = v.urls as string[]
  }
  const annotations = stringMap(v.annotations, `${where}.annotations`)
  if (annotations) d.annotations = annotations
  if (v.artifactType !== undefined) d.artifactType = mediaType(v.artifactType, `${where}.artifactType`)
  if (v.platform !== undefined) {
    if (!isObject(v.platform) || typeof v.platform.architecture !== 'string' || typeof v.platform.os !== 'string') {
      throw invalid(`${where}.platform needs architecture and os`)
    }
    d.platform = v.platform
  }
  return d
}

function descriptors(v: unknown, where: string): Descriptor[] {
  if (!Array.isArray(v)) throw invalid(`${where} must be a list`)
  return v.map((x, i) => descriptor(x, `${where}[${i}]`))
}

/** `contentType` is the request's Content-Type (parameters ignored), possibly empty. */
export function parseManifest(body: Buffer, contentType: string): ParsedManifest {
  let doc: unknown
  try {
    doc = JSON.parse(body.toString('utf8'))
  } catch {
    throw invalid('body is not JSON')
  }
  if (!isObject(doc)) throw invalid('body must be a JSON object')
  if (doc.schemaVersion !== 2) throw invalid('schemaVersion must be 2')

  const declared = doc.mediaType === undefined ? undefined : mediaType(doc.mediaType, 'mediaType')
  const header = contentType.split(';')[0]!.trim().toLowerCase()
  let type: string
  if (MANIFEST_MEDIA_TYPES.has(header)) {
    if (declared !== undefined && declared !== header) throw invalid(`mediaType ${declared} does not match Content-Type ${header}`)
    type = header
  } else if (declared !== undefined) {
    type = declared
  } else {
    type = Array.isArray(doc.manifests) ? OCI_INDEX : OCI_MANIFEST
  }
  if (!MANIFEST_MEDIA_TYPES.has(type)) throw invalid(`unsupported manifest media type ${type}`)

  const isOci = type === OCI_MANIFEST || type === OCI_INDEX
  const subject = isOci && doc.subject !== undefined ? descriptor(doc.subject, 'subject') : null
  const annotations = stringMap(doc.annotations, 'annotations') ?? null
  const declaredArtifactType = isOci && doc.artifactType !== undefined ? mediaType(doc.artifactType, 'artifactType') : null

  if (INDEX_MEDIA_TYPES.has(type)) {
    const children = descriptors(doc.manifests, 'manifests')
    if (type === DOCKER_MANIFEST_LIST && children.some((c) => !c.platform)) throw invalid('every manifest list entry needs a platform')
    return { mediaType: type, kind: 'index', configMediaType: type, artifactType: declaredArtifactType, blobs: [], children, subject, annotations }
  }

  if (doc.config === undefined) throw invalid('config is required')
  const config = descriptor(doc.config, 'config')
  if (doc.layers === undefined) throw invalid('layers is required')
  const layers = descriptors(doc.layers, 'layers')
  // distribution-spec referrers: artifactType, or else the config's media type
  const artifactType = declaredArtifactType ?? config.mediaType
  return {
    mediaType: type, kind: 'image', configMediaType: config.mediaType, artifactType,
    // Foreign (non-distributable) layers live elsewhere and are not required here.
    blobs: [config, ...layers.filter((l) => !l.urls?.length)],
    children: [], subject, annotations,
  }
}
