// LockStore in Redis: one holder per key across every instance. A lock is a hash of the holder's
// random token and the instant its lease ends; taking, renewing and releasing are Lua scripts, so
// only the token's holder renews or releases, and a lease that ran out may be taken by anyone.
// Leases follow Berth's clock (deps.clock), as the in-process store's do; Redis drops the key by
// itself a minute after the lease (EXPIRY_SLACK_MS covers clocks that differ between instances).
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Clock } from '../deps.js'
import type { LockStore } from './locks.js'
import { luaScript } from './redis.js'
import { EXPIRY_SLACK_MS } from './redis-counters.js'

// KEYS[1] the lock; ARGV: token, now, until, keep
const acquire = luaScript(`
local u = redis.call('HGET', KEYS[1], 'u')
if u and tonumber(u) > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 't', ARGV[1], 'u', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`)

const extend = luaScript(`
local cur = redis.call('HMGET', KEYS[1], 't', 'u')
if cur[1] ~= ARGV[1] or not cur[2] or tonumber(cur[2]) <= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'u', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`)

// KEYS[1] the lock; ARGV[1] token
const release = luaScript(`
if redis.call('HGET', KEYS[1], 't') == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`)

export function createRedisLocks(opts: { redis: Redis; prefix: string; clock: Clock }): LockStore {
  const now = () => opts.clock.now().getTime()
  return {
    async tryAcquire(name, ttlMs) {
      const key = `${opts.prefix}lock:${name}`
      const token = randomUUID()
      const at = now()
      if (Number(await acquire(opts.redis, [key], [token, at, at + ttlMs, ttlMs + EXPIRY_SLACK_MS])) !== 1) return null
      return {
        key: name,
        async extend(ms) {
          const t = now()
          return Number(await extend(opts.redis, [key], [token, t, t + ms, ms + EXPIRY_SLACK_MS])) === 1
        },
        async release() {
          await release(opts.redis, [key], [token])
        },
      }
    },
  }
}
