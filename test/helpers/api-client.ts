// Small helpers for /api/v2.0 and /v2 tests: JSON calls with Harbor's error body, users made by
// the admin, and a tiny image pushed with plain HTTP (monolithic blob uploads + manifest PUT).
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { ADMIN_AUTH, type RunningBerth } from './berth.js'

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

export type Call = { method?: string; auth?: string | undefined; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }
export type Answer = { status: number; headers: Headers; json: any; text: string }

export async function api(b: RunningBerth, path: string, opts: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.auth) headers.authorization = opts.auth
  let body: string | undefined
  if (opts.raw !== undefined) body = opts.raw
  else if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json'
  const res = await fetch(`${b.url}/api/v2.0${path}`, { method: opts.method ?? 'GET', headers, body })
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = text
  }
  return { status: res.status, headers: res.headers, json: json as any, text }
}

export const errorCode = (r: { json: any }) => r.json?.errors?.[0]?.code as string | undefined

export async function expectError(p: Promise<Answer>, status: number, code?: string): Promise<Answer> {
  const r = await p
  assert.equal(r.status, status, `${r.status} ${r.text}`)
  if (code) assert.equal(errorCode(r), code, r.text)
  return r
}

let seq = 0
/** Creates a user as the admin; returns its id, name, password and Basic header. */
export async function makeUser(b: RunningBerth, prefix = 'user') {
  const username = `${prefix}${++seq}${process.pid % 1000}`
  const password = `Passw0rd${seq}`
  const r = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username, email: `${username}@example.com`, realname: `Real ${username}`, password } })
  assert.equal(r.status, 201, r.text)
  const id = Number(r.headers.get('location')!.split('/').pop())
  return { id, username, password, auth: basic(username, password) }
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** Pushes a one-layer OCI image to `repo:tag` with plain HTTP as `auth`; returns the status of each step. */
export async function pushImage(b: RunningBerth, auth: string | undefined, repo: string, tag: string): Promise<{ status: number; digest?: string }> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, n: randomBytes(8).toString('hex') }))
  const layer = randomBytes(512)
  const headers: Record<string, string> = auth ? { authorization: auth } : {}
  for (const blob of [config, layer]) {
    const res = await fetch(`${b.url}/v2/${repo}/blobs/uploads/?digest=${sha(blob)}`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: blob,
    })
    await res.arrayBuffer()
    if (res.status !== 201) return { status: res.status }
  }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }],
  }))
  const res = await fetch(`${b.url}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT', headers: { ...headers, 'content-type': 'application/vnd.oci.image.manifest.v1+json' }, body: manifest,
  })
  await res.arrayBuffer()
  return { status: res.status, digest: sha(manifest) }
}

/** GET (or HEAD) a manifest as `auth`; returns the status. */
export async function pullManifest(b: RunningBerth, auth: string | undefined, repo: string, ref: string, method: 'GET' | 'HEAD' = 'GET'): Promise<number> {
  const res = await fetch(`${b.url}/v2/${repo}/manifests/${ref}`, {
    method, headers: { ...(auth ? { authorization: auth } : {}), accept: 'application/vnd.oci.image.manifest.v1+json' },
  })
  await res.arrayBuffer()
  return res.status
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
