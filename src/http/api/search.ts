// Harbor's GET /search?q=: projects and repositories whose names contain q, within sight.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { search } from '../../projects/search.js'
import { queryStrings } from './request.js'

export function searchRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/search', async (request) => {
    const q = queryStrings(request).q
    if (q === undefined) throw new AppError('BAD_REQUEST', { parameter: 'q' }, 'q is required')
    if (q.length > 255) throw new AppError('BAD_REQUEST', undefined, 'q is longer than 255 characters')
    return search(deps, request.principal, q)
  })
}
