// The one wiring place: opens every adapter the configuration names and hands them out as Deps.
import type { Kysely } from 'kysely'
import { pino, type Logger } from 'pino'
import type { ResolvedConfig } from './config/load.js'
import type { Database } from './db/schema.js'
import { openSqlite } from './db/sqlite.js'
import { startCheckpointer } from './db/sqlite-checkpointer.js'
import { openPostgres } from './db/postgres.js'
import { migrateToLatest } from './db/migrate.js'
import type { BlobStore } from './storage/blob-store.js'
import { createFilesystemStore } from './storage/filesystem.js'
import { createS3Store } from './storage/s3.js'
import { makePrivateDir, tightenTree, type Tightened } from './storage/private-files.js'
import { createRegistryCache, type RegistryCache } from './registry/cache.js'
import type { UploadStates } from './registry/uploads.js'
import { createMetrics, type Metrics } from './metrics.js'
import { createAuthCache, type AuthCache } from './iam/auth-cache.js'
import { loadOrCreateSigningKey, type SigningKey } from './token/keys.js'
import { bootstrapIdentity } from './iam/bootstrap.js'
import { createPullStats, flushPulls, type PullStats } from './registry/pull-stats.js'
import { createAuditBuffer, flushAudit, type AuditBuffer } from './audit/log.js'
import { createMemoryCounters, type CounterStore } from './cache/counters.js'
import { createMemoryLocks, type LockStore } from './cache/locks.js'
import { openRedis, type RedisConnections } from './cache/redis.js'
import { createRedisCounters } from './cache/redis-counters.js'
import { createRedisLocks } from './cache/redis-locks.js'
import { createLocalInvalidations, type InvalidationBus } from './cache/invalidations.js'
import { createRedisInvalidations } from './cache/redis-invalidations.js'
import { applyInvalidation } from './invalidation.js'
import { PASSWORD_COST, type ScryptCost } from './iam/passwords.js'

export type Clock = { now(): Date }

export type Deps = {
  config: ResolvedConfig
  db: Kysely<Database>
  blobs: BlobStore
  cache: RegistryCache
  /** In-process hash state of uploads this instance is writing; rebuilt from the store when missing. */
  uploads: UploadStates
  log: Logger
  metrics: Metrics
  authCache: AuthCache
  auditBuffer: AuditBuffer
  pullStats: PullStats
  signingKey: SigningKey
  /** Expiring counters of rate limits (login throttling); in Redis when redis.url is set, shared by every instance. */
  counters: CounterStore
  /**
   * Tells every other instance what a write made stale (src/invalidation.ts), and brings this
   * instance up to date before a request trusts its caches (sync, in an onRequest hook).
   */
  invalidations: InvalidationBus
  /** Short locks with a lease (upload sessions, background work one instance at a time); Redis when configured. */
  locks: LockStore
  /** scrypt cost of new password hashes: PASSWORD_COST, never lower outside tests (no config key sets it). */
  passwordCost: ScryptCost
  clock: Clock
  close(): Promise<void>
}

/**
 * `processMetrics` adds Node's process metrics (heap, event loop lag); `berth serve` turns it on.
 * `clock` replaces the wall clock (tests advance time instead of sleeping). `passwordCost` lets
 * the test suite, which creates hundreds of users, hash cheaply; nothing an operator sets reaches it.
 */
export async function openDeps(config: ResolvedConfig, opts: { log?: Logger; processMetrics?: boolean; clock?: Clock; passwordCost?: ScryptCost } = {}): Promise<Deps> {
  const log = opts.log ?? createLogger(config)
  makePrivateDir(config.data_volume)
  tightenDataFiles(config, log)

  const applied = await migrateDatabase(config, log)
  if (applied.length) log.info({ migrations: applied }, 'database migrated')
  const database = openDatabase(config, log)
  const db = database.db

  const blobs = openBlobStore(config, log)

  const clock: Clock = opts.clock ?? { now: () => new Date() }
  // state every instance must share: in Redis when configured, else in this process
  const cache = createRegistryCache({ entries: config.registry.cache.entries, manifestBytes: config.registry.cache.manifest_bytes })
  const authCache = createAuthCache()
  let redis: RedisConnections | null = null
  let invalidations: InvalidationBus = createLocalInvalidations()
  try {
    if (config.redis.url) {
      redis = await openRedis({ url: config.redis.url, prefix: config.redis.key_prefix, log })
      invalidations = await createRedisInvalidations({
        commands: redis.commands, subscriber: redis.subscriber, prefix: redis.prefix, log,
        apply: (what) => applyInvalidation({ cache, authCache, db }, what),
      })
    }
  } catch (err) {
    await redis?.close()
    await database.close()
    await blobs.close()
    throw err
  }
  const deps: Deps = {
    config, db, blobs, log,
    cache,
    uploads: new Map(),
    metrics: createMetrics({ processMetrics: opts.processMetrics ?? false }),
    authCache,
    invalidations,
    auditBuffer: createAuditBuffer({ db, log }),
    pullStats: createPullStats({ db, log, clock }),
    signingKey: loadOrCreateSigningKey(config.token.private_key_path),
    // ~200 bytes each: at most ~20 MiB whatever the traffic
    counters: redis ? createRedisCounters({ redis: redis.commands, prefix: redis.prefix, clock }) : createMemoryCounters({ clock, maxEntries: 100_000 }),
    locks: redis ? createRedisLocks({ redis: redis.commands, prefix: redis.prefix, clock }) : createMemoryLocks({ clock }),
    passwordCost: opts.passwordCost ?? PASSWORD_COST,
    clock,
    async close() {
      await flushAudit(deps)
      await flushPulls(deps)
      await database.close()
      await invalidations.close()
      await redis?.close()
      await blobs.close()
    },
  }
  await bootstrapIdentity(deps)
  return deps
}

/**
 * Applies the pending migrations (one instance at a time on PostgreSQL: see db/migrate.ts) on
 * connections of their own, free of statement_timeout: a migration of a large table may take long.
 * Returns the names applied. `berth migrate` runs only this.
 */
export async function migrateDatabase(config: ResolvedConfig, log: Logger): Promise<string[]> {
  const database = openDatabase(config, log, { migrating: true })
  try {
    return await migrateToLatest(database.db)
  } finally {
    await database.close()
  }
}

/** The configured database, to serve from (migrated first by migrateDatabase). */
export function openDatabase(config: ResolvedConfig, log: Logger, opts: { migrating?: boolean } = {}): { db: Kysely<Database>; close(): Promise<void> } {
  switch (config.database.type) {
    case 'sqlite': {
      const db = openSqlite(config.database.sqlite.path)
      if (opts.migrating) return { db, close: () => db.destroy() }
      const checkpointer = startCheckpointer(config.database.sqlite.path, { intervalMs: 1000, onError: (message) => log.error({ message }, 'WAL checkpoint failed') })
      return { db, async close() { await db.destroy(); await checkpointer.stop() } }
    }
    case 'postgresql': {
      const { url, pool_size: poolSize, statement_timeout_seconds: statementTimeoutSeconds } = config.database.postgresql
      const db = openPostgres({
        url: url!,
        // the migrator holds one connection (the advisory lock and the migrations' transaction) and
        // checks its tables on another
        ...(opts.migrating ? { poolSize: 2, statementTimeoutSeconds: 0 } : { poolSize, statementTimeoutSeconds }),
        onIdleError: (err) => log.warn({ message: err.message }, 'PostgreSQL closed an idle connection'),
      })
      return { db, close: () => db.destroy() }
    }
  }
}

/**
 * A data directory written by an older version (0755 directories, 0644 files: berth.db, blobs,
 * keys) is made private before anything opens it; on one Berth made, this is a few stats.
 */
function tightenDataFiles(config: ResolvedConfig, log: Logger): void {
  const done: Tightened = { changed: 0, failed: [] }
  tightenTree(config.data_volume, done)
  tightenTree(config.storage.filesystem.rootdirectory, done)
  // the database may live elsewhere, beside files that are not ours: only its own files
  if (config.database.type === 'sqlite') {
    const db = config.database.sqlite.path
    for (const suffix of ['', '-wal', '-shm', '-journal']) tightenTree(db + suffix, done)
  }
  if (done.changed) log.info({ changed: done.changed }, 'made files in the data directory private (0600, directories 0700)')
  if (done.failed.length) log.warn({ failed: done.failed.slice(0, 10), count: done.failed.length }, 'cannot make these files private; other local users may read them')
}

/** The blob store the configuration names (tests open a server's store through it too). */
export function openBlobStore(config: ResolvedConfig, log: Logger): BlobStore {
  switch (config.storage.type) {
    case 'filesystem':
      return createFilesystemStore({ root: config.storage.filesystem.rootdirectory })
    case 's3': {
      const s3 = config.storage.s3
      return createS3Store({
        bucket: s3.bucket!, region: s3.region, endpoint: s3.regionendpoint, accessKey: s3.accesskey, secretKey: s3.secretkey,
        rootDirectory: s3.rootdirectory, forcePathStyle: s3.forcepathstyle, partSize: s3.chunksize, log,
      })
    }
  }
}

export function createLogger(config: Pick<ResolvedConfig, 'log'>): Logger {
  return pino({ level: config.log.level, base: { service: 'berth' }, timestamp: pino.stdTimeFunctions.isoTime })
}
