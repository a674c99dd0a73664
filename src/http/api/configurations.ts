// Harbor's /configurations (swagger tag "configure"; Harbor src/server/v2.0/handler/config.go):
// the system settings Berth can change at runtime, read and written by system admins.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { principalName } from '../../iam/principal.js'
import { getSettings, updateSettings } from '../../config/settings.js'
import { requireSystemAccess } from './access.js'

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
    await updateSettings(deps, request.body, { username: principalName(request.principal), clientIp: request.ip })
    return reply.code(200).send()
  })
}
