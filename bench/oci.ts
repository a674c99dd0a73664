// OCI Distribution client operations used by the scenarios, plus generated content
// (big blobs streamed from a reusable buffer, small random images).
import { createHash, randomBytes, type Hash } from 'node:crypto'
import type http from 'node:http'
import { expectStatus, location, request, sliceWriter, type Body } from './http.js'
import { KiB } from './util.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'
export const MANIFEST_ACCEPT = [
  OCI_MANIFEST,
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ')

export function sha256(data: Buffer | string): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex')
}

/**
 * A big blob = `count` copies of a shared random buffer followed by a unique random tail of the
 * same size. The hash state after the shared prefix is computed once, so each new blob's digest
 * costs only the tail; nothing big is ever allocated.
 */
export class BigBlobFactory {
  private readonly prefixHash: Hash
  constructor(readonly common: Buffer, readonly count: number) {
    const h = createHash('sha256')
    for (let i = 0; i < count; i++) h.update(common)
    this.prefixHash = h
  }
  get size(): number {
    return this.common.length * (this.count + 1)
  }
  make(): BigBlob {
    const tail = randomBytes(this.common.length)
    const digest = 'sha256:' + this.prefixHash.copy().update(tail).digest('hex')
    return new BigBlob(this.common, this.count, tail, digest)
  }
}

export class BigBlob {
  constructor(readonly common: Buffer, readonly count: number, readonly tail: Buffer, readonly digest: string) {}
  get size(): number {
    return this.common.length * (this.count + 1)
  }
  /** Views covering bytes [start, end) of the blob. */
  *slices(start = 0, end = this.size): Generator<Buffer> {
    const part = this.common.length
    let pos = start
    while (pos < end) {
      const idx = Math.floor(pos / part)
      const src = idx < this.count ? this.common : this.tail
      const off = pos - idx * part
      const len = Math.min(part - off, end - pos)
      yield src.subarray(off, off + len)
      pos += len
    }
  }
}

/** POST /v2/<repo>/blobs/uploads/ -> the upload session's URL. */
export async function startUpload(agent: http.Agent, base: string, repo: string): Promise<URL> {
  const url = `${base}/v2/${repo}/blobs/uploads/`
  const res = expectStatus(await request(agent, 'POST', url), 'POST', url, 202)
  return location(res, base)
}

function withDigest(loc: URL, digest: string): URL {
  const u = new URL(loc)
  u.searchParams.set('digest', digest)
  return u
}

/** Monolithic upload: POST, then one PUT ?digest= carrying the whole body. */
export async function pushBlobMonolithic(agent: http.Agent, base: string, repo: string, size: number, digest: string, body: Body): Promise<void> {
  const loc = await startUpload(agent, base, repo)
  const put = withDigest(loc, digest)
  const res = await request(agent, 'PUT', put, { body, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': size } })
  expectStatus(res, 'PUT', put, 201)
  checkDigestHeader(res.headers['docker-content-digest'], digest)
}

/** Chunked upload: POST, PATCH with Content-Range per chunk (following Location), PUT ?digest=. */
export async function pushBlobChunked(agent: http.Agent, base: string, repo: string, blob: BigBlob, chunk: number): Promise<void> {
  let loc = await startUpload(agent, base, repo)
  for (let start = 0; start < blob.size; start += chunk) {
    const end = Math.min(blob.size, start + chunk)
    const res = await request(agent, 'PATCH', loc, {
      body: sliceWriter(blob.slices(start, end)),
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': end - start, 'Content-Range': `${start}-${end - 1}` },
    })
    expectStatus(res, 'PATCH', loc, 202)
    loc = location(res, base)
  }
  const put = withDigest(loc, blob.digest)
  const res = expectStatus(await request(agent, 'PUT', put), 'PUT', put, 201)
  checkDigestHeader(res.headers['docker-content-digest'], blob.digest)
}

function checkDigestHeader(got: string | string[] | undefined, want: string): void {
  if (typeof got === 'string' && got !== want) throw new Error(`server reported digest ${got}, expected ${want}`)
}

/**
 * GET a blob, discarding the body; checks Content-Length and the byte count. Returns bytes.
 * `verify`: hash the body as it arrives and check it against `digest`, as a real client does
 * (the client's sha256 then competes with the server for the same two cores).
 */
export async function pullBlob(agent: http.Agent, base: string, repo: string, digest: string, size: number, opts: { verify?: boolean } = {}): Promise<number> {
  let url: URL = new URL(`${base}/v2/${repo}/blobs/${digest}`)
  for (let hops = 0; ; hops++) {
    const hash = opts.verify ? createHash('sha256') : null
    const res = await request(agent, 'GET', url, hash ? { onBody: (c) => hash.update(c) } : { discard: true })
    if ((res.status === 307 || res.status === 302 || res.status === 303) && hops < 3) {
      url = location(res, url)
      continue
    }
    expectStatus(res, 'GET', url, 200)
    const cl = Number(res.headers['content-length'])
    if (cl !== size) throw new Error(`GET blob: Content-Length ${res.headers['content-length']}, expected ${size}`)
    if (res.bytes !== size) throw new Error(`GET blob: received ${res.bytes} bytes, expected ${size}`)
    if (hash && `sha256:${hash.digest('hex')}` !== digest) throw new Error(`GET blob: the bytes received do not match ${digest}`)
    return res.bytes
  }
}

/** Push a small blob as a client does: HEAD (skip if present), POST, PUT ?digest= with the body. */
export async function pushSmallBlob(agent: http.Agent, base: string, repo: string, data: Buffer, digest: string): Promise<void> {
  const head = `${base}/v2/${repo}/blobs/${digest}`
  const h = await request(agent, 'HEAD', head)
  if (h.status === 200) return
  expectStatus(h, 'HEAD', head, 404)
  await pushBlobMonolithic(agent, base, repo, data.length, digest, data)
}

/** Cross-repository mount; false when the server opened an upload instead (then it's cancelled). */
export async function mountBlob(agent: http.Agent, base: string, repo: string, from: string, digest: string): Promise<boolean> {
  const url = `${base}/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`
  const res = expectStatus(await request(agent, 'POST', url), 'POST', url, 201, 202)
  if (res.status === 201) return true
  await request(agent, 'DELETE', location(res, base)).catch(() => undefined)
  return false
}

export async function putManifest(agent: http.Agent, base: string, repo: string, ref: string, manifest: Buffer, mediaType = OCI_MANIFEST): Promise<void> {
  const url = `${base}/v2/${repo}/manifests/${ref}`
  expectStatus(await request(agent, 'PUT', url, { body: manifest, headers: { 'Content-Type': mediaType } }), 'PUT', url, 201)
}

export interface BlobData {
  data: Buffer
  digest: string
}

export interface Image {
  layers: BlobData[]
  config: BlobData
  manifest: Buffer
  manifestDigest: string
}

/** A random image: `layerCount` layers of minKiB..maxKiB random bytes, a unique config, an OCI manifest. */
export function makeImage(id: string, layerCount = 3, minKiB = 4, maxKiB = 64): Image {
  const layers: BlobData[] = []
  for (let i = 0; i < layerCount; i++) {
    const size = (minKiB + Math.floor(Math.random() * (maxKiB - minKiB + 1))) * KiB
    const data = randomBytes(size)
    layers.push({ data, digest: sha256(data) })
  }
  const configJson = Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: new Date().toISOString(),
    config: { Labels: { 'berth.bench.id': id, nonce: randomBytes(8).toString('hex') } },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    history: layers.map(() => ({ created_by: 'berth bench' })),
  }))
  const config = { data: configJson, digest: sha256(configJson) }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: config.digest, size: config.data.length },
    layers: layers.map((l) => ({ mediaType: OCI_LAYER, digest: l.digest, size: l.data.length })),
  }))
  return { layers, config, manifest, manifestDigest: sha256(manifest) }
}

/** Push layers and config (sequentially, as one client connection would) and then the manifest. */
export async function pushImage(agent: http.Agent, base: string, repo: string, tag: string, img: Image): Promise<void> {
  for (const l of img.layers) await pushSmallBlob(agent, base, repo, l.data, l.digest)
  await pushSmallBlob(agent, base, repo, img.config.data, img.config.digest)
  await putManifest(agent, base, repo, tag, img.manifest)
}
