import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigError, loadConfig, type LoadOptions } from './load.js'

let dir: string
before(() => { dir = mkdtempSync(join(tmpdir(), 'berth-config-')) })
after(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
/** Writes a berth.yml into the temp dir and returns its path. */
function yml(text: string): string {
  const file = join(dir, `berth-${n++}.yml`)
  writeFileSync(file, text)
  return file
}

function problemsOf(opts: LoadOptions): string[] {
  try {
    loadConfig(opts)
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`)
    return err.problems
  }
  assert.fail('expected a ConfigError')
}

/** Each problem names exactly one key, and together they name exactly `keys`. */
function assertProblemsName(problems: string[], keys: string[]) {
  assert.equal(problems.length, keys.length, `one problem per bad key: ${JSON.stringify(problems)}`)
  for (const key of keys) {
    assert.equal(problems.filter((p) => p.startsWith(`${key}:`)).length, 1, `a problem naming ${key} in ${JSON.stringify(problems)}`)
  }
}

describe('loadConfig defaults', () => {
  test('run with nothing configured', () => {
    const c = loadConfig({ file: null, env: {} })
    assert.equal(c.data_volume, resolve('data'))
    assert.equal(c.external_url, undefined)
    assert.deepEqual(c.http, { host: '0.0.0.0', port: 5000, keep_alive_timeout: 65, headers_timeout: 30, idle_timeout: 60, max_connections_per_client: 128, trusted_proxies: [] })
    assert.deepEqual(c.log, { level: 'info', access_log: true })
    assert.equal(c.database.type, 'sqlite')
    assert.equal(c.database.sqlite.path, join(resolve('data'), 'berth.db'))
    assert.equal(c.storage.type, 'filesystem')
    assert.equal(c.storage.filesystem.rootdirectory, join(resolve('data'), 'registry'))
    assert.equal(c.registry.max_manifest_bytes, 4 * 1024 * 1024)
    assert.deepEqual(c.registry.upload_purging, { enabled: true, age_seconds: 7 * 24 * 3600, interval_seconds: 3600 })
    assert.deepEqual(c.registry.cache, { manifest_bytes: 64 * 1024 * 1024, entries: 200_000 })
  })

  test('an empty file is all defaults', () => {
    const c = loadConfig({ file: yml(''), env: {} })
    assert.equal(c.http.port, 5000)
  })

  test('database and storage paths follow data_volume unless set', () => {
    const c = loadConfig({ file: null, env: {}, overrides: { data_volume: join(dir, 'd') } })
    assert.equal(c.database.sqlite.path, join(dir, 'd', 'berth.db'))
    assert.equal(c.storage.filesystem.rootdirectory, join(dir, 'd', 'registry'))
    const set = loadConfig({ file: null, env: {}, overrides: { data_volume: join(dir, 'd'), database: { sqlite: { path: join(dir, 'x.db') } }, storage: { filesystem: { rootdirectory: 'rel/blobs' } } } })
    assert.equal(set.database.sqlite.path, join(dir, 'x.db'))
    assert.equal(set.storage.filesystem.rootdirectory, resolve('rel/blobs'), 'relative paths are resolved')
  })
})

describe('loadConfig precedence: defaults < file < environment < overrides', () => {
  const file = () => yml(`
http:
  host: 10.0.0.1
  port: 6000
  keep_alive_timeout: 30
log:
  level: debug
registry:
  upload_purging:
    age_seconds: 60
`)

  test('the file over defaults, keeping defaults beside it', () => {
    const c = loadConfig({ file: file(), env: {} })
    assert.deepEqual(c.http, { host: '10.0.0.1', port: 6000, keep_alive_timeout: 30, headers_timeout: 30, idle_timeout: 60, max_connections_per_client: 128, trusted_proxies: [] })
    assert.equal(c.log.level, 'debug')
    assert.equal(c.log.access_log, true)
    assert.deepEqual(c.registry.upload_purging, { enabled: true, age_seconds: 60, interval_seconds: 3600 })
  })

  test('the environment over the file', () => {
    const c = loadConfig({ file: file(), env: { BERTH_HTTP_PORT: '7000', BERTH_LOG_LEVEL: 'warn' } })
    assert.equal(c.http.port, 7000)
    assert.equal(c.http.host, '10.0.0.1')
    assert.equal(c.log.level, 'warn')
  })

  test('overrides over the environment', () => {
    const c = loadConfig({ file: file(), env: { BERTH_HTTP_PORT: '7000', BERTH_HTTP_HOST: '10.0.0.2' }, overrides: { http: { port: 8000 } } })
    assert.equal(c.http.port, 8000)
    assert.equal(c.http.host, '10.0.0.2')
    assert.equal(c.http.keep_alive_timeout, 30)
  })

  test('an undefined override changes nothing', () => {
    const c = loadConfig({ file: file(), env: {}, overrides: { http: { port: undefined } } })
    assert.equal(c.http.port, 6000)
  })

  test('the file is not modified by merging', () => {
    const path = file()
    loadConfig({ file: path, env: { BERTH_HTTP_PORT: '7000' } })
    assert.equal(loadConfig({ file: path, env: {} }).http.port, 6000)
  })
})

describe('loadConfig environment', () => {
  test('BERTH_HOST, BERTH_PORT and BERTH_DATA_DIR are aliases', () => {
    const c = loadConfig({ file: null, env: { BERTH_HOST: '127.0.0.1', BERTH_PORT: '5999', BERTH_DATA_DIR: join(dir, 'alias') } })
    assert.equal(c.http.host, '127.0.0.1')
    assert.equal(c.http.port, 5999)
    assert.equal(c.data_volume, join(dir, 'alias'))
    assert.equal(c.database.sqlite.path, join(dir, 'alias', 'berth.db'))
  })

  test('variables map to paths by the schema, underscores in keys included', () => {
    const c = loadConfig({
      file: null,
      env: {
        BERTH_LOG_LEVEL: 'error',
        BERTH_LOG_ACCESS_LOG: 'false',
        BERTH_DATA_VOLUME: join(dir, 'dv'),
        BERTH_EXTERNAL_URL: 'https://registry.example.com',
        BERTH_HTTP_KEEP_ALIVE_TIMEOUT: '5',
        BERTH_REGISTRY_MAX_MANIFEST_BYTES: '8192',
        BERTH_REGISTRY_UPLOAD_PURGING_ENABLED: '0',
        BERTH_REGISTRY_UPLOAD_PURGING_AGE_SECONDS: '120',
        BERTH_REGISTRY_CACHE_ENTRIES: '10',
        BERTH_DATABASE_SQLITE_PATH: join(dir, 'env.db'),
        BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY: join(dir, 'blobs'),
      },
    })
    assert.equal(c.log.level, 'error')
    assert.equal(c.log.access_log, false)
    assert.equal(c.data_volume, join(dir, 'dv'))
    assert.equal(c.external_url, 'https://registry.example.com')
    assert.equal(c.http.keep_alive_timeout, 5)
    assert.equal(c.registry.max_manifest_bytes, 8192)
    assert.equal(c.registry.upload_purging.enabled, false)
    assert.equal(c.registry.upload_purging.age_seconds, 120)
    assert.equal(c.registry.cache.entries, 10)
    assert.equal(c.database.sqlite.path, join(dir, 'env.db'))
    assert.equal(c.storage.filesystem.rootdirectory, join(dir, 'blobs'))
  })

  test('http.trusted_proxies: none by default, a comma-separated list from the environment, bad entries named', () => {
    assert.deepEqual(loadConfig({ file: null, env: {} }).http.trusted_proxies, [])
    assert.deepEqual(loadConfig({ file: null, env: { BERTH_HTTP_TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5,loopback,fd00::/8' } }).http.trusted_proxies,
      ['10.0.0.0/8', '192.168.1.5', 'loopback', 'fd00::/8'])
    assert.deepEqual(loadConfig({ file: yml('http:\n  trusted_proxies: [172.16.0.0/12]\n') }).http.trusted_proxies, ['172.16.0.0/12'])
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '*']) {
      const problems = problemsOf({ file: null, env: { BERTH_HTTP_TRUSTED_PROXIES: bad } })
      assert.equal(problems.length, 1, bad)
      assert.match(problems[0]!, /^http\.trusted_proxies\.0: expected an IP address/, bad)
    }
  })

  test('booleans accept true/false/1/0', () => {
    for (const [raw, value] of [['true', true], ['1', true], ['false', false], ['0', false]] as const) {
      assert.equal(loadConfig({ file: null, env: { BERTH_LOG_ACCESS_LOG: raw } }).log.access_log, value, raw)
    }
  })

  test('other variables are ignored', () => {
    const c = loadConfig({ file: null, env: { BERTH_NOT_A_KEY: 'y', PATH: '/bin', HOME: undefined } })
    assert.equal(c.http.port, 5000)
  })

  test('BERTH_ADMIN_PASSWORD sets harbor_admin_password, and a short one is refused', () => {
    assert.equal(loadConfig({ file: null, env: { BERTH_ADMIN_PASSWORD: 'Secret123' } }).harbor_admin_password, 'Secret123')
    assertProblemsName(problemsOf({ file: null, env: { BERTH_ADMIN_PASSWORD: 'x' } }), ['harbor_admin_password'])
  })
})

describe('loadConfig refusals', () => {
  test('BERTH_PORT=abc names the variable', () => {
    assertProblemsName(problemsOf({ file: null, env: { BERTH_PORT: 'abc' } }), ['BERTH_PORT'])
  })

  test('an empty number and a bad boolean name their variables', () => {
    assertProblemsName(problemsOf({ file: null, env: { BERTH_HTTP_PORT: '', BERTH_LOG_ACCESS_LOG: 'yes' } }), ['BERTH_HTTP_PORT', 'BERTH_LOG_ACCESS_LOG'])
  })

  test('a port out of range or fractional', () => {
    assertProblemsName(problemsOf({ file: null, env: { BERTH_PORT: '70000' } }), ['http.port'])
    assertProblemsName(problemsOf({ file: yml('http:\n  port: 80.5\n'), env: {} }), ['http.port'])
  })

  test('an unknown key in the file', () => {
    assertProblemsName(problemsOf({ file: yml('htp:\n  port: 80\n'), env: {} }), ['htp'])
    assertProblemsName(problemsOf({ file: yml('http:\n  prot: 80\n'), env: {} }), ['http.prot'])
  })

  test('two unknown keys in one mapping are two problems, each naming its key', () => {
    assertProblemsName(problemsOf({ file: yml('http:\n  prot: 80\n  hots: x\n'), env: {} }), ['http.prot', 'http.hots'])
  })

  test('a value of the wrong type', () => {
    assertProblemsName(problemsOf({ file: yml('http:\n  port: "5000"\n'), env: {} }), ['http.port'])
    assertProblemsName(problemsOf({ file: yml('log:\n  access_log: "yes"\n'), env: {} }), ['log.access_log'])
    assertProblemsName(problemsOf({ file: yml('http: 5000\n'), env: {} }), ['http'])
  })

  test('a bad log level, from the file or the environment', () => {
    assertProblemsName(problemsOf({ file: yml('log:\n  level: loud\n'), env: {} }), ['log.level'])
    assertProblemsName(problemsOf({ file: null, env: { BERTH_LOG_LEVEL: 'INFO' } }), ['log.level'])
  })

  test('a bad external_url', () => {
    assertProblemsName(problemsOf({ file: yml('external_url: ftp://example.com\n'), env: {} }), ['external_url'])
  })

  test('several bad keys in the file: one problem each', () => {
    const file = yml(`
http:
  port: abc
  host: ""
log:
  level: loud
nonsense: 1
registry:
  max_manifest_bytes: 10
`)
    assertProblemsName(problemsOf({ file, env: {} }), ['http.port', 'http.host', 'log.level', 'nonsense', 'registry.max_manifest_bytes'])
  })

  test('bad keys from the environment and the file are reported together', () => {
    assertProblemsName(problemsOf({ file: yml('log:\n  level: loud\n'), env: { BERTH_PORT: 'abc' } }), ['BERTH_PORT', 'log.level'])
  })

  test('a file that is not YAML, not a mapping, or missing', () => {
    assert.equal(problemsOf({ file: yml('http: [\n'), env: {} }).length, 1)
    assert.equal(problemsOf({ file: yml('- a\n- b\n'), env: {} }).length, 1)
    assert.equal(problemsOf({ file: yml('just a string\n'), env: {} }).length, 1)
    assert.equal(problemsOf({ file: join(dir, 'absent.yml'), env: {} }).length, 1)
  })
})

describe('auth.login_throttle and the old auth.lockout', () => {
  test('defaults, and every key from the file or the environment', () => {
    assert.deepEqual(loadConfig({ file: null, env: {} }).auth.login_throttle, { free_failures: 5, address_free_failures: 30, max_delay_seconds: 900, forget_seconds: 3600 })
    const c = loadConfig({ file: yml('auth:\n  login_throttle:\n    free_failures: 3\n'), env: { BERTH_AUTH_LOGIN_THROTTLE_MAX_DELAY_SECONDS: '60' } })
    assert.equal(c.auth.login_throttle.free_failures, 3)
    assert.equal(c.auth.login_throttle.max_delay_seconds, 60)
    assert.deepEqual(c.deprecations, [])
  })

  test('forget_seconds shorter than max_delay_seconds is refused (the free failures would come back during a wait)', () => {
    const problems = problemsOf({ file: yml('auth:\n  login_throttle:\n    max_delay_seconds: 600\n    forget_seconds: 60\n'), env: {} })
    assertProblemsName(problems, ['auth.login_throttle.forget_seconds'])
  })

  test('an old berth.yml with auth.lockout still loads: its numbers become the throttle, with a deprecation', () => {
    const c = loadConfig({ file: yml('auth:\n  lockout:\n    max_failures: 3\n    lock_seconds: 7200\n'), env: {} })
    assert.deepEqual(c.auth.login_throttle, { free_failures: 3, address_free_failures: 30, max_delay_seconds: 7200, forget_seconds: 7200 })
    assert.equal('lockout' in c.auth, false)
    assert.equal(c.deprecations.length, 1)
    assert.match(c.deprecations[0]!, /auth\.lockout is replaced by auth\.login_throttle/)
    const fromEnv = loadConfig({ file: null, env: { BERTH_AUTH_LOCKOUT_MAX_FAILURES: '4' } })
    assert.equal(fromEnv.auth.login_throttle.free_failures, 4)
    assert.equal(fromEnv.deprecations.length, 1)
  })

  test('auth.lockout next to auth.login_throttle is refused as ambiguous', () => {
    const problems = problemsOf({ file: yml('auth:\n  lockout:\n    max_failures: 3\n  login_throttle:\n    free_failures: 4\n'), env: {} })
    assert.equal(problems.length, 1)
    assert.match(problems[0]!, /^auth\.lockout: replaced by auth\.login_throttle/)
  })
})
