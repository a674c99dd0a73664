// Runtime settings (Harbor's system configurations, src/controller/config): berth.yml gives each
// editable item its default, a value stored through PUT /api/v2.0/configurations overrides it.
// The merged result is remembered per database and dropped on every update, on every instance
// (src/invalidation.ts).
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import type { Db } from '../db/schema.js'
import { listSettings, upsertSetting } from '../db/settings.js'
import { recordAudit } from '../audit/log.js'
import { invalidate } from '../invalidation.js'

export type ProjectCreationRestriction = 'everyone' | 'adminonly'

export type Settings = {
  self_registration: boolean
  project_creation_restriction: ProjectCreationRestriction
  /** read-only: from berth.yml */
  auth_mode: string
  /** read-only: registry token lifetime in minutes, from berth.yml */
  token_expiration: number
}

export type SettingsChange = Partial<Pick<Settings, 'self_registration' | 'project_creation_restriction'>>

/** The items PUT may change, each with its check and its stored form. */
const EDITABLE = {
  self_registration: {
    parse: (v: unknown) => (typeof v === 'boolean' ? v : undefined),
    read: (s: string) => (s === 'true' ? true : s === 'false' ? false : undefined),
    expected: 'a boolean',
  },
  project_creation_restriction: {
    parse: (v: unknown) => (v === 'everyone' || v === 'adminonly' ? v : undefined),
    read: (s: string) => (s === 'everyone' || s === 'adminonly' ? s : undefined),
    expected: '"everyone" or "adminonly"',
  },
} as const

type EditableKey = keyof typeof EDITABLE
const isEditable = (key: string): key is EditableKey => Object.hasOwn(EDITABLE, key)

/** Harbor's Configurations keys (swagger definition Configurations) that Berth cannot honour. */
const HARBOR_ONLY = new Set([
  'auth_mode', 'primary_auth_mode', 'ldap_base_dn', 'ldap_filter', 'ldap_group_base_dn', 'ldap_group_admin_dn',
  'ldap_group_attribute_name', 'ldap_group_search_filter', 'ldap_group_search_scope', 'ldap_group_attach_parallel',
  'ldap_scope', 'ldap_search_dn', 'ldap_search_password', 'ldap_timeout', 'ldap_uid', 'ldap_url', 'ldap_verify_cert',
  'ldap_group_membership_attribute', 'read_only', 'token_expiration', 'uaa_client_id', 'uaa_client_secret',
  'uaa_endpoint', 'uaa_verify_cert', 'http_authproxy_endpoint', 'http_authproxy_tokenreview_endpoint',
  'http_authproxy_admin_groups', 'http_authproxy_admin_usernames', 'http_authproxy_verify_cert',
  'http_authproxy_skip_search', 'http_authproxy_server_certificate', 'oidc_name', 'oidc_endpoint', 'oidc_client_id',
  'oidc_client_secret', 'oidc_groups_claim', 'oidc_admin_group', 'oidc_group_filter', 'oidc_scope', 'oidc_user_claim',
  'oidc_verify_cert', 'oidc_auto_onboard', 'oidc_extra_redirect_parms', 'oidc_logout', 'robot_token_duration',
  'robot_name_prefix', 'notification_enable', 'quota_per_project_enable', 'storage_per_project',
  'audit_log_forward_endpoint', 'skip_audit_log_database', 'session_timeout', 'scanner_skip_update_pulltime',
  'scan_all_policy', 'banner_message', 'disabled_audit_log_event_types',
])

/**
 * Whether a value of a Harbor-only key asks for nothing: empty, off, or what Berth does anyway.
 * Harbor clients (the Terraform provider's system config) send whole Configurations objects; such
 * keys are accepted and change nothing, while a value that asks for a feature is refused.
 */
function asksForNothing(key: string, value: unknown, current: Settings): boolean {
  if (value === '' || value === false) return true
  switch (key) {
    case 'auth_mode': return value === current.auth_mode
    case 'token_expiration': return value === current.token_expiration
    case 'quota_per_project_enable': return value === true
    case 'storage_per_project': return value === -1
    case 'robot_name_prefix': return value === 'robot$'
    // verifying the certificate of an authenticator Berth does not use
    case 'ldap_verify_cert': case 'uaa_verify_cert': case 'http_authproxy_verify_cert': case 'oidc_verify_cert': return value === true
    default: return false
  }
}

const remembered = new WeakMap<Db, Promise<Settings>>()

/** The settings in force: stored values over berth.yml's. */
export function getSettings(deps: Deps): Promise<Settings> {
  let settings = remembered.get(deps.db)
  if (!settings) {
    settings = loadSettings(deps)
    remembered.set(deps.db, settings)
    settings.catch(() => remembered.delete(deps.db))
  }
  return settings
}

/** Drops what this instance remembers (a promise stored before its read, so no read in flight refills it). */
export function forgetSettings(db: Db): void {
  remembered.delete(db)
}

async function loadSettings(deps: Deps): Promise<Settings> {
  const stored = await listSettings(deps.db)
  const { auth, token } = deps.config
  const pick = <T>(key: EditableKey, read: (s: string) => T | undefined): T | undefined => {
    const raw = stored.get(key)
    const value = raw === undefined ? undefined : read(raw)
    if (raw !== undefined && value === undefined) deps.log.warn({ setting: key, value: raw }, 'ignoring an invalid stored setting')
    return value
  }
  return {
    self_registration: pick('self_registration', EDITABLE.self_registration.read) ?? auth.self_registration,
    project_creation_restriction: pick('project_creation_restriction', EDITABLE.project_creation_restriction.read) ?? auth.project_creation_restriction,
    auth_mode: auth.mode,
    token_expiration: token.expiration_minutes,
  }
}

/**
 * Checks a PUT body (Harbor's Configurations): editable keys with valid values, and Harbor-only keys
 * whose values ask for nothing (see asksForNothing), which are dropped.
 */
export function parseSettingsChange(body: unknown, current: Settings): SettingsChange {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('BAD_REQUEST', undefined, 'the configurations must be a JSON object')
  }
  const change: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (!isEditable(key)) {
      if (HARBOR_ONLY.has(key) && asksForNothing(key, value, current)) continue
      throw new AppError('BAD_REQUEST', { key }, HARBOR_ONLY.has(key)
        ? `configuration ${key} cannot be set to ${JSON.stringify(value)}: Berth does not have this feature or it is set in berth.yml`
        : `unknown configuration ${key}`)
    }
    const parsed = EDITABLE[key].parse(value)
    if (parsed === undefined) throw new AppError('BAD_REQUEST', { key }, `configuration ${key} must be ${EDITABLE[key].expected}`)
    change[key] = parsed
  }
  return change as SettingsChange
}

/** Stores the change with its audit row in one transaction; later reads see it. */
export async function updateSettings(deps: Deps, body: unknown, actor: { username: string; clientIp: string }): Promise<void> {
  const change = parseSettingsChange(body, await getSettings(deps))
  const keys = Object.keys(change) as EditableKey[]
  if (keys.length === 0) return
  const now = deps.clock.now().toISOString()
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const key of keys) await upsertSetting(trx, key, String(change[key]))
      await recordAudit(trx, { operation: 'update', resourceType: 'configuration', resource: keys.join(','), username: actor.username, clientIp: actor.clientIp }, now)
    })
  } finally {
    await invalidate(deps, { kind: 'settings' })
  }
}
