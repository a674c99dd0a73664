#!/usr/bin/env node
// The `berth` command: serve, migrate, help. Flags override BERTH_* variables, which override berth.yml.
import { parseArgs } from 'node:util'
import { loadConfig, ConfigError, type ConfigInput } from './config/load.js'
import { openDeps, migrateDatabase, createLogger } from './deps.js'
import { SchemaTooNewError } from './db/migrate.js'
import { buildApp } from './app.js'
import { startUploadPurging } from './registry/upload-purging.js'
import { findUserByName } from './db/users.js'
import { changePassword } from './iam/users.js'
import { AppError } from './errors.js'

const USAGE = `Usage: berth <command> [options]

Commands:
  serve      run the registry (OCI Distribution API on /v2, Harbor's API on /api/v2.0)
  migrate    apply the database migrations this version has, print them, then exit
             (serve applies them at start too; one instance at a time on PostgreSQL)
  reset-password <username>
             set a user's password from BERTH_NEW_PASSWORD (run it while Berth is stopped)
  help       show this text

Options:
  -c, --config <file>     berth.yml to read (default: ./berth.yml when present)
      --host <address>    listen address (BERTH_HOST, http.host; default 0.0.0.0)
  -p, --port <port>       listen port (BERTH_PORT, http.port; default 5000)
  -d, --data <dir>        data directory (BERTH_DATA_DIR, data_volume; default ./data)
      --external-url <u>  URL clients reach Berth at (BERTH_EXTERNAL_URL, external_url)
      --log-level <l>     trace|debug|info|warn|error|fatal|silent (BERTH_LOG_LEVEL, log.level)
`

function fail(message: string): never {
  process.stderr.write(`berth: ${message}\n`)
  process.exit(2)
}

async function main(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        host: { type: 'string' },
        port: { type: 'string', short: 'p' },
        data: { type: 'string', short: 'd' },
        'external-url': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`)
  }
  const { values, positionals } = parsed
  const command = positionals[0] ?? 'help'
  if (values.help || command === 'help') {
    process.stdout.write(USAGE)
    return
  }
  if (command !== 'serve' && command !== 'migrate' && command !== 'reset-password') fail(`unknown command "${command}"\n\n${USAGE}`)
  if (command === 'reset-password' && (!positionals[1] || !process.env.BERTH_NEW_PASSWORD)) {
    fail('reset-password: usage: BERTH_NEW_PASSWORD=<password> berth reset-password <username>')
  }

  const overrides: ConfigInput = {}
  if (values.host !== undefined) overrides.http = { ...overrides.http, host: values.host }
  if (values.port !== undefined) {
    const port = Number(values.port)
    if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port: expected a port number, got "${values.port}"`)
    overrides.http = { ...overrides.http, port }
  }
  if (values.data !== undefined) overrides.data_volume = values.data
  if (values['external-url'] !== undefined) overrides.external_url = values['external-url']
  if (values['log-level'] !== undefined) overrides.log = { level: values['log-level'] as 'info' }

  let config
  try {
    config = loadConfig({ file: values.config, env: process.env, overrides })
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message)
    throw err
  }
  // Berth names the mode of every file it creates (0600, directories 0700); this umask also keeps
  // private whatever a library might write without naming one.
  process.umask(0o077)
  const log = createLogger(config)
  for (const message of config.deprecations) log.warn(message)
  if (command === 'migrate') {
    // the schema only: no admin, no signing key, nothing an instance needs to serve
    try {
      const applied = await migrateDatabase(config, log)
      process.stdout.write(applied.length ? `applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}\n`).join('')}` : 'the database schema is up to date\n')
    } catch (err) {
      if (err instanceof SchemaTooNewError) fail(err.message)
      throw err
    }
    return
  }
  let deps
  try {
    deps = await openDeps(config, { log, processMetrics: command === 'serve' })
  } catch (err) {
    if (err instanceof SchemaTooNewError) fail(err.message)
    throw err
  }
  if (command === 'reset-password') {
    try {
      const user = await findUserByName(deps.db, positionals[1]!)
      if (!user) fail(`reset-password: no user "${positionals[1]}"`)
      await changePassword(deps, user.user_id, { newPassword: process.env.BERTH_NEW_PASSWORD! }, { username: 'berth reset-password', clientIp: '' })
      process.stdout.write(`password of ${user.username} changed\n`)
    } catch (err) {
      if (err instanceof AppError) fail(`reset-password: ${err.message}`)
      throw err
    } finally {
      await deps.close()
    }
    return
  }

  const app = await buildApp(deps)
  const stopPurging = startUploadPurging(deps)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    stopPurging()
    await app.close()
    await deps.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  await app.listen({ host: config.http.host, port: config.http.port })
  const addr = app.server.address()
  const port = addr && typeof addr === 'object' ? addr.port : config.http.port
  const shownHost = config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host
  log.info({ url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`, data: config.data_volume }, 'listening')
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`berth: ${(err as Error)?.stack ?? String(err)}\n`)
  process.exit(1)
})
