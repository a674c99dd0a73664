import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'

export function searchRoutes(_app: FastifyInstance, _deps: Deps) {
  // TODO(#3): routes land here
}
