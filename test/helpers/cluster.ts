// Several `berth serve` processes on one backend behind deploy/nginx.conf, as docs/OPERATIONS.md
// ("Scale-out") describes: one database, Redis prefix and bucket, one token signing key, the
// schema migrated once by `berth migrate`, nginx trusted for X-Forwarded-*. The multi-instance
// e2e test and the benchmark's scale-out rows run on it.
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ADMIN_PASSWORD, spawnBerth, type BerthProcess } from './berth.js'
import { configEnv, createScaleoutBackend, rememberBackend, scaleoutConfig } from './backend.js'
import { startNginx, type Nginx } from './nginx.js'

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../src/main.js')

export type Cluster = {
  /** nginx in front of every instance */
  url: string
  host: string
  nginx: Nginx
  instances: BerthProcess[]
  /** what every instance runs with (backend, token key, trusted proxy) */
  env: Record<string, string>
  /** `berth serve` again on instance i's data dir (after a kill), in place in `instances` */
  restart(i: number): Promise<BerthProcess>
  close(): Promise<void>
}

/**
 * `instances` Berth processes behind nginx. `backend: 'scaleout'` puts them on a fresh database,
 * Redis prefix and bucket of the test services (BERTH_TEST_POSTGRES_URL …); `embedded` is one
 * instance on its own data dir (many instances cannot share SQLite and a local filesystem).
 */
export async function startCluster(opts: { instances: number; backend: 'scaleout' | 'embedded'; env?: Record<string, string> }): Promise<Cluster> {
  if (opts.backend === 'embedded' && opts.instances !== 1) throw new Error('the embedded default runs one instance')
  const dir = await mkdtemp(join(tmpdir(), 'berth-cluster-'))
  const instances: BerthProcess[] = []
  let nginx: Nginx | undefined
  try {
    // the one key every instance signs and checks registry tokens with
    const keyPath = join(dir, 'token-key.pem')
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    const shared = opts.backend === 'scaleout' ? await createScaleoutBackend() : null
    const env = {
      ...(shared ? configEnv(scaleoutConfig(shared)) : {}),
      BERTH_TOKEN_PRIVATE_KEY_PATH: keyPath,
      BERTH_HTTP_TRUSTED_PROXIES: '127.0.0.1', // nginx, on loopback
      ...opts.env,
    }
    const dataDirs = Array.from({ length: opts.instances }, (_, i) => join(dir, `instance-${i + 1}`))
    // on a scale-out test pass, spawnBerth would give each data dir a backend of its own: not these
    if (shared) for (const d of dataDirs) rememberBackend(d, shared)
    await migrate(dataDirs[0]!, env)
    instances.push(...await Promise.all(dataDirs.map((dataDir) => spawnBerth({ dataDir, env }))))
    nginx = await startNginx({ upstreams: instances.map((b) => b.host) })
    const n = nginx
    return {
      url: n.url, host: n.host, nginx: n, instances, env,
      async restart(i) {
        await instances[i]!.kill('SIGKILL')
        // the same port: nginx's upstream list names it
        const b = await spawnBerth({ dataDir: dataDirs[i], env, args: ['--port', String(new URL(instances[i]!.url).port)] })
        instances[i] = b
        return b
      },
      async close() {
        await n.close()
        await Promise.all(instances.map((b) => b.close()))
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await nginx?.close()
    await Promise.all(instances.map((b) => b.close()))
    await rm(dir, { recursive: true, force: true })
    throw err
  }
}

/** `berth migrate` on the shared database, once, before any instance starts (as the compose file's `migrate`). */
function migrate(dataDir: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'migrate', '--data', dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BERTH_LOG_LEVEL: 'warn', BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`berth migrate exited with ${code}: ${stderr}`))))
  })
}
