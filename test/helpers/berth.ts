// Starts Berth for a test: in process (buildApp + listen on 127.0.0.1:0), or as a child process
// running the real `berth serve` command (for restart and kill -9 scenarios).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import type { RouteOptions } from 'fastify'
import { buildApp } from '../../src/app.js'
import { openDeps } from '../../src/deps.js'
import { loadConfig, type ConfigInput } from '../../src/config/load.js'
import type { Clock, Deps } from '../../src/deps.js'
import type { ScryptCost } from '../../src/iam/passwords.js'
import { backendConfig, backendEnv } from './backend.js'

/** The system admin's password in every test server. */
export const ADMIN_PASSWORD = 'Harbor12345'
/** `Authorization` header value for the system admin. */
export const ADMIN_AUTH = `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`

export type RunningBerth = {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  /** e.g. 127.0.0.1:41234, what skopeo and podman take */
  host: string
  dataDir: string
  close(): Promise<void>
}

/**
 * The password hashing cost of test servers. The suite creates hundreds of users and logs in
 * thousands of times; at the production cost (PASSWORD_COST, ~5 × 2^14 scrypt) that is minutes of
 * CPU spent on nothing the tests are about. Tests about hashing pass `passwordCost: PASSWORD_COST`.
 */
export const TEST_PASSWORD_COST: ScryptCost = { logN: 10, r: 8, p: 1 }

/** Berth in this process: its Deps too, for the product's own hooks (flushAudit, flushPulls). */
export type InProcessBerth = RunningBerth & { deps: Deps }

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../src/main.js')

/**
 * Berth in this process on a fresh data dir (or `dataDir`), listening on a random loopback port.
 * `clock` becomes deps.clock (see manualClock in ./clock.ts): tests advance it instead of sleeping.
 * `onRoute` sees every route as it is registered (for tests that cover every route).
 * `passwordCost` defaults to TEST_PASSWORD_COST.
 */
export async function startBerth(opts: { dataDir?: string; config?: ConfigInput; clock?: Clock; onRoute?: (route: RouteOptions) => void; passwordCost?: ScryptCost } = {}): Promise<InProcessBerth> {
  const owned = !opts.dataDir
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'berth-test-')))
  // on the scale-out pass, PostgreSQL + Redis + S3 (./backend.ts); a test's own keys win
  const backend = await backendConfig(dataDir)
  const config = loadConfig({
    file: null,
    env: {},
    overrides: { harbor_admin_password: ADMIN_PASSWORD, ...backend, ...opts.config, data_volume: dataDir, http: { host: '127.0.0.1', port: 0, ...opts.config?.http }, log: { level: 'silent', ...opts.config?.log } },
  })
  const deps = await openDeps(config, { clock: opts.clock, passwordCost: opts.passwordCost ?? TEST_PASSWORD_COST })
  const app = await buildApp(deps, opts.onRoute ? { onRoute: opts.onRoute } : {})
  await app.listen({ host: '127.0.0.1', port: 0 })
  const addr = app.server.address()
  if (!addr || typeof addr !== 'object') throw new Error('no address')
  const host = `127.0.0.1:${addr.port}`
  return {
    url: `http://${host}`, host, dataDir, deps,
    async close() {
      await app.close()
      await deps.close()
      if (owned) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Creates a project as the system admin (Harbor's POST /api/v2.0/projects). */
export async function createProject(url: string, name: string, opts: { public?: boolean } = {}): Promise<void> {
  const res = await fetch(`${url}/api/v2.0/projects`, {
    method: 'POST',
    headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ project_name: name, metadata: { public: String(opts.public ?? false) } }),
  })
  if (res.status !== 201 && res.status !== 409) throw new Error(`creating project ${name}: ${res.status} ${await res.text()}`)
}

export type BerthProcess = RunningBerth & { child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> }

/** `berth serve` as a child process; `kill('SIGKILL')` leaves the data dir for a restart on it. */
export async function spawnBerth(opts: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<BerthProcess> {
  const owned = !opts.dataDir
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'berth-test-')))
  const backend = await backendEnv(dataDir)
  const child = spawn(process.execPath, [MAIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...(opts.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BERTH_LOG_LEVEL: 'info', BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD, ...backend, ...opts.env },
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const onExit = (code: number | null) => reject(new Error(`berth exited with ${code}: ${stderr}`))
    child.once('exit', onExit)
    lines.on('line', (line) => {
      try {
        const rec = JSON.parse(line) as { msg?: string; url?: string }
        if (rec.msg === 'listening' && rec.url) {
          child.off('exit', onExit)
          resolve(rec.url)
        }
      } catch { /* not a log line */ }
    })
  })
  child.stdout!.resume()
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(signal)
    await exited
  }
  return {
    url, host: new URL(url).host, dataDir, child, kill,
    async close() {
      await kill('SIGTERM')
      if (owned) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
