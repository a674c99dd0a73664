// ping, systeminfo, health: the routes every Harbor client calls first.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import { isSysadmin } from '../../rbac/evaluate.js'
import { getSettings } from '../../config/settings.js'
import { publicBaseUrl, publicHost } from '../origin.js'

export const BERTH_VERSION = 'v0.1.0-berth'

export function systemRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/ping', async (_request, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send('Pong'))

  app.get('/systeminfo', async (request) => {
    const settings = await getSettings(deps)
    const base = {
      auth_mode: deps.config.auth.mode,
      primary_auth_mode: false,
      self_registration: settings.self_registration,
      harbor_version: BERTH_VERSION,
      banner_message: '',
      oidc_provider_name: '',
      current_time: deps.clock.now().toISOString(),
    }
    if (request.principal.kind === 'anonymous' || request.principal.kind === 'token') return base
    return {
      ...base,
      registry_url: publicHost(deps, request),
      external_url: publicBaseUrl(deps, request),
      project_creation_restriction: settings.project_creation_restriction,
      has_ca_root: false,
      read_only: false,
      with_chartmuseum: false,
      notification_enable: false,
      registry_storage_provider_name: deps.config.storage.type,
      ...(isSysadmin(request.principal) ? { storage_per_project: '-1' } : {}),
    }
  })

  app.get('/health', async (_request, reply) => {
    const components: Array<{ name: string; status: string; error?: string }> = []
    try {
      await sql`select 1`.execute(deps.db)
      components.push({ name: 'database', status: 'healthy' })
    } catch (err) {
      components.push({ name: 'database', status: 'unhealthy', error: (err as Error).message })
    }
    try {
      await deps.blobs.stat('sha256/00/0000000000000000000000000000000000000000000000000000000000000000')
      components.push({ name: 'registry', status: 'healthy' })
    } catch (err) {
      components.push({ name: 'registry', status: 'unhealthy', error: (err as Error).message })
    }
    components.push({ name: 'core', status: 'healthy' }, { name: 'jobservice', status: 'healthy' })
    const status = components.every((c) => c.status === 'healthy') ? 'healthy' : 'unhealthy'
    return reply.code(status === 'healthy' ? 200 : 503).send({ status, components })
  })
}
