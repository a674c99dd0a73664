// Shared plumbing for the real-client e2e tests: run skopeo/podman/buildah with a throwaway auth
// file and storage, fail loudly when a binary is missing, and small HTTP helpers for /v2 checks.
// Berth needs credentials and existing projects (as Harbor): the helpers log in and send the
// system admin's Basic credentials; distribution runs without auth and gets none.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, ADMIN_PASSWORD } from '../helpers/berth.js'

/** `distribution` when BERTH_E2E_TARGET says so: the scenario then runs against docker-registry. */
export const TARGET: 'berth' | 'distribution' = process.env.BERTH_E2E_TARGET === 'distribution' ? 'distribution' : 'berth'

/** The headers that authenticate a direct /v2 call to the target: admin Basic on Berth, none on distribution. */
export const TARGET_AUTH: Record<string, string> = TARGET === 'berth' ? { authorization: ADMIN_AUTH } : {}

/**
 * fetch with the target's credentials (TARGET_AUTH) unless `init.headers` names its own
 * `authorization`. Use plain fetch for a registry that is not the target (a docker-registry peer).
 */
export function authedFetch(url: string | URL, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...TARGET_AUTH, ...init.headers } })
}

/** `auth` option of the helpers below: undefined → the target's credentials, null → none, else that Authorization value. */
type AuthOpt = { auth?: string | null }

function fetchAs(opts: AuthOpt, url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  if (opts.auth === undefined) return authedFetch(url, init)
  return fetch(url, { ...init, headers: { ...(opts.auth === null ? {} : { authorization: opts.auth }), ...init.headers } })
}

export type RunResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Throws with a clear message if any of `names` is not on PATH (CI installs them; nothing is skipped). */
export function requireBinaries(...names: string[]): void {
  const missing = names.filter((n) => spawnSync('sh', ['-c', `command -v ${n}`]).status !== 0)
  if (missing.length) throw new Error(`e2e needs ${missing.join(', ')} on PATH (Debian packages: skopeo, podman, buildah, docker-registry); install them, e.g. via .ci/run`)
}

/** Runs a command to completion, collecting output. Never throws on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000)
    child.once('error', (err) => { clearTimeout(timer); reject(err) })
    child.once('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }) })
  })
}

/** Runs a command and throws, with the command line and its stderr, unless it exits 0. */
export async function runOk(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): Promise<RunResult> {
  const r = await run(cmd, args, opts)
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code ?? r.signal}\n--- stderr ---\n${r.stderr.slice(-4000)}\n--- stdout ---\n${r.stdout.slice(-2000)}`)
  }
  return r
}

/** A temp dir plus an env that points the containers tools at a private auth file inside it. */
export async function clientSandbox(prefix: string): Promise<{ dir: string; env: Record<string, string>; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `berth-e2e-${prefix}-`))
  await writeFile(join(dir, 'auth.json'), '{"auths":{}}\n') // buildah insists that the file exists
  return {
    dir,
    env: { REGISTRY_AUTH_FILE: join(dir, 'auth.json'), TMPDIR: dir },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** skopeo with the sandbox env; throws with its stderr unless it exits 0. */
export function skopeo(env: Record<string, string>, ...args: string[]): Promise<RunResult> {
  return runOk('skopeo', args, { env })
}

export const ACCEPT_ALL_MANIFESTS = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ')

/** GET (or HEAD) a manifest; returns status, content type, Docker-Content-Digest and the body. */
export async function getManifest(base: string, name: string, ref: string, opts: { accept?: string; method?: 'GET' | 'HEAD' } & AuthOpt = {}) {
  const res = await fetchAs(opts, `${base}/v2/${name}/manifests/${ref}`, { method: opts.method ?? 'GET', headers: { accept: opts.accept ?? ACCEPT_ALL_MANIFESTS } })
  const body = opts.method === 'HEAD' ? '' : await res.text()
  return { status: res.status, contentType: res.headers.get('content-type'), digest: res.headers.get('docker-content-digest'), body, headers: res.headers }
}

/** Tags of a repository through GET /v2/<name>/tags/list. */
export async function listTags(base: string, name: string, opts: AuthOpt = {}): Promise<{ status: number; name?: string; tags?: string[] | null; body: string }> {
  const res = await fetchAs(opts, `${base}/v2/${name}/tags/list`)
  const body = await res.text()
  if (res.status !== 200) return { status: res.status, body }
  const parsed = JSON.parse(body) as { name?: string; tags?: string[] | null }
  return { status: res.status, body, ...parsed }
}

export type Registry = {
  url: string
  host: string
  /** `user:password` a client logs in with; undefined when the registry has no auth (distribution) */
  creds?: string
  close(): Promise<void>
}

/**
 * The registry under test: Berth in process, with `projects` created (private) as the system
 * admin. `BERTH_E2E_TARGET=distribution` runs the same scenario against Debian's docker-registry
 * instead (no auth, no projects), to check a scenario's client commands on the reference.
 */
export async function startTarget(opts: { projects?: string[] } = {}): Promise<Registry> {
  if (TARGET === 'distribution') {
    const { startDockerRegistry } = await import('../helpers/docker-registry.js')
    return startDockerRegistry()
  }
  const { startBerth, createProject } = await import('../helpers/berth.js')
  const berth = await startBerth()
  try {
    for (const name of opts.projects ?? []) await createProject(berth.url, name)
  } catch (err) {
    await berth.close()
    throw err
  }
  return { ...berth, creds: `admin:${ADMIN_PASSWORD}` }
}

/**
 * `<tool> login` to `reg` as the system admin into the sandbox's auth file (`globalArgs` go
 * before `login`, e.g. podman's --root). Nothing to do for a registry without auth.
 */
export async function loginTarget(env: Record<string, string>, reg: Registry, tool: 'skopeo' | 'podman' | 'buildah' = 'skopeo', globalArgs: string[] = []): Promise<void> {
  if (!reg.creds) return
  const colon = reg.creds.indexOf(':')
  await runOk(tool, [...globalArgs, 'login', '--tls-verify=false', '-u', reg.creds.slice(0, colon), '-p', reg.creds.slice(colon + 1), reg.host], { env })
}

export type Exchange = { method: string; path: string; status: number; requestBytes: number }

/**
 * A loopback HTTP proxy in front of `target` that records every request (method, path, status,
 * body bytes sent), so a test can see what a client actually asked the registry.
 */
export async function startRecordingProxy(target: string): Promise<{ url: string; host: string; log: Exchange[]; close(): Promise<void> }> {
  const upstream = new URL(target)
  const log: Exchange[] = []
  const server = createServer((req, res) => {
    let requestBytes = 0
    req.on('data', (d: Buffer) => { requestBytes += d.length })
    const headers = { ...req.headers, host: upstream.host }
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
      log.push({ method: req.method ?? '', path: req.url ?? '', status: up.statusCode ?? 0, requestBytes })
      const h = { ...up.headers }
      // Locations the registry gives are absolute to itself only if it wrote them so; keep them
      // pointing at the proxy so every later request is seen too.
      if (typeof h.location === 'string' && h.location.startsWith(target)) h.location = h.location.slice(target.length)
      res.writeHead(up.statusCode ?? 502, h)
      up.pipe(res)
    })
    out.on('error', (err) => { res.destroy(err) })
    req.pipe(out)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  const host = `127.0.0.1:${port}`
  return {
    url: `http://${host}`, host, log,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}

/** GETs a blob and returns its status, length and the sha256 of the bytes received (streamed). */
export async function fetchBlobDigest(base: string, name: string, digest: string, opts: AuthOpt = {}): Promise<{ status: number; digest: string; size: number }> {
  const res = await fetchAs(opts, `${base}/v2/${name}/blobs/${digest}`)
  const hash = createHash('sha256')
  let size = 0
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) { hash.update(chunk); size += chunk.length }
  }
  return { status: res.status, digest: `sha256:${hash.digest('hex')}`, size }
}
