// Every error a client can see, one row per failure and one column per wire surface
// (as distribution's registry/api/errcode/register.go). /v2 writes `oci`, /api/v2.0 writes `harbor`.
// docs/errors.md lists every row; a test keeps the two in step.

type ErrorRow = { status: number; oci: string; harbor: string; message: string }

export const errorTable = {
  BLOB_UNKNOWN: { status: 404, oci: 'BLOB_UNKNOWN', harbor: 'NOT_FOUND', message: 'blob unknown to registry' },
  BLOB_UPLOAD_INVALID: { status: 400, oci: 'BLOB_UPLOAD_INVALID', harbor: 'BAD_REQUEST', message: 'blob upload invalid' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, oci: 'BLOB_UPLOAD_UNKNOWN', harbor: 'NOT_FOUND', message: 'blob upload unknown to registry' },
  BLOB_UPLOAD_BUSY: { status: 409, oci: 'BLOB_UPLOAD_INVALID', harbor: 'CONFLICT', message: 'another request is writing to this upload' },
  RANGE_INVALID: { status: 416, oci: 'BLOB_UPLOAD_INVALID', harbor: 'BAD_REQUEST', message: 'requested range is not at the end of the upload' },
  RANGE_NOT_SATISFIABLE: { status: 416, oci: 'RANGE_INVALID', harbor: 'BAD_REQUEST', message: 'requested range not satisfiable' },
  DIGEST_INVALID: { status: 400, oci: 'DIGEST_INVALID', harbor: 'BAD_REQUEST', message: 'provided digest did not match uploaded content' },
  SIZE_INVALID: { status: 400, oci: 'SIZE_INVALID', harbor: 'BAD_REQUEST', message: 'provided length did not match content length' },
  MANIFEST_BLOB_UNKNOWN: { status: 400, oci: 'MANIFEST_BLOB_UNKNOWN', harbor: 'BAD_REQUEST', message: 'blob unknown to registry' },
  MANIFEST_CHILD_UNKNOWN: { status: 400, oci: 'MANIFEST_BLOB_UNKNOWN', harbor: 'BAD_REQUEST', message: 'manifest references a manifest unknown to this repository' },
  MANIFEST_INVALID: { status: 400, oci: 'MANIFEST_INVALID', harbor: 'BAD_REQUEST', message: 'manifest invalid' },
  MANIFEST_TOO_LARGE: { status: 413, oci: 'SIZE_INVALID', harbor: 'BAD_REQUEST', message: 'manifest exceeds the size limit' },
  MANIFEST_UNKNOWN: { status: 404, oci: 'MANIFEST_UNKNOWN', harbor: 'NOT_FOUND', message: 'manifest unknown' },
  MANIFEST_NOT_ACCEPTABLE: { status: 404, oci: 'MANIFEST_UNKNOWN', harbor: 'NOT_FOUND', message: 'manifest found, but its media type is not in the Accept header' },
  NAME_INVALID: { status: 400, oci: 'NAME_INVALID', harbor: 'BAD_REQUEST', message: 'invalid repository name' },
  NAME_UNKNOWN: { status: 404, oci: 'NAME_UNKNOWN', harbor: 'NOT_FOUND', message: 'repository name not known to registry' },
  // distribution says TAG_INVALID; the spec's closed code table has no such code
  TAG_INVALID: { status: 400, oci: 'MANIFEST_INVALID', harbor: 'BAD_REQUEST', message: 'invalid tag' },
  PAGINATION_INVALID: { status: 400, oci: 'PAGINATION_NUMBER_INVALID', harbor: 'BAD_REQUEST', message: 'invalid number of results requested' },
  UNSUPPORTED: { status: 405, oci: 'UNSUPPORTED', harbor: 'METHOD_NOT_ALLOWED', message: 'the operation is unsupported' },
  ROUTE_UNKNOWN: { status: 404, oci: 'NAME_INVALID', harbor: 'NOT_FOUND', message: 'no such endpoint' },
  UNAUTHORIZED: { status: 401, oci: 'UNAUTHORIZED', harbor: 'UNAUTHORIZED', message: 'authentication required' },
  DENIED: { status: 403, oci: 'DENIED', harbor: 'FORBIDDEN', message: 'requested access to the resource is denied' },
  TOO_MANY_REQUESTS: { status: 429, oci: 'TOOMANYREQUESTS', harbor: 'TOO_MANY_REQUESTS', message: 'too many requests' },
  // Harbor's REST API
  BAD_REQUEST: { status: 400, oci: 'UNSUPPORTED', harbor: 'BAD_REQUEST', message: 'bad request' },
  NOT_FOUND: { status: 404, oci: 'NAME_UNKNOWN', harbor: 'NOT_FOUND', message: 'resource not found' },
  PROJECT_UNKNOWN: { status: 404, oci: 'NAME_UNKNOWN', harbor: 'NOT_FOUND', message: 'project not found' },
  CONFLICT: { status: 409, oci: 'DENIED', harbor: 'CONFLICT', message: 'resource already exists' },
  PRECONDITION_FAILED: { status: 412, oci: 'DENIED', harbor: 'PRECONDITION', message: 'precondition failed' },
  PAYLOAD_TOO_LARGE: { status: 413, oci: 'SIZE_INVALID', harbor: 'BAD_REQUEST', message: 'request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, oci: 'UNSUPPORTED', harbor: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported media type' },
  FORBIDDEN: { status: 403, oci: 'DENIED', harbor: 'FORBIDDEN', message: 'forbidden' },
  METHOD_NOT_ALLOWED: { status: 405, oci: 'UNSUPPORTED', harbor: 'METHOD_NOT_ALLOWED', message: 'method not allowed' },
  INTERNAL: { status: 500, oci: 'UNKNOWN', harbor: 'UNKNOWN', message: 'internal server error' },
} as const satisfies Record<string, ErrorRow>

export type ErrorCode = keyof typeof errorTable

/** A failure a client is meant to see. Services throw it; each wire surface writes its own body. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, readonly detail?: unknown, message?: string) {
    super(message ?? errorTable[code].message)
    this.name = 'AppError'
  }
  get status(): number {
    return errorTable[this.code].status
  }
}

/** Port-level "no such object": ports throw it, services translate it to an AppError. */
export class NotFound extends Error {
  constructor(readonly key: string) {
    super(`not found: ${key}`)
    this.name = 'NotFound'
  }
}
