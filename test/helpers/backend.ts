// Which backend test servers run on. BERTH_TEST_BACKEND=scaleout (set by scripts/run-tests.mjs
// for its second pass) puts every test server on PostgreSQL + Redis + S3, each server with a
// database, a key prefix and a bucket of its own; unset, the embedded default.
//
// The choice is remembered in the data directory, so a server restarted on the same data dir
// (restart and kill -9 tests) finds its database and bucket again.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'
import type { ConfigInput } from '../../src/config/load.js'

// as src/storage/s3.ts: the lockfile pins the SDK, whose Node 20 notice is about later releases
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export type TestBackend = 'embedded' | 'scaleout'

export const testBackend: TestBackend = process.env.BERTH_TEST_BACKEND === 'scaleout' ? 'scaleout' : 'embedded'

/**
 * Which shared services the scale-out pass uses: all three unless BERTH_TEST_SCALEOUT_PARTS names
 * some (e.g. `postgres` or `redis,s3`), so one adapter can be tried alone while it is built.
 */
const parts = new Set((process.env.BERTH_TEST_SCALEOUT_PARTS ?? 'postgres,redis,s3').split(',').map((p) => p.trim()))

/** Where the shared services of the scale-out pass listen (scripts/test-services.mjs). */
export function serviceUrls(): { postgres: string; redis: string; s3: string } {
  const postgres = process.env.BERTH_TEST_POSTGRES_URL
  const redis = process.env.BERTH_TEST_REDIS_URL
  const s3 = process.env.BERTH_TEST_S3_ENDPOINT
  if (!postgres || !redis || !s3) {
    throw new Error('BERTH_TEST_POSTGRES_URL, BERTH_TEST_REDIS_URL and BERTH_TEST_S3_ENDPOINT are unset: run the tests with `npm test`, or start the services with `eval "$(node scripts/test-services.mjs start)"`')
  }
  return { postgres, redis, s3 }
}

/** The services are reachable (adapter conformance suites skip themselves otherwise, outside `npm test`). */
export const servicesAvailable = Boolean(process.env.BERTH_TEST_POSTGRES_URL && process.env.BERTH_TEST_REDIS_URL && process.env.BERTH_TEST_S3_ENDPOINT)

export const S3_TEST_CREDENTIALS = { accesskey: 'S3RVER', secretkey: 'S3RVER' }

/** The test PostgreSQL server (BERTH_TEST_POSTGRES_URL), for tests that need only it. */
function postgresUrl(): string {
  const url = process.env.BERTH_TEST_POSTGRES_URL
  if (!url) throw new Error('BERTH_TEST_POSTGRES_URL is unset: run the tests with `npm test`, or start the services with `eval "$(node scripts/test-services.mjs start)"`')
  return url
}

/** A fresh PostgreSQL database on the test server; returns its URL. */
export async function createTestDatabase(name = `berth_${randomBytes(6).toString('hex')}`): Promise<string> {
  await onTestServer(`CREATE DATABASE "${name}"`)
  const url = new URL(postgresUrl())
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops a database createTestDatabase made (its URL); connections still open on it are ended. */
export async function dropTestDatabase(url: string): Promise<void> {
  await onTestServer(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
}

async function onTestServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl() })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** A fresh bucket on the test S3 server; returns its name. */
export async function createTestBucket(name = `berth-${randomBytes(6).toString('hex')}`): Promise<string> {
  const client = new S3Client({
    endpoint: serviceUrls().s3, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: S3_TEST_CREDENTIALS.accesskey, secretAccessKey: S3_TEST_CREDENTIALS.secretkey },
  })
  try {
    await client.send(new CreateBucketCommand({ Bucket: name }))
  } finally {
    client.destroy()
  }
  return name
}

/** A test server's backend: its database, Redis key prefix and bucket (kept in <data dir>/test-backend.json). */
export type Remembered = { postgres: string; redisPrefix: string; bucket: string }

/** A fresh database, Redis prefix and bucket on the shared services. */
export async function createScaleoutBackend(): Promise<Remembered> {
  return { postgres: await createTestDatabase(), redisPrefix: `berth-test-${randomBytes(6).toString('hex')}:`, bucket: await createTestBucket() }
}

/**
 * Makes a server started later on `dataDir` (in a scale-out pass) use `backend`, as if it had
 * created it: several servers given the same one share one database, Redis prefix and bucket.
 */
export function rememberBackend(dataDir: string, backend: Remembered): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(join(dataDir, 'test-backend.json'), JSON.stringify(backend), { mode: 0o600 })
}

/** `backend` as configuration, on PostgreSQL + Redis + S3 whatever the pass and parts. */
export function scaleoutConfig(r: Remembered, only: Set<string> = new Set(['postgres', 'redis', 's3'])): ConfigInput {
  const urls = serviceUrls()
  return {
    ...(only.has('postgres') ? { database: { type: 'postgresql', postgresql: { url: r.postgres, pool_size: 4 } } } : {}),
    ...(only.has('redis') ? { redis: { url: urls.redis, key_prefix: r.redisPrefix } } : {}),
    ...(only.has('s3') ? { storage: { type: 's3', s3: { regionendpoint: urls.s3, region: 'us-east-1', bucket: r.bucket, forcepathstyle: true, ...S3_TEST_CREDENTIALS } } } : {}),
  }
}

/**
 * The configuration of a test server's backend on `dataDir`: nothing on the embedded default;
 * on scale-out, a database, Redis prefix and bucket created for this data dir at first use.
 */
export async function backendConfig(dataDir: string): Promise<ConfigInput> {
  if (testBackend === 'embedded') return {}
  const file = join(dataDir, 'test-backend.json')
  let r: Remembered
  if (existsSync(file)) {
    r = JSON.parse(readFileSync(file, 'utf8')) as Remembered
  } else {
    r = await createScaleoutBackend()
    rememberBackend(dataDir, r)
  }
  return scaleoutConfig(r, parts)
}

/** The same as BERTH_* variables, for servers started as child processes. */
export async function backendEnv(dataDir: string): Promise<Record<string, string>> {
  return configEnv(await backendConfig(dataDir))
}

/** A backend configuration (backendConfig, scaleoutConfig) as BERTH_* variables. */
export function configEnv(c: ConfigInput): Record<string, string> {
  return {
    ...(c.database ? {
      BERTH_DATABASE_TYPE: 'postgresql',
      BERTH_DATABASE_POSTGRESQL_URL: c.database.postgresql!.url!,
      BERTH_DATABASE_POSTGRESQL_POOL_SIZE: String(c.database.postgresql!.pool_size),
    } : {}),
    ...(c.redis ? { BERTH_REDIS_URL: c.redis.url!, BERTH_REDIS_KEY_PREFIX: c.redis.key_prefix! } : {}),
    ...(c.storage ? {
      BERTH_STORAGE_TYPE: 's3',
      BERTH_STORAGE_S3_REGIONENDPOINT: c.storage.s3!.regionendpoint!,
      BERTH_STORAGE_S3_REGION: 'us-east-1',
      BERTH_STORAGE_S3_BUCKET: c.storage.s3!.bucket!,
      BERTH_STORAGE_S3_FORCEPATHSTYLE: 'true',
      BERTH_STORAGE_S3_ACCESSKEY: S3_TEST_CREDENTIALS.accesskey,
      BERTH_STORAGE_S3_SECRETKEY: S3_TEST_CREDENTIALS.secretkey,
    } : {}),
  }
}
