// Project metadata: Harbor's string settings of a project (public, enable_content_trust, prevent_vul,
// severity, auto_scan, reuse_sys_cve_allowlist, retention_id …), one project_metadata row each.
// Values are validated and normalized as Harbor's metadata handler does (booleans as "true"/"false",
// severity lower case); proxy-cache settings mean nothing without a proxy cache and are dropped.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { deleteProjectMetadata, listProjectMetadata, updateProjectRow, upsertProjectMetadata } from '../db/projects.js'
import { recordAudit } from '../audit/log.js'
import { invalidateAuth, type ProjectRef } from '../iam/auth-cache.js'
import { principalName } from '../iam/principal.js'
import type { Caller } from './projects.js'

export const BOOLEAN_METADATA = [
  'public', 'enable_content_trust', 'enable_content_trust_cosign', 'prevent_vul', 'auto_scan', 'auto_sbom_generation',
  'reuse_sys_cve_allowlist',
] as const
export const PROXY_METADATA = [
  'proxy_speed_kb', 'max_upstream_conn', 'proxy_cache_local_on_not_found', 'proxy_referrer_api',
  'proxy_cache_filter_pattern', 'proxy_cache_filter_kind',
] as const
/** Every key a ProjectReq's metadata may carry (Harbor's ProjectMetadata). */
export const METADATA_KEYS = [...BOOLEAN_METADATA, 'severity', 'retention_id', ...PROXY_METADATA] as const

const SEVERITIES = new Set(['none', 'low', 'medium', 'high', 'critical'])

/**
 * Settings that gate pulls on something Berth does not do yet: turned on, a Harbor user would trust
 * unsigned or vulnerable images to be blocked, so "true" is refused rather than stored and ignored.
 * "false" asks for nothing and is accepted. auto_scan and auto_sbom_generation are stored: they ask
 * for reports after a push, not for a gate, and Harbor without a scanner stores them just the same
 * (the Terraform provider sends auto_scan=true by default).
 */
const UNSUPPORTED_GATES: Readonly<Record<string, string>> = {
  enable_content_trust: 'Berth does not verify image signatures yet, so it cannot refuse unsigned images',
  enable_content_trust_cosign: 'Berth does not verify cosign signatures yet, so it cannot refuse unsigned images',
  prevent_vul: 'Berth has no vulnerability scanner yet, so it cannot refuse vulnerable images',
}
// Go's strconv.ParseBool, which Harbor's metadata handler uses
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

function normalizeValue(key: string, value: string): string {
  if ((BOOLEAN_METADATA as readonly string[]).includes(key)) {
    if (TRUE.has(value) && Object.hasOwn(UNSUPPORTED_GATES, key)) {
      throw new AppError('BAD_REQUEST', { [key]: value }, `metadata.${key} cannot be true: ${UNSUPPORTED_GATES[key]}`)
    }
    if (TRUE.has(value)) return 'true'
    if (FALSE.has(value)) return 'false'
    throw new AppError('BAD_REQUEST', { [key]: value }, `metadata.${key} should only be 'true' or 'false', but got: '${value}'`)
  }
  if (key === 'severity') {
    const s = value.toLowerCase()
    if (!SEVERITIES.has(s)) throw new AppError('BAD_REQUEST', { severity: value }, `invalid severity ${value}`)
    return s
  }
  throw new AppError('BAD_REQUEST', { key }, `unknown metadata ${key}`)
}

/**
 * Validated, normalized entries of a ProjectReq's metadata; null, absent and empty values are left
 * out (Harbor's JSON copy skips nil fields), proxy settings dropped. retention_id is the caller's to check.
 */
export function normalizeMetadata(raw: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue
    if ((PROXY_METADATA as readonly string[]).includes(key)) continue
    if (value === '' && key !== 'public') continue
    out[key] = normalizeValue(key, value)
  }
  return out
}

/** The keys the metadatas routes accept, one per request (Harbor project_metadata.go `validate`). */
function validateSingle(entries: Record<string, string>): [string, string] {
  const keys = Object.keys(entries)
  if (keys.length !== 1) throw new AppError('BAD_REQUEST', undefined, 'exactly one metadata entry is expected')
  const key = keys[0]!
  if (!(BOOLEAN_METADATA as readonly string[]).includes(key) && key !== 'severity') {
    throw new AppError('BAD_REQUEST', { key }, `invalid metadata ${key}`)
  }
  return [key, normalizeValue(key, entries[key]!)]
}

export async function getMetadata(deps: Deps, ref: ProjectRef): Promise<Record<string, string>> {
  const stored = (await listProjectMetadata(deps.db, [ref.id])).get(ref.id) ?? {}
  return { ...stored, public: ref.public ? 'true' : 'false' }
}

export async function getMetadataEntry(deps: Deps, ref: ProjectRef, name: string): Promise<Record<string, string>> {
  const all = await getMetadata(deps, ref)
  if (!Object.hasOwn(all, name)) throw new AppError('NOT_FOUND', { name }, `metadata ${name} of project ${ref.name} not found`)
  return { [name]: all[name]! }
}

async function writeEntry(deps: Deps, caller: Caller, ref: ProjectRef, key: string, value: string, mode: 'add' | 'update'): Promise<void> {
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const stored = (await listProjectMetadata(trx, [ref.id])).get(ref.id) ?? {}
    const exists = Object.hasOwn(stored, key) || key === 'public'
    if (mode === 'add' && exists) throw new AppError('CONFLICT', { key }, `metadata ${key} already exists`)
    await upsertProjectMetadata(trx, ref.id, { [key]: value }, now)
    await updateProjectRow(trx, ref.id, { now, ...(key === 'public' ? { public: value === 'true' } : {}) })
    await recordAudit(trx, { projectId: ref.id, operation: mode === 'add' ? 'create' : 'update', resourceType: 'project', resource: ref.name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
  if (key === 'public') await invalidateAuth(deps)
}

/** POST /metadatas: a new entry; 409 if the project already has it. */
export async function addMetadata(deps: Deps, caller: Caller, ref: ProjectRef, entries: Record<string, string>): Promise<void> {
  const [key, value] = validateSingle(entries)
  await writeEntry(deps, caller, ref, key, value, 'add')
}

/** PUT /metadatas/{name}: the body holds exactly that entry; sets it whether or not it was set before. */
export async function updateMetadata(deps: Deps, caller: Caller, ref: ProjectRef, name: string, entries: Record<string, string>): Promise<void> {
  if (!Object.hasOwn(entries, name)) throw new AppError('BAD_REQUEST', { name }, `the body must hold metadata ${name}`)
  const [key, value] = validateSingle(entries)
  await writeEntry(deps, caller, ref, key, value, 'update')
}

export async function deleteMetadata(deps: Deps, caller: Caller, ref: ProjectRef, name: string): Promise<void> {
  // public is the project's visibility, not an optional setting
  if (name === 'public') throw new AppError('BAD_REQUEST', { name }, 'metadata public cannot be deleted')
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteProjectMetadata(trx, ref.id, name))) throw new AppError('NOT_FOUND', { name }, `metadata ${name} of project ${ref.name} not found`)
    await updateProjectRow(trx, ref.id, { now })
    await recordAudit(trx, { projectId: ref.id, operation: 'delete', resourceType: 'project', resource: ref.name, username: principalName(caller.principal), clientIp: caller.clientIp }, now)
  })
}
