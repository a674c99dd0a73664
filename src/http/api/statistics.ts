// Harbor's GET /statistics: project and repository counts; totals for system admins only.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { statistics } from '../../projects/search.js'
import { requireAuthenticated } from './access.js'

export function statisticsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/statistics', async (request) => {
    requireAuthenticated(request)
    return statistics(deps, request.principal)
  })
}
