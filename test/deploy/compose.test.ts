// deploy/docker-compose.yml, checked with Debian's docker-compose (`config`: the file's schema
// and variables; no container engine runs here) and with Berth's own configuration loader: every
// instance's environment must be a configuration Berth accepts, and all of them must share the
// one database, Redis, bucket and token key that scale-out needs.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parse, stringify } from 'yaml'
import { loadConfig } from '../../src/config/load.js'
import { nginxTemplatePath } from '../helpers/nginx.js'

const DEPLOY = dirname(nginxTemplatePath())
const COMPOSE = join(DEPLOY, 'docker-compose.yml')
/** The variables the file insists on (`${VAR:?…}`). */
const REQUIRED_ENV = { BERTH_ADMIN_PASSWORD: 'compose-admin-pw', POSTGRES_PASSWORD: 'compose-pg-pw', MINIO_ROOT_PASSWORD: 'compose-minio-pw' }

function compose(file: string, args: string[], env: Record<string, string> = REQUIRED_ENV): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // only PATH from our environment: a BERTH_* or POSTGRES_* variable of the caller must not leak in
    const child = spawn('docker-compose', ['-f', file, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

type Service = {
  image?: string
  command?: string[] | string
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }>
  secrets?: Array<{ source: string }>
  networks?: Record<string, { ipv4_address?: string } | null>
}

/** A copy of deploy/docker-compose.yml changed by `edit`, beside the original (relative paths keep working). */
async function withEditedCopy<T>(edit: (doc: Record<string, any>) => void, fn: (file: string) => Promise<T>): Promise<T> {
  const doc = parse(await readFile(COMPOSE, 'utf8'), { merge: true }) as Record<string, any>
  edit(doc)
  const dir = await mkdtemp(join(DEPLOY, '.compose-test-'))
  try {
    const file = join(dir, 'docker-compose.yml')
    await writeFile(file, stringify(doc))
    return await fn(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('deploy/docker-compose.yml', () => {
  test('docker-compose config -q accepts it', async () => {
    const r = await compose(COMPOSE, ['config', '-q'])
    assert.equal(r.code, 0, r.stderr)
  })

  test('the check fails on an invalid file: an unknown key, a missing variable', async () => {
    const bad = await withEditedCopy((doc) => { doc.services.redis.restart_policy = 'always' }, (file) => compose(file, ['config', '-q']))
    assert.notEqual(bad.code, 0, 'an unknown service key passed docker-compose config')
    assert.match(bad.stderr, /restart_policy/)
    const { POSTGRES_PASSWORD: _, ...withoutPg } = REQUIRED_ENV
    const missing = await compose(COMPOSE, ['config', '-q'], withoutPg)
    assert.notEqual(missing.code, 0, 'a missing POSTGRES_PASSWORD passed')
    assert.match(missing.stderr, /POSTGRES_PASSWORD/)
  })

  test('three instances and the migration share one database, Redis, bucket and token key, and Berth accepts their configuration', async () => {
    const r = await compose(COMPOSE, ['config'])
    assert.equal(r.code, 0, r.stderr)
    const doc = parse(r.stdout) as { services: Record<string, Service>; secrets: Record<string, { file: string }> }
    const instances = Object.keys(doc.services).filter((n) => /^berth-\d+$/.test(n)).sort()
    assert.deepEqual(instances, ['berth-1', 'berth-2', 'berth-3'])
    const migrate = doc.services.migrate!
    assert.deepEqual(migrate.command, ['migrate'])

    const envs = [migrate, ...instances.map((n) => doc.services[n]!)].map((s) => s.environment!)
    for (const env of envs) assert.deepEqual(env, envs[0], 'every instance and the migration run on the same configuration')
    for (const name of instances) {
      const s = doc.services[name]!
      assert.equal(s.depends_on?.migrate?.condition, 'service_completed_successfully', `${name} starts after the migration`)
      assert.deepEqual(s.secrets?.map((x) => x.source), ['berth_token_key'])
    }

    const config = loadConfig({ file: null, env: envs[0]! })
    assert.equal(config.database.type, 'postgresql')
    assert.equal(config.database.postgresql.url, 'postgres://berth:compose-pg-pw@postgres:5432/berth')
    assert.equal(config.redis.url, 'redis://redis:6379/0')
    assert.equal(config.storage.type, 's3')
    assert.equal(config.storage.s3.bucket, 'berth')
    assert.equal(config.storage.s3.secretkey, 'compose-minio-pw')
    assert.equal(config.token.private_key_path, '/run/secrets/berth_token_key')
    assert.equal(config.harbor_admin_password, 'compose-admin-pw')
    assert.ok(doc.secrets.berth_token_key?.file.endsWith('deploy/secrets/token-key.pem'))

    // nginx balances over exactly these instances, and is the one proxy they believe
    const nginx = doc.services.nginx!
    const upstreams = [...(nginx.environment!.BERTH_UPSTREAM_SERVERS ?? '').matchAll(/server\s+([^\s;]+)\s*;/g)].map((m) => m[1])
    assert.deepEqual(upstreams, instances.map((n) => `${n}:5000`))
    const nginxAddress = nginx.networks?.berth?.ipv4_address
    assert.ok(nginxAddress, 'nginx has a fixed address')
    assert.deepEqual(config.http.trusted_proxies, [nginxAddress])
    const command = Array.isArray(nginx.command) ? nginx.command.join(' ') : nginx.command ?? ''
    for (const v of ['BERTH_UPSTREAM_SERVERS', 'NGINX_LISTEN', 'NGINX_TEMP']) assert.match(command, new RegExp(`\\$\\{${v}\\}`), `nginx's command fills in ${v}`)
    assert.ok(nginx.environment!.NGINX_LISTEN && nginx.environment!.NGINX_TEMP)
  })

  test('the Dockerfile builds the runtime on node:20-slim and runs `berth serve`, from a context without local state', async () => {
    const dockerfile = await readFile(join(DEPLOY, 'Dockerfile'), 'utf8')
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1])
    assert.ok(froms.length >= 2, 'multi-stage')
    assert.equal(froms.at(-1), 'node:20-slim')
    assert.match(dockerfile, /^RUN npm ci$/m)
    assert.match(dockerfile, /^CMD \["serve"\]$/m)
    assert.match(dockerfile, /^USER node$/m)
    // the compose file builds with the repository root as context; keep node_modules, dist and keys out of it
    const ignore = (await readFile(join(dirname(DEPLOY), '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim())
    for (const p of ['node_modules', 'dist', 'data', 'deploy/secrets']) assert.ok(ignore.includes(p), `.dockerignore lists ${p}`)
    assert.ok(existsSync(join(dirname(DEPLOY), 'api', 'openapi.yaml')), 'the image copies api/')
  })
})
