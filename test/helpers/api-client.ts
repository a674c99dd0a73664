// Small helpers for /api/v2.0 and /v2 tests: JSON calls with Harbor's error body, users, projects
// and members made by the admin, rows read from the server's SQLite file, and a tiny image pushed
// with plain HTTP (monolithic blob uploads + manifest PUT).
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { ADMIN_AUTH, type RunningBerth } from './berth.js'
import type { Deps } from '../../src/deps.js'
import { queryRows } from './db.js'

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

/**
 * `auth` is an Authorization header value; `cookie` and `csrf` a portal session's Cookie header and
 * CSRF token; `raw` a body sent as is; `contentType` the body's (JSON by default).
 */
export type Call = {
  method?: string; auth?: string | undefined; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string>
  cookie?: string; csrf?: string
}
export type Answer = { status: number; headers: Headers; json: any; text: string }

export async function api(b: RunningBerth, path: string, opts: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.auth) headers.authorization = opts.auth
  if (opts.cookie) headers.cookie = opts.cookie
  if (opts.csrf) headers['x-harbor-csrf-token'] = opts.csrf
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

/** POST /c/login with the portal's form; the raw answer (tests of refusals read it). */
export function portalLogin(b: RunningBerth, principal: string, password: string) {
  return fetch(`${b.url}/c/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ principal, password }).toString(),
  })
}

/** Logs in to the portal, asserting 200; returns the Cookie header to send back and the CSRF token. */
export async function portalSession(b: RunningBerth, principal: string, password: string) {
  const res = await portalLogin(b, principal, password)
  assert.equal(res.status, 200, await res.clone().text())
  const setCookie = res.headers.get('set-cookie')!
  const csrf = res.headers.get('x-harbor-csrf-token')!
  assert.ok(csrf)
  return { cookie: setCookie.split(';')[0]!, csrf, setCookie }
}

export const errorCode = (r: { json: any }) => r.json?.errors?.[0]?.code as string | undefined

export async function expectError(p: Promise<Answer>, status: number, code?: string): Promise<Answer> {
  const r = await p
  assert.equal(r.status, status, `${r.status} ${r.text}`)
  if (code) assert.equal(errorCode(r), code, r.text)
  return r
}

const idFromLocation = (r: Answer) => Number(r.headers.get('location')!.split('/').pop())

/** Creates the user `username` as the admin; returns its id, name, password and Basic header. */
export async function createUser(b: RunningBerth, username: string, password: string) {
  const r = await api(b, '/users', { method: 'POST', auth: ADMIN_AUTH, body: { username, email: `${username}@example.com`, realname: `Real ${username}`, password } })
  assert.equal(r.status, 201, r.text)
  return { id: idFromLocation(r), username, password, auth: basic(username, password) }
}

let seq = 0
/** Creates a user with a fresh name as the admin; returns its id, name, password and Basic header. */
export async function makeUser(b: RunningBerth, prefix = 'user') {
  const username = `${prefix}${++seq}${process.pid % 1000}`
  return createUser(b, username, `Passw0rd${seq}`)
}

/** Creates a project as `auth` (the admin by default) through the API, asserts 201; returns its id. */
export async function makeProject(b: RunningBerth, name: string, opts: { auth?: string; public?: boolean; extra?: Record<string, unknown> } = {}) {
  const r = await api(b, '/projects', { method: 'POST', auth: opts.auth ?? ADMIN_AUTH, body: { project_name: name, metadata: { public: String(opts.public ?? false) }, ...opts.extra } })
  assert.equal(r.status, 201, r.text)
  return idFromLocation(r)
}

/** Adds `username` to the project named `project` as the admin. Role ids: 1 project admin, 2 developer, 3 guest, 4 maintainer, 5 limited guest. */
export async function addMember(b: RunningBerth, project: string, username: string, role: number) {
  const r = await api(b, `/projects/${project}/members`, { method: 'POST', auth: ADMIN_AUTH, body: { role_id: role, member_user: { username } }, headers: { 'x-is-resource-name': 'true' } })
  assert.equal(r.status, 201, r.text)
}

/** Users `guest…`, `dev…` and `maint…`, made members of each of `projects` as guest (3), developer (2) and maintainer (4). */
export async function roleMembers(b: RunningBerth, ...projects: string[]) {
  const guest = await makeUser(b, 'guest')
  const developer = await makeUser(b, 'dev')
  const maintainer = await makeUser(b, 'maint')
  for (const [u, role] of [[guest, 3], [developer, 2], [maintainer, 4]] as const) {
    for (const project of projects) await addMember(b, project, u.username, role)
  }
  return { guest, developer, maintainer }
}

/** Runs a query (with `?` placeholders) on the server's database, through the product's adapter. */
export function dbRows(b: RunningBerth & { deps?: Deps }, sqlText: string, ...params: unknown[]): Promise<Array<Record<string, any>>> {
  return queryRows(b, sqlText, ...params)
}

/** The audit_log rows matching the SQL condition `where`, oldest first. */
export const auditRows = (b: RunningBerth & { deps?: Deps }, where: string) => dbRows(b, `select * from audit_log where ${where} order by id`) as Promise<Array<Record<string, unknown>>>

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

