// Harbor's error body on /api/v2.0, /service/token and /c: {"errors":[{"code":..,"message":..}]}.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError, errorTable } from '../errors.js'
import { toAppError } from './errors.js'

export function sendHarborError(request: FastifyRequest, reply: FastifyReply, err: unknown) {
  const app = err instanceof AppError ? err : fastifyValidation(err) ?? toAppError(err, request)
  const row = errorTable[app.code]
  if (app.status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Basic realm="harbor"')
  return reply.code(app.status).header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ code: row.harbor, message: app.message }] }))
}

/** fastify's own body and schema errors become Harbor's 400 with their message. */
function fastifyValidation(err: unknown): AppError | null {
  const e = err as { validation?: unknown; statusCode?: number; message?: string; code?: string }
  if (e?.validation) return new AppError('BAD_REQUEST', undefined, e.message)
  if (e?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', undefined, e.message)
  if (e?.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, e.message)
  if (e?.statusCode === 400) return new AppError('BAD_REQUEST', undefined, e.message)
  return null
}
