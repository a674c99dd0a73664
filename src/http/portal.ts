// /c/login and /c/log_out, as Harbor's portal uses them (form-encoded principal and password).
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'

export async function portalPlugin(_app: FastifyInstance, _opts: { deps: Deps }) {
  // TODO(#3): login and logout land here
}
