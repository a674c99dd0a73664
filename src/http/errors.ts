// Writes errors on each wire surface: the OCI error body on /v2, Harbor's on /api/v2.0.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, errorTable } from '../errors.js'

export type OciErrorBody = { errors: Array<{ code: string; message: string; detail?: unknown }> }

/** Maps anything thrown to an AppError; unknown failures become INTERNAL and are logged with the stack. */
export function toAppError(err: unknown, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err
  const fe = err as FastifyError
  if (typeof fe?.statusCode === 'number' && fe.statusCode < 500) {
    // fastify's own refusals (bad content length, aborted body…): keep their status, say why
    const app = new AppError(fe.statusCode === 413 ? 'SIZE_INVALID' : 'UNSUPPORTED', undefined, fe.message)
    Object.defineProperty(app, 'status', { value: fe.statusCode })
    return app
  }
  request.log.error({ err }, 'request failed')
  return new AppError('INTERNAL')
}

export function sendOciError(reply: FastifyReply, err: AppError): FastifyReply {
  const row = errorTable[err.code]
  const body: OciErrorBody = { errors: [{ code: row.oci, message: err.message, ...(err.detail === undefined ? {} : { detail: err.detail }) }] }
  return reply.code(err.status).header('content-type', 'application/json; charset=utf-8').send(body)
}
