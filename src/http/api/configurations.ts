// Harbor's /configurations (swagger tag "configure"; Harbor src/server/v2.0/handler/config.go):
// the system settings Berth can change at runtime, read and written by system admins.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { principalName } from '../../iam/principal.js'
import { getSettings, updateSettings } from '../../config/settings.js'
import { requireSystemAccess } from './access.js'
import { parseBody } from './request.js'

// Harbor's Configurations definition, typed as its swagger types them; keys it does not define are
// dropped, as Harbor drops them. Which keys Berth can change is the settings service's to say.
const STRING_KEYS = [
  'auth_mode', 'ldap_base_dn', 'ldap_filter', 'ldap_group_base_dn', 'ldap_group_admin_dn', 'ldap_group_attribute_name',
  'ldap_group_search_filter', 'ldap_search_dn', 'ldap_search_password', 'ldap_uid', 'ldap_url', 'ldap_group_membership_attribute',
  'project_creation_restriction', 'uaa_client_id', 'uaa_client_secret', 'uaa_endpoint', 'http_authproxy_endpoint',
  'http_authproxy_tokenreview_endpoint', 'http_authproxy_admin_groups', 'http_authproxy_admin_usernames',
  'http_authproxy_server_certificate', 'oidc_name', 'oidc_endpoint', 'oidc_client_id', 'oidc_client_secret', 'oidc_groups_claim',
  'oidc_admin_group', 'oidc_group_filter', 'oidc_scope', 'oidc_user_claim', 'oidc_extra_redirect_parms', 'robot_name_prefix',
  'audit_log_forward_endpoint', 'banner_message', 'disabled_audit_log_event_types',
] as const
const BOOLEAN_KEYS = [
  'primary_auth_mode', 'ldap_group_attach_parallel', 'ldap_verify_cert', 'read_only', 'self_registration', 'uaa_verify_cert',
  'http_authproxy_verify_cert', 'http_authproxy_skip_search', 'oidc_verify_cert', 'oidc_auto_onboard', 'oidc_logout',
  'notification_enable', 'quota_per_project_enable', 'skip_audit_log_database', 'scanner_skip_update_pulltime',
] as const
const INTEGER_KEYS = [
  'ldap_group_search_scope', 'ldap_scope', 'ldap_timeout', 'token_expiration', 'robot_token_duration', 'storage_per_project', 'session_timeout',
] as const

const configurationsBody = z.object({
  ...Object.fromEntries(STRING_KEYS.map((k) => [k, z.string().max(64 * 1024).optional()])),
  ...Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, z.boolean().optional()])),
  ...Object.fromEntries(INTEGER_KEYS.map((k) => [k, z.number().int().optional()])),
  // x-nullable in Harbor's swagger, so generated clients send null for "not set"
  primary_auth_mode: z.boolean().nullish(),
} as Record<string, z.ZodType<string | boolean | number | null | undefined>>)

export function configurationRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/configurations', async (request) => {
    requireSystemAccess(request, 'configuration', 'read')
    const s = await getSettings(deps)
    // Harbor's ConfigurationsResponse, limited to the items Berth has
    return {
      auth_mode: { value: s.auth_mode, editable: false },
      self_registration: { value: s.self_registration, editable: true },
      project_creation_restriction: { value: s.project_creation_restriction, editable: true },
      token_expiration: { value: s.token_expiration, editable: false },
    }
  })

  app.put('/configurations', async (request, reply) => {
    requireSystemAccess(request, 'configuration', 'update')
    const body = Object.fromEntries(Object.entries(parseBody(configurationsBody, request)).filter(([, v]) => v !== null))
    await updateSettings(deps, body, { username: principalName(request.principal), clientIp: request.ip })
    return reply.code(200).send()
  })
}
