// A thin keep-alive HTTP/1.1 client on node:http: cheap for the load generator, streams big
// bodies with backpressure, and can count-and-discard response bodies.
import http from 'node:http'

export type BodyWriter = (req: http.ClientRequest) => Promise<void>
export type Body = Buffer | string | BodyWriter

export interface Res {
  status: number
  headers: http.IncomingHttpHeaders
  /** empty when `discard` was set */
  body: Buffer
  /** bytes of body received */
  bytes: number
}

export interface ReqOpts {
  headers?: Record<string, string | number>
  body?: Body
  /** count the response body's bytes but do not keep them */
  discard?: boolean
  /** sees every chunk of the response body (which is then not kept), e.g. to hash it */
  onBody?: (chunk: Buffer) => void
  timeoutMs?: number
}

const EMPTY = Buffer.alloc(0)

/**
 * Credentials by origin (`http://127.0.0.1:5000`): every request to a server registered here
 * carries its Authorization header unless the caller sets one. Berth needs credentials (the
 * system admin's Basic header, which it caches once verified); distribution runs without auth.
 */
const credentials = new Map<string, string>()

export function setCredentials(origin: string, authorization: string): void {
  credentials.set(new URL(origin).origin, authorization)
}

/** `headers` plus the registered Authorization for `url`'s origin, if any and if not already set. */
export function withCredentials(url: string | URL, headers: Record<string, string> = {}): Record<string, string> {
  const auth = credentials.get(new URL(url).origin)
  if (!auth || Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) return headers
  return { ...headers, Authorization: auth }
}

export function newAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' })
}

export class HttpError extends Error {
  constructor(readonly method: string, readonly url: string, readonly status: number, body: string) {
    super(`${method} ${url} -> ${status} ${body.slice(0, 300)}`)
  }
}

export function request(agent: http.Agent, method: string, url: string | URL, opts: ReqOpts = {}): Promise<Res> {
  const u = typeof url === 'string' ? new URL(url) : url
  return new Promise<Res>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...opts.headers }
    const auth = credentials.get(u.origin)
    if (auth && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) headers.Authorization = auth
    if (Buffer.isBuffer(opts.body) || typeof opts.body === 'string') {
      headers['Content-Length'] ??= Buffer.byteLength(opts.body)
    } else if (opts.body === undefined && (method === 'PUT' || method === 'POST' || method === 'PATCH')) {
      headers['Content-Length'] ??= 0
    }
    const req = http.request(
      { agent, method, hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers },
      (res) => {
        const chunks: Buffer[] = []
        let bytes = 0
        const keep = !opts.discard && !opts.onBody
        res.on('data', (c: Buffer) => {
          bytes += c.length
          opts.onBody?.(c)
          if (keep) chunks.push(c)
        })
        res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: keep ? Buffer.concat(chunks) : EMPTY, bytes }))
        res.once('error', reject)
        res.once('aborted', () => reject(new Error(`${method} ${u.pathname}: response aborted`)))
      },
    )
    req.once('error', reject)
    req.setTimeout(opts.timeoutMs ?? 180_000, () => req.destroy(new Error(`${method} ${u.pathname}: timeout`)))
    const body = opts.body
    if (body === undefined) req.end()
    else if (typeof body === 'function') {
      body(req).then(() => req.end(), (err: unknown) => {
        req.destroy(err instanceof Error ? err : new Error(String(err)))
        reject(err)
      })
    } else req.end(body)
  })
}

/** Writes the buffers to the request honouring backpressure (the buffers are not copied). */
export function sliceWriter(slices: Iterable<Buffer>): BodyWriter {
  return async (req) => {
    for (const s of slices) {
      if (req.destroyed) throw new Error('request closed while sending body')
      if (!req.write(s)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            req.off('drain', done)
            req.off('close', done)
            resolve()
          }
          req.once('drain', done)
          req.once('close', done)
        })
      }
    }
  }
}

export function expectStatus(res: Res, method: string, url: string | URL, ...ok: number[]): Res {
  if (!ok.includes(res.status)) throw new HttpError(method, String(url), res.status, res.body.toString('utf8'))
  return res
}

/** The URL in a Location header, resolved against `base`. */
export function location(res: Res, base: string | URL): URL {
  const loc = res.headers.location
  if (!loc) throw new Error(`no Location header in ${res.status} response`)
  return new URL(loc, base)
}

/** The rel="next" target of a Link header, if any. */
export function nextLink(res: Res, base: string | URL): URL | null {
  const raw = res.headers.link
  if (!raw) return null
  const link = Array.isArray(raw) ? raw.join(', ') : raw
  const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)
  return m ? new URL(m[1]!, base) : null
}
