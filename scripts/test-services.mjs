// Starts the shared services of the scale-out test pass on loopback, each in a private temp
// directory and on its own port, so nothing on the machine is touched: PostgreSQL (as the
// postgres user when run as root; PostgreSQL refuses root), Redis, and s3rver (a local S3 server).
//
//   node scripts/test-services.mjs start   → prints `export BERTH_TEST_…=…` lines, leaves them running
//   node scripts/test-services.mjs stop
//
// scripts/run-tests.mjs uses startServices/stopServices directly.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync, openSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BASE = process.env.BERTH_TEST_SERVICES_DIR ?? '/tmp/berth-test-services'
const PORTS = { postgres: 55432, redis: 56379, s3: 54569 }
const PG_BIN = '/usr/lib/postgresql/15/bin'

/** The environment the tests read to reach the services. */
export const serviceEnv = {
  BERTH_TEST_POSTGRES_URL: `postgres://postgres@127.0.0.1:${PORTS.postgres}/postgres`,
  BERTH_TEST_REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
  BERTH_TEST_S3_ENDPOINT: `http://127.0.0.1:${PORTS.s3}`,
}

const isRoot = process.getuid?.() === 0

function asPostgres(cmd, args) {
  // PostgreSQL will not run as root: as root, run its tools as the postgres user
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
  else execFileSync(cmd, args, { stdio: 'pipe' })
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port })
    s.once('connect', () => { s.destroy(); resolve(true) })
    s.once('error', () => resolve(false))
  })
}

async function waitForPort(name, port, ms = 30_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await portOpen(port)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${name} did not listen on ${port} within ${ms} ms`)
}

async function startPostgres() {
  if (await portOpen(PORTS.postgres)) return false
  const data = join(BASE, 'pg')
  rmSync(data, { recursive: true, force: true })
  mkdirSync(data, { recursive: true, mode: 0o700 })
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(BASE, uid, gid)
    chownSync(data, uid, gid)
  }
  asPostgres(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  // test data is disposable: no fsync; many test servers at once each hold a small pool
  asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(data, 'log'), '-w', '-o',
    `-p ${PORTS.postgres} -c listen_addresses=127.0.0.1 -k ${data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`, 'start'])
  await waitForPort('postgresql', PORTS.postgres)
  return true
}

function startDaemon(name, cmd, args) {
  mkdirSync(BASE, { recursive: true })
  const out = openSync(join(BASE, `${name}.log`), 'a')
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] })
  child.unref()
  writeFileSync(join(BASE, `${name}.pid`), String(child.pid))
}

async function startRedis() {
  if (await portOpen(PORTS.redis)) return false
  startDaemon('redis', 'redis-server', ['--port', String(PORTS.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', BASE])
  await waitForPort('redis', PORTS.redis)
  return true
}

async function startS3() {
  if (await portOpen(PORTS.s3)) return false
  const dir = join(BASE, 's3')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  startDaemon('s3rver', process.execPath, [join(ROOT, 'node_modules/s3rver/bin/s3rver.js'), '--address', '127.0.0.1', '--port', String(PORTS.s3), '--directory', dir, '--silent'])
  await waitForPort('s3rver', PORTS.s3)
  return true
}

/**
 * Starts whichever service is not already listening (another run's, or one left by `start`);
 * returns the environment and the names of the services this call started.
 */
export async function startServices() {
  mkdirSync(BASE, { recursive: true })
  const [pg, redis, s3] = await Promise.all([startPostgres(), startRedis(), startS3()])
  const started = [pg && 'postgres', redis && 'redis', s3 && 's3rver'].filter(Boolean)
  return { env: serviceEnv, started }
}

/** Stops the named services (default: all), as started by startServices. */
export function stopServices(names = ['postgres', 'redis', 's3rver']) {
  const data = join(BASE, 'pg')
  if (names.includes('postgres') && existsSync(join(data, 'postmaster.pid'))) {
    try { asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']) } catch { /* already gone */ }
  }
  for (const name of ['redis', 's3rver'].filter((n) => names.includes(n))) {
    const pidFile = join(BASE, `${name}.pid`)
    if (!existsSync(pidFile)) continue
    try { process.kill(Number(readFileSync(pidFile, 'utf8'))) } catch { /* already gone */ }
    rmSync(pidFile, { force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2]
  if (command === 'start') {
    const { env } = await startServices()
    for (const [k, v] of Object.entries(env)) process.stdout.write(`export ${k}=${v}\n`)
  } else if (command === 'stop') {
    stopServices()
  } else {
    process.stderr.write('usage: node scripts/test-services.mjs start|stop\n')
    process.exit(2)
  }
}
