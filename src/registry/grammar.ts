// The distribution-spec grammars for names, tags and digests (distribution reference/regexp.go),
// plus Harbor's rule that a repository's first component is its project.
import { AppError } from '../errors.js'

const COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*'
const NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`)
/** Harbor's project name rule: no doubled separators at all. */
const PROJECT = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/
/** Anything shaped like a digest, to tell "bad digest" from "bad tag". */
const DIGEST_LIKE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/

export const MAX_NAME_LENGTH = 255

export function isValidName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME.test(name)
}

/** A repository name Berth accepts: the spec's grammar, and a project component in front. */
export function parseRepositoryName(name: string): { repository: string; project: string } {
  const slash = name.indexOf('/')
  if (!isValidName(name) || slash < 0) throw new AppError('NAME_INVALID', { name })
  const project = name.slice(0, slash)
  if (!PROJECT.test(project)) throw new AppError('NAME_INVALID', { name, reason: 'invalid project name' })
  return { repository: name, project }
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value)
}

export function assertDigest(value: string): string {
  if (!DIGEST.test(value)) throw new AppError('DIGEST_INVALID', { digest: value }, 'invalid digest')
  return value
}

export function isTag(value: string): boolean {
  return TAG.test(value)
}

export type Reference = { tag: string; digest?: undefined } | { digest: string; tag?: undefined }

/** A manifest reference: a tag, or a digest of a supported algorithm. */
export function parseReference(value: string): Reference {
  if (TAG.test(value)) return { tag: value }
  if (DIGEST.test(value)) return { digest: value }
  if (DIGEST_LIKE.test(value)) throw new AppError('DIGEST_INVALID', { digest: value }, 'invalid or unsupported digest')
  throw new AppError('TAG_INVALID', { tag: value }, 'invalid tag')
}

/**
 * A reference to read or delete. One that is neither a tag nor shaped like a digest cannot name
 * a manifest: MANIFEST_UNKNOWN (404), as distribution answers and the conformance suite checks
 * with `.INVALID_MANIFEST_NAME`. A malformed digest stays DIGEST_INVALID; a write refuses both (parseReference).
 */
export function parseLookupReference(value: string): Reference {
  if (!TAG.test(value) && !DIGEST_LIKE.test(value)) throw new AppError('MANIFEST_UNKNOWN', { reference: value })
  return parseReference(value)
}

export function digestAlgorithm(digest: string): 'sha256' | 'sha512' {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256'
}
