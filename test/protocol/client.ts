// Small HTTP helpers for the OCI Distribution protocol suite (test/protocol/*.test.ts).
//
// The suite runs against Berth by default; BERTH_PROTOCOL_TARGET=distribution runs the same
// checks against Debian's docker-registry (CNCF distribution 2.8) to validate them. Checks that
// distribution 2.8 is known to fail (referrers, sha512, 413, tag delete, OCI error bodies
// everywhere…) are marked with `beyondDistribution(reason)`: a todo there, a plain test on Berth.
import { createHash } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import assert from 'node:assert/strict'
import { after, before, type TestOptions } from 'node:test'

export type Target = 'berth' | 'distribution'
export const TARGET: Target = process.env.BERTH_PROTOCOL_TARGET === 'distribution' ? 'distribution' : 'berth'

export type Registry = { url: string; target: Target; close(): Promise<void> }

/** Projects the suite pushes into; created up front when the target has Harbor's project API. */
export const PROJECTS = ['proj', 'other'] as const

/** The registry under test on a fresh data dir. */
export async function startRegistry(): Promise<Registry> {
  if (TARGET === 'distribution') {
    const { startDockerRegistry } = await import('../helpers/docker-registry.js')
    const reg = await startDockerRegistry()
    return { url: reg.url, target: TARGET, close: () => reg.close() }
  }
  const { startBerth, createProject } = await import('../helpers/berth.js')
  const berth = await startBerth()
  // As in Harbor, a push needs its project: create them through the API as the system admin.
  for (const name of PROJECTS) await createProject(berth.url, name, { public: true })
  return { url: berth.url, target: TARGET, close: () => berth.close() }
}

/**
 * Starts the registry under test before the enclosing describe's tests and closes it after them.
 * The client is usable in tests and hooks (its base URL is the registry's, once started);
 * `url()` is the registry's base URL, for raw requests.
 */
export function useRegistry(): { c: Client; url: () => string } {
  let reg: Registry | undefined
  before(async () => { reg = await startRegistry() })
  after(async () => { await reg?.close() })
  const url = () => {
    if (!reg) throw new Error('the registry is started by a before hook: use it in tests and hooks only')
    return reg.url
  }
  return { c: new Client(url), url }
}

/** Options for a check that distribution 2.8 fails and Berth must pass. */
export function beyondDistribution(reason: string): TestOptions {
  return TARGET === 'distribution' ? { todo: `distribution 2.8: ${reason}` } : {}
}

// ---- media types

export const MT = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const

/**
 * The distribution spec v1.1 error table ("The `code` field MUST be one of the following").
 * Stricter than conformance/setup.go, which still accepts the pre-1.0 TAG_INVALID and MANIFEST_UNVERIFIED.
 */
export const SPEC_ERROR_CODES = [
  'BLOB_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'BLOB_UPLOAD_UNKNOWN', 'DIGEST_INVALID', 'MANIFEST_BLOB_UNKNOWN',
  'MANIFEST_INVALID', 'MANIFEST_UNKNOWN', 'NAME_INVALID', 'NAME_UNKNOWN', 'SIZE_INVALID', 'UNAUTHORIZED',
  'DENIED', 'UNSUPPORTED', 'TOOMANYREQUESTS',
] as const

// ---- digests and content

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}
export function sha512(data: Buffer | string): string {
  return `sha512:${createHash('sha512').update(data).digest('hex')}`
}

let seq = 0
/** Distinct bytes for each call, so tests never share blobs by accident. */
export function uniqueBlob(label = 'blob', size?: number): Buffer {
  const head = Buffer.from(`${label} ${process.pid} ${Date.now()} ${++seq} ${Math.random()}\n`)
  if (size === undefined || size <= head.length) return size === undefined ? head : head.subarray(0, size)
  const out = Buffer.alloc(size)
  head.copy(out)
  for (let i = head.length; i < size; i++) out[i] = (i * 31 + seq) & 0xff
  return out
}

/** A fresh repository name in `project` (lower case, as the name grammar wants). */
export function uniqueRepo(label = 'app', project: string = PROJECTS[0]): string {
  return `${project}/${label}-${++seq}`
}

export type Descriptor = { mediaType: string; digest: string; size: number; artifactType?: string; annotations?: Record<string, string>; platform?: { architecture: string; os: string } }

export function descriptorOf(mediaType: string, data: Buffer, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType, digest: sha256(data), size: data.length, ...extra }
}

export const EMPTY_JSON = Buffer.from('{}')

// ---- HTTP

export type Res = { status: number; headers: Headers; body: Buffer; text(): string; json(): any }

async function toRes(r: Response): Promise<Res> {
  const body = Buffer.from(await r.arrayBuffer())
  return {
    status: r.status,
    headers: r.headers,
    body,
    text: () => body.toString('utf8'),
    json: () => JSON.parse(body.toString('utf8')),
  }
}

export type ReqOpts = { headers?: Record<string, string>; body?: Buffer | string; query?: Record<string, string> }

/**
 * Credentials every request carries unless it names its own `authorization` ('' for none):
 * Berth's system admin; distribution runs without auth.
 */
export const DEFAULT_AUTH: string | undefined = TARGET === 'berth' ? `Basic ${Buffer.from('admin:Harbor12345').toString('base64')}` : undefined

function withAuth(headers: Record<string, string> = {}): Record<string, string> {
  if ('authorization' in headers) {
    const { authorization, ...rest } = headers
    return authorization ? { ...rest, authorization } : rest
  }
  return DEFAULT_AUTH ? { ...headers, authorization: DEFAULT_AUTH } : headers
}

export class Client {
  /** `base` may be a function, for a client made before its registry is started (see useRegistry). */
  constructor(private readonly baseUrl: string | (() => string)) {}

  get base(): string {
    return typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl()
  }

  /** Absolute URL for a path or a Location header value (absolute or relative). */
  url(pathOrLocation: string, query?: Record<string, string>): URL {
    const u = new URL(pathOrLocation, this.base)
    for (const [k, v] of Object.entries(query ?? {})) u.searchParams.append(k, v)
    return u
  }

  async req(method: string, pathOrLocation: string, opts: ReqOpts = {}): Promise<Res> {
    const hasBody = opts.body !== undefined
    const r = await fetch(this.url(pathOrLocation, opts.query), {
      method,
      redirect: 'manual',
      headers: withAuth({ ...(hasBody ? {} : method === 'PUT' || method === 'POST' || method === 'PATCH' ? { 'content-length': '0' } : {}), ...opts.headers }),
      body: hasBody ? opts.body : undefined,
    })
    return toRes(r)
  }

  /** Starts an upload session; returns the response and its Location. */
  async startUpload(repo: string, query?: Record<string, string>, opts: ReqOpts = {}): Promise<{ res: Res; location: string }> {
    const res = await this.req('POST', `/v2/${repo}/blobs/uploads/`, { ...opts, query })
    return { res, location: res.headers.get('location') ?? '' }
  }

  /** POST then PUT ?digest= with the whole blob; asserts 201. */
  async pushBlob(repo: string, data: Buffer, digest = sha256(data)): Promise<string> {
    const { res: post, location } = await this.startUpload(repo)
    assert.equal(post.status, 202, `POST /v2/${repo}/blobs/uploads/ → ${post.status} ${post.text()}`)
    assert.ok(location, 'POST upload has a Location')
    const put = await this.req('PUT', location, {
      query: { digest },
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
    })
    assert.equal(put.status, 201, `PUT upload ${digest} → ${put.status} ${put.text()}`)
    return digest
  }

  async putManifest(repo: string, reference: string, body: Buffer | string, mediaType: string): Promise<Res> {
    return this.req('PUT', `/v2/${repo}/manifests/${reference}`, { headers: { 'content-type': mediaType }, body })
  }

  /** PUT a manifest and assert 201; returns its digest. */
  async pushManifest(repo: string, reference: string, body: Buffer | string, mediaType: string): Promise<string> {
    const res = await this.putManifest(repo, reference, body, mediaType)
    assert.equal(res.status, 201, `PUT /v2/${repo}/manifests/${reference} → ${res.status} ${res.text()}`)
    return sha256(body)
  }
}

/** Builds an OCI image manifest (bytes) over existing descriptors. */
export function ociManifest(config: Descriptor, layers: Descriptor[], extra: Record<string, unknown> = {}): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, config, layers, ...extra }, null, 2))
}

export function ociIndex(manifests: Descriptor[], extra: Record<string, unknown> = {}): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests, ...extra }, null, 2))
}

/** Pushes a config and one layer, then an OCI image manifest under `reference`. */
export async function pushImage(c: Client, repo: string, reference: string, opts: { extra?: Record<string, unknown>; configMediaType?: string } = {}): Promise<{ manifest: Buffer; digest: string; config: Descriptor; layer: Descriptor }> {
  const configBytes = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, n: uniqueBlob('cfg').toString('hex') }))
  const layerBytes = uniqueBlob('layer', 300)
  await c.pushBlob(repo, configBytes)
  await c.pushBlob(repo, layerBytes)
  const config = descriptorOf(opts.configMediaType ?? MT.ociConfig, configBytes)
  const layer = descriptorOf(MT.ociLayer, layerBytes)
  const manifest = ociManifest(config, [layer], opts.extra)
  const digest = await c.pushManifest(repo, reference, manifest, MT.ociManifest)
  return { manifest, digest, config, layer }
}

/** Pushes an artifact manifest (empty config, one small layer) with a subject. */
export async function pushReferrer(c: Client, repo: string, subject: Descriptor, opts: { artifactType?: string; configMediaType?: string; annotations?: Record<string, string>; reference?: string } = {}): Promise<{ manifest: Buffer; digest: string; res: Res }> {
  const layerBytes = uniqueBlob('referrer')
  await c.pushBlob(repo, layerBytes)
  let config: Descriptor
  if (opts.configMediaType) {
    const cfg = Buffer.from(JSON.stringify({ unique: uniqueBlob('refcfg').toString('hex') }))
    await c.pushBlob(repo, cfg)
    config = descriptorOf(opts.configMediaType, cfg)
  } else {
    await c.pushBlob(repo, EMPTY_JSON)
    config = descriptorOf(MT.ociEmpty, EMPTY_JSON)
  }
  const extra: Record<string, unknown> = { subject }
  if (opts.artifactType) extra.artifactType = opts.artifactType
  if (opts.annotations) extra.annotations = opts.annotations
  const manifest = ociManifest(config, [descriptorOf('application/vnd.example.data', layerBytes)], extra)
  const digest = sha256(manifest)
  const res = await c.putManifest(repo, opts.reference ?? digest, manifest, MT.ociManifest)
  assert.equal(res.status, 201, `PUT referrer → ${res.status} ${res.text()}`)
  return { manifest, digest, res }
}

// ---- assertions

/** Parses an OCI error body `{"errors":[{"code":…}]}` and returns its codes. */
export function errorCodes(res: Res): string[] {
  let parsed: unknown
  try {
    parsed = res.json()
  } catch {
    assert.fail(`expected an OCI error body, got ${res.status} ${JSON.stringify(res.text().slice(0, 200))}`)
  }
  const errors = (parsed as { errors?: unknown }).errors
  assert.ok(Array.isArray(errors) && errors.length > 0, `expected {"errors":[…]}, got ${res.text().slice(0, 200)}`)
  return errors.map((e) => {
    assert.equal(typeof (e as { code?: unknown }).code, 'string', `error entry without a code: ${JSON.stringify(e)}`)
    return (e as { code: string }).code
  })
}

/** Asserts the status and that the OCI error body contains `code` (any of `code` if an array). */
export function assertErrorCode(res: Res, code: string | string[], status?: number | number[]): void {
  if (status !== undefined) {
    const ok = Array.isArray(status) ? status : [status]
    assert.ok(ok.includes(res.status), `expected status ${ok.join('|')}, got ${res.status} ${res.text().slice(0, 200)}`)
  }
  const want = Array.isArray(code) ? code : [code]
  const got = errorCodes(res)
  assert.ok(got.some((c) => want.includes(c)), `expected error code ${want.join('|')}, got ${got.join(',')}`)
}

/** Asserts an OCI error body whose codes all come from the spec's table. */
export function assertSpecError(res: Res): void {
  for (const c of errorCodes(res)) assert.ok((SPEC_ERROR_CODES as readonly string[]).includes(c), `error code ${c} is not in the spec's table`)
}

export function assertStatus(res: Res, status: number | number[], what = ''): void {
  const ok = Array.isArray(status) ? status : [status]
  assert.ok(ok.includes(res.status), `${what} expected ${ok.join('|')}, got ${res.status} ${res.text().slice(0, 300)}`)
}

// ---- raw HTTP, for paths fetch would normalise and bodies it would not cut

export type RawRes = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/**
 * Sends `path` byte for byte (no dot-segment removal, no re-encoding). `body` may be a Buffer
 * (sent with Content-Length) or a list of chunks (sent with Transfer-Encoding: chunked). A server
 * that answers before reading the whole body (413) may reset the socket: once a response has
 * arrived, write errors are ignored.
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | Buffer[]): Promise<RawRes> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    let answered = false
    const lengthHeader: Record<string, string> = Buffer.isBuffer(body) ? { 'content-length': String(body.length) } : Array.isArray(body) ? { 'transfer-encoding': 'chunked' } : {}
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers: withAuth({ ...lengthHeader, ...headers }) }, (res) => {
      answered = true
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', (err) => { if (!answered) reject(err) })
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk)
      req.end()
    } else {
      req.end(body)
    }
  })
}

export function rawToRes(r: RawRes): Res {
  const h = new Headers()
  for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v)
  return { status: r.status, headers: h, body: r.body, text: () => r.body.toString('utf8'), json: () => JSON.parse(r.body.toString('utf8')) }
}

/** Parses `Link: <url>; rel="next"` and returns the URL, or null. */
export function nextLink(res: Res): string | null {
  const link = res.headers.get('link')
  if (!link) return null
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)
  return m?.[1] ?? null
}
