// Loads berth.yml, applies BERTH_* variables and command-line overrides, validates once.
// Precedence: defaults < file < environment < overrides (flags).
import { readFileSync, existsSync } from 'node:fs'
import { resolve, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { configSchema, type Config } from './schema.js'

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] }
export type ConfigInput = DeepPartial<Config>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Short names the issue promises (BERTH_HOST, BERTH_PORT, BERTH_DATA_DIR) next to the path-derived ones. */
const ENV_ALIASES: Record<string, string[]> = {
  BERTH_HOST: ['http', 'host'],
  BERTH_PORT: ['http', 'port'],
  BERTH_DATA_DIR: ['data_volume'],
  BERTH_ADMIN_PASSWORD: ['harbor_admin_password'],
}

export type LoadOptions = {
  /** Path of berth.yml; undefined looks for ./berth.yml, null reads no file. */
  file?: string | null
  env?: Record<string, string | undefined>
  overrides?: ConfigInput
}

export type ResolvedConfig = Omit<Config, 'auth'> & {
  auth: Omit<Config['auth'], 'lockout'>
  database: Config['database'] & { sqlite: { path: string } }
  storage: Config['storage'] & { filesystem: { rootdirectory: string } }
  token: Config['token'] & { private_key_path: string }
  /** What the configuration still says in an old way; `berth serve` logs each at start. */
  deprecations: string[]
}

export function loadConfig(opts: LoadOptions = {}): ResolvedConfig {
  const problems: string[] = []
  let fromFile: unknown = {}
  const file = opts.file === undefined ? (existsSync('berth.yml') ? 'berth.yml' : null) : opts.file
  if (file) {
    try {
      fromFile = parseYaml(readFileSync(file, 'utf8')) ?? {}
    } catch (err) {
      throw new ConfigError([`${file}: ${(err as Error).message}`])
    }
    if (typeof fromFile !== 'object' || Array.isArray(fromFile)) throw new ConfigError([`${file}: the top level must be a mapping`])
  }
  const merged = structuredClone(fromFile) as Record<string, unknown>
  // A bad variable is reported once and left out, so the file's own problems still show.
  applyEnv(merged, opts.env ?? {}, problems)
  deepMerge(merged, (opts.overrides ?? {}) as Record<string, unknown>)

  const parsed = configSchema.safeParse(merged)
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap(describeIssue))
  if (problems.length || !parsed.success) throw new ConfigError(problems)
  const deprecations: string[] = []
  const auth = replaceLockout(parsed.data.auth, merged, deprecations)
  const config = { ...parsed.data, auth }
  const dataDir = resolve(config.data_volume)
  return {
    ...config,
    deprecations,
    data_volume: dataDir,
    database: { ...config.database, sqlite: { ...config.database.sqlite, path: resolve(config.database.sqlite.path ?? join(dataDir, 'berth.db')) } },
    storage: { ...config.storage, filesystem: { ...config.storage.filesystem, rootdirectory: resolve(config.storage.filesystem.rootdirectory ?? join(dataDir, 'registry')) } },
    token: { ...config.token, private_key_path: resolve(config.token.private_key_path ?? join(dataDir, 'token-key.pem')) },
  }
}

/**
 * auth.lockout (before login_throttle) still loads, so an upgrade does not stop at start: its
 * failures become the free failures per address and user, its lock the longest wait. Both keys
 * at once are ambiguous and refused.
 */
function replaceLockout(auth: Config['auth'], input: Record<string, unknown>, deprecations: string[]): ResolvedConfig['auth'] {
  const { lockout, ...rest } = auth
  if (!lockout) return rest
  const givenAuth = input.auth as Record<string, unknown> | undefined
  if (givenAuth?.login_throttle !== undefined) {
    throw new ConfigError(['auth.lockout: replaced by auth.login_throttle; remove auth.lockout (both are set)'])
  }
  const t = { ...rest.login_throttle }
  if (lockout.max_failures !== undefined) t.free_failures = lockout.max_failures
  if (lockout.lock_seconds !== undefined) {
    t.max_delay_seconds = lockout.lock_seconds
    t.forget_seconds = Math.max(t.forget_seconds, lockout.lock_seconds)
  }
  deprecations.push(
    'auth.lockout is replaced by auth.login_throttle (failures now slow down the address they come from, never the user elsewhere): ' +
    `read as login_throttle.free_failures ${t.free_failures}, max_delay_seconds ${t.max_delay_seconds}; see docs/CONFIGURATION.md`,
  )
  return { ...rest, login_throttle: t }
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${[...issue.path, k].join('.')}: unknown key`)
  return [`${issue.path.join('.') || '(top level)'}: ${issue.message}`]
}

/** Every leaf path of the schema, so BERTH_LOG_LEVEL maps to log.level without guessing at underscores. */
function leafPaths(schema: z.ZodType, prefix: string[] = []): Array<{ path: string[]; schema: z.ZodType }> {
  let inner: z.ZodType = schema
  for (;;) {
    const def = (inner as unknown as { def: { type: string; innerType?: z.ZodType } }).def
    if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType) inner = def.innerType
    else break
  }
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
  }
  return [{ path: prefix, schema: inner }]
}

const LEAVES = leafPaths(configSchema)

function applyEnv(target: Record<string, unknown>, env: Record<string, string | undefined>, problems: string[]) {
  const byName = new Map<string, { path: string[]; schema: z.ZodType }>()
  for (const leaf of LEAVES) byName.set(`BERTH_${leaf.path.join('_').toUpperCase()}`, leaf)
  for (const [alias, path] of Object.entries(ENV_ALIASES)) {
    const leaf = LEAVES.find((l) => l.path.join('.') === path.join('.'))
    if (leaf) byName.set(alias, leaf)
  }
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('BERTH_') || raw === undefined) continue
    const leaf = byName.get(name)
    if (!leaf) continue // BERTH_* variables of other tools (BERTH_E2E_TARGET …) are not ours to judge
    let value: unknown = raw
    if (leaf.schema instanceof z.ZodNumber) {
      if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) {
        problems.push(`${name}: expected a number, got "${raw}"`)
        continue
      }
      value = Number(raw)
    } else if (leaf.schema instanceof z.ZodArray) {
      // a list from the environment is comma-separated
      value = raw.split(',').map((x) => x.trim()).filter(Boolean)
    } else if (leaf.schema instanceof z.ZodBoolean) {
      if (!['true', 'false', '1', '0'].includes(raw)) {
        problems.push(`${name}: expected true or false, got "${raw}"`)
        continue
      }
      value = raw === 'true' || raw === '1'
    }
    setPath(target, leaf.path, value)
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1]!] = value
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>) {
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') {
      deepMerge(target[k] as Record<string, unknown>, v as Record<string, unknown>)
    } else {
      target[k] = v
    }
  }
}
