// berth.yml: one typed, validated object. Keys follow harbor.yml where Harbor has one
// (data_volume, external_url, log.level); every default runs on a fresh machine.
import { isIP } from 'node:net'
import { z } from 'zod'

/** An address, a CIDR block, or one of proxy-addr's names for a range (as fastify's trustProxy takes them). */
const proxyAddress = z.string().refine((s) => {
  if (s === 'loopback' || s === 'linklocal' || s === 'uniquelocal') return true
  const [addr, bits, ...rest] = s.split('/')
  const family = isIP(addr ?? '')
  if (!family || rest.length) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
}, 'expected an IP address, a CIDR block (10.0.0.0/8) or loopback, linklocal, uniquelocal')

const logLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])

export const configSchema = z.strictObject({
  /** Where Berth keeps its SQLite file, blobs and keys (Harbor's data_volume). */
  data_volume: z.string().min(1).default('./data'),
  /** The URL clients reach Berth at; when set, Location headers are absolute under it, else relative. */
  external_url: z.url({ protocol: /^https?$/ }).optional(),
  /** The first system admin's initial password (Harbor's key); generated and logged once when unset. */
  harbor_admin_password: z.string().min(8).optional(),
  auth: z.strictObject({
    /** Harbor's auth_mode; LDAP and OIDC come later. */
    mode: z.enum(['db_auth']).default('db_auth'),
    /** Anyone may sign up through POST /api/v2.0/users (Harbor's self_registration). */
    self_registration: z.boolean().default(false),
    /** Who may create projects: everyone signed in, or system admins only. */
    project_creation_restriction: z.enum(['everyone', 'adminonly']).default('everyone'),
    /** Portal session lifetime, renewed by use (Harbor's 30 minutes). */
    session_ttl_minutes: z.number().int().min(1).default(30),
    /**
     * Failed logins slow down the address they come from, never the user elsewhere: counted per
     * client address and user name, and per address across names (password spraying). Past the
     * free failures, each further one doubles the wait (1 s, 2 s, 4 s … up to max_delay_seconds)
     * before that address may try again; a scope with no failure for forget_seconds starts afresh.
     */
    login_throttle: z.strictObject({
      free_failures: z.number().int().min(1).default(5),
      address_free_failures: z.number().int().min(1).default(30),
      max_delay_seconds: z.number().int().min(1).default(900),
      forget_seconds: z.number().int().min(1).default(3600),
    }).prefault({}).refine((t) => t.forget_seconds >= t.max_delay_seconds, {
      // else a counter would be forgotten during the wait it caused, and the free failures return
      message: 'forget_seconds must be at least max_delay_seconds', path: ['forget_seconds'],
    }),
    /** Replaced by login_throttle (a lock per user name let anyone lock out anyone); src/config/load.ts maps it. */
    lockout: z.strictObject({
      max_failures: z.number().int().min(1).optional(),
      lock_seconds: z.number().int().min(1).optional(),
    }).optional(),
  }).prefault({}),
  token: z.strictObject({
    /** Lifetime of registry bearer tokens (Harbor's token_expiration). */
    expiration_minutes: z.number().int().min(1).default(30),
    /** The `service` clients name when asking for a token. */
    service: z.string().min(1).default('harbor-registry'),
    issuer: z.string().min(1).default('harbor-token-issuer'),
    /** PEM private key (EC P-256 or RSA) signing tokens; defaults to <data_volume>/token-key.pem, generated at first start. */
    private_key_path: z.string().min(1).optional(),
  }).prefault({}),
  http: z.strictObject({
    host: z.string().min(1).default('0.0.0.0'),
    port: z.number().int().min(0).max(65535).default(5000),
    /** Seconds a keep-alive connection may stay idle. */
    keep_alive_timeout: z.number().int().min(1).default(65),
    /** Seconds to receive a request's headers (then 408 and close). */
    headers_timeout: z.number().positive().default(30),
    /**
     * Seconds a request may go without a byte while the client owes one (its body, or reading the
     * answer). Never a limit on a whole request: a slow upload that keeps moving is never cut.
     */
    idle_timeout: z.number().positive().default(60),
    /** Connections one client address may hold at once (0: no limit); trusted proxies are not counted. */
    max_connections_per_client: z.number().int().min(0).default(128),
    /**
     * Peers whose X-Forwarded-For/-Proto/-Host are believed (fastify's trustProxy): the client's
     * address, scheme and host then come from them. Nobody by default: the connection itself.
     */
    trusted_proxies: z.array(proxyAddress).default([]),
  }).prefault({}),
  log: z.strictObject({
    level: logLevel.default('info'),
    /** One JSON line per request (method, url, status, duration). */
    access_log: z.boolean().default(true),
  }).prefault({}),
  metrics: z.strictObject({
    /** Serve Prometheus metrics at `path` on the main port. */
    enabled: z.boolean().default(true),
    path: z.string().regex(/^\/[A-Za-z0-9/_-]*$/)
      .refine((p) => !/^\/(v2|api|c|service)(\/|$)/.test(p), 'must not be under /v2, /api, /c or /service')
      .default('/metrics'),
  }).prefault({}),
  database: z.strictObject({
    /** sqlite: one file in the data directory (the embedded default); postgresql: shared by many instances. */
    type: z.enum(['sqlite', 'postgresql']).default('sqlite'),
    sqlite: z.strictObject({
      /** Defaults to <data_volume>/berth.db. */
      path: z.string().min(1).optional(),
    }).prefault({}),
    postgresql: z.strictObject({
      /** postgres://user:password@host:port/database (BERTH_DATABASE_POSTGRESQL_URL); required when type is postgresql. */
      url: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL').optional(),
      /** Connections each instance keeps open at most. */
      pool_size: z.number().int().min(1).default(10),
      /** Seconds one statement may run before PostgreSQL cancels it (0: no limit). */
      statement_timeout_seconds: z.number().min(0).default(30),
    }).prefault({}),
  }).prefault({}).refine((d) => d.type !== 'postgresql' || d.postgresql.url, {
    message: 'database.postgresql.url is required when database.type is postgresql', path: ['postgresql', 'url'],
  }),
  /**
   * Shared state of many instances (cache invalidation, rate limits, upload-session ownership,
   * short locks). Unset: in process, which is right for one instance only.
   */
  redis: z.strictObject({
    /** redis://[:password@]host:port[/db] or rediss:// (BERTH_REDIS_URL). */
    url: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
    /** Prefix of every key and channel Berth uses, so several Berth installations may share one Redis. */
    key_prefix: z.string().default('berth:'),
  }).prefault({}),
  storage: z.strictObject({
    /** filesystem: under the data directory (the embedded default); s3: an S3-compatible bucket shared by many instances. */
    type: z.enum(['filesystem', 's3']).default('filesystem'),
    filesystem: z.strictObject({
      /** Defaults to <data_volume>/registry. */
      rootdirectory: z.string().min(1).optional(),
      /**
       * Behind nginx: blob GETs answer with X-Accel-Redirect to this internal location prefix
       * (e.g. /_berth_blobs), and nginx sends the file, after Berth has authorized the request.
       */
      x_accel_redirect: z.string().regex(/^\/[A-Za-z0-9/_-]*$/).optional(),
    }).prefault({}),
    /** As distribution's and Harbor's s3 storage driver keys. */
    s3: z.strictObject({
      /** Endpoint of an S3-compatible server (MinIO, Ceph, s3rver); unset for AWS itself. */
      regionendpoint: z.url({ protocol: /^https?$/ }).optional(),
      region: z.string().min(1).default('us-east-1'),
      bucket: z.string().min(1).optional(),
      accesskey: z.string().optional(),
      secretkey: z.string().optional(),
      /** Key prefix inside the bucket. */
      rootdirectory: z.string().default(''),
      /** Path-style addressing (http://host/bucket/key), which most S3-compatible servers need. */
      forcepathstyle: z.boolean().default(false),
      /** Part size of multipart uploads, in bytes (S3's minimum is 5 MiB). */
      chunksize: z.number().int().min(5 * 1024 * 1024).default(16 * 1024 * 1024),
    }).prefault({}),
    /**
     * Blob GETs answered with a redirect to a presigned URL of the object store, as distribution's
     * `redirect`; disabled by default (clients then need to reach the store).
     */
    redirect: z.strictObject({
      disable: z.boolean().default(true),
      /** Lifetime of a presigned URL. */
      expiry_seconds: z.number().int().min(1).max(7 * 24 * 3600).default(1200),
    }).prefault({}),
  }).prefault({}).refine((s) => s.type !== 's3' || s.s3.bucket, {
    message: 'storage.s3.bucket is required when storage.type is s3', path: ['s3', 'bucket'],
  }),
  registry: z.strictObject({
    /** Manifests larger than this are refused (distribution-spec recommends 4 MiB). */
    max_manifest_bytes: z.number().int().min(1024).default(4 * 1024 * 1024),
    /**
     * Open upload sessions one user (or robot) may hold: in one repository, and in all. Counted
     * from the database rows, so restarts and other instances see the same count.
     */
    upload_sessions: z.strictObject({
      max_per_user_repository: z.number().int().min(1).default(100),
      max_per_user: z.number().int().min(1).default(1000),
    }).prefault({}),
    upload_purging: z.strictObject({
      enabled: z.boolean().default(true),
      /** An upload untouched this long is abandoned and its bytes reclaimed. */
      age_seconds: z.number().int().min(1).default(7 * 24 * 3600),
      interval_seconds: z.number().int().min(1).default(3600),
    }).prefault({}),
    cache: z.strictObject({
      /** Bytes of manifest bodies kept in memory for the read path. */
      manifest_bytes: z.number().int().min(0).default(64 * 1024 * 1024),
      /** Entries of tag, link and repository lookups kept in memory. */
      entries: z.number().int().min(0).default(200_000),
    }).prefault({}),
  }).prefault({}),
})

export type Config = z.infer<typeof configSchema>
