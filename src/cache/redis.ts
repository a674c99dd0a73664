// The Redis connections of a Berth instance (redis.url): one for commands, one subscribed to the
// invalidation channel (a subscribed connection can do nothing else). Every key and channel
// starts with redis.key_prefix, so several installations may share one server.
import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'

export type RedisConnections = {
  commands: Redis
  subscriber: Redis
  prefix: string
  close(): Promise<void>
}

/**
 * Opens both connections and waits until they answer, so a wrong URL stops `berth serve` at start
 * with a clear message. A command fails after one reconnection attempt rather than queueing for
 * long: callers then fall back to the database (caches) or answer an error (locks, counters).
 */
export async function openRedis(opts: { url: string; prefix: string; log: Logger }): Promise<RedisConnections> {
  const connect = (role: string) => {
    const r = new Redis(opts.url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000, connectionName: `berth-${role}` })
    // ioredis reconnects by itself; without a listener an error event would crash the process
    let reported = false
    r.on('error', (err: Error) => {
      if (!reported) opts.log.error({ err: err.message, role }, 'redis connection failed; retrying')
      reported = true
    })
    r.on('ready', () => {
      if (reported) opts.log.info({ role }, 'redis connection restored')
      reported = false
    })
    return r
  }
  const commands = connect('commands')
  const subscriber = connect('subscriber')
  try {
    await Promise.all([commands.connect(), subscriber.connect()])
  } catch (err) {
    commands.disconnect()
    subscriber.disconnect()
    throw new Error(`redis.url: cannot connect to ${redactUrl(opts.url)}: ${(err as Error).message}`)
  }
  return {
    commands, subscriber, prefix: opts.prefix,
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()])
    },
  }
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'the configured URL'
  }
}

/**
 * A Lua script, run atomically by Redis: by its sha1, sending the source only when the server
 * does not know it yet (after a restart, or the first time).
 */
export function luaScript(source: string): (redis: Redis, keys: string[], args: Array<string | number>) => Promise<unknown> {
  const sha = createHash('sha1').update(source).digest('hex')
  return async (redis, keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args)
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err
      return redis.eval(source, keys.length, ...keys, ...args)
    }
  }
}
