// Shared by the repositories, artifacts and labels API tests: a call helper, users and members,
// and small images pushed through /v2.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { ADMIN_AUTH, type RunningBerth } from '../helpers/berth.js'

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

export type Call = { method?: string; auth?: string | undefined; body?: unknown; raw?: string }

export async function call(b: RunningBerth, path: string, opts: Call = {}) {
  const headers: Record<string, string> = {}
  if (opts.auth) headers.authorization = opts.auth
  let body: string | undefined
  if (opts.raw !== undefined) body = opts.raw
  else if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${b.url}/api/v2.0${path}`, { method: opts.method ?? 'GET', headers, body })
  const text = await res.text()
  let json: unknown
  try { json = text ? JSON.parse(text) : undefined } catch { json = text }
  return { status: res.status, headers: res.headers, json: json as any, text }
}

export const errorCode = (r: { json: any }) => r.json?.errors?.[0]?.code as string | undefined

export async function expectError(p: Promise<{ status: number; json: any; text: string }>, status: number, code: string) {
  const r = await p
  assert.equal(r.status, status, r.text)
  assert.equal(errorCode(r), code, r.text)
}

let seq = 0
export async function makeUser(b: RunningBerth, prefix = 'user') {
  const username = `${prefix}${++seq}`
  const password = `Passw0rd${seq}`
  const r = await call(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username, email: `${username}@example.com`, realname: username, password } })
  assert.equal(r.status, 201, r.text)
  return { username, password, auth: basic(username, password) }
}

/** Role ids: 1 project admin, 2 developer, 3 guest, 4 maintainer, 5 limited guest. */
export async function addMember(b: RunningBerth, project: string, username: string, role: number) {
  const r = await call(b, `/projects/${project}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: role, member_user: { username } } })
  assert.equal(r.status, 201, r.text)
}

const sha = (buf: Buffer) => `sha256:${createHash('sha256').update(buf).digest('hex')}`

async function putBlob(b: RunningBerth, repo: string, data: Buffer): Promise<string> {
  const digest = sha(data)
  const res = await fetch(`${b.url}/v2/${repo}/blobs/uploads/?digest=${digest}`, {
    method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream' }, body: data,
  })
  assert.equal(res.status, 201, await res.text())
  return digest
}

export async function putManifest(b: RunningBerth, repo: string, reference: string, manifest: unknown, mediaType: string): Promise<{ digest: string; body: Buffer }> {
  const body = Buffer.from(JSON.stringify(manifest))
  const res = await fetch(`${b.url}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT', headers: { authorization: ADMIN_AUTH, 'content-type': mediaType }, body,
  })
  assert.equal(res.status, 201, await res.text())
  return { digest: sha(body), body }
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/** A one-layer OCI image with a config carrying architecture, os and history. */
export async function pushImage(b: RunningBerth, repo: string, tag: string, opts: { arch?: string; seed?: string; subject?: { digest: string; size: number }; artifactType?: string } = {}) {
  const arch = opts.arch ?? 'amd64'
  const layer = Buffer.from(`layer ${repo} ${tag} ${opts.seed ?? ''} ${arch}`)
  const config = Buffer.from(JSON.stringify({
    architecture: arch, os: 'linux', created: '2024-01-02T03:04:05Z', author: 'berth tests',
    config: { Env: ['PATH=/bin'] }, rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    history: [{ created: '2024-01-02T03:04:05Z', created_by: `/bin/sh -c #(nop) ADD ${tag}` }],
  }))
  const layerDigest = await putBlob(b, repo, layer)
  const configDigest = await putBlob(b, repo, config)
  const manifest: Record<string, unknown> = {
    schemaVersion: 2, mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }],
  }
  if (opts.subject) manifest.subject = { mediaType: OCI_MANIFEST, ...opts.subject }
  if (opts.artifactType) manifest.artifactType = opts.artifactType
  const pushed = await putManifest(b, repo, tag, manifest, OCI_MANIFEST)
  return { ...pushed, configDigest, layerDigest, layer }
}

export function auditRows(b: RunningBerth, where: string) {
  const db = new SqliteDatabase(join(b.dataDir, 'berth.db'), { readonly: true })
  try {
    return db.prepare(`select * from audit_log where ${where} order by id`).all() as Array<Record<string, unknown>>
  } finally {
    db.close()
  }
}

export async function v2(b: RunningBerth, path: string, auth: string | undefined = ADMIN_AUTH, accept?: string) {
  const headers: Record<string, string> = {}
  if (auth) headers.authorization = auth
  if (accept) headers.accept = accept
  const res = await fetch(`${b.url}/v2/${path}`, { headers })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}
