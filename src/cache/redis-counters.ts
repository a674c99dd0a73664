// CounterStore in Redis: the counters of every instance in one place, so a client held off by
// one instance is held off by all. Expiry follows Berth's clock (deps.clock), as the in-process
// store's does: each counter keeps its value and the instant it expires in one hash, and every
// instance judges "expired" by its own clock (instances keep their clocks in step with NTP). Redis
// deletes a counter by itself a minute after that instant (the slack covers clocks that differ).
import type { Redis } from 'ioredis'
import type { Clock } from '../deps.js'
import type { CounterStore } from './counters.js'
import { luaScript } from './redis.js'

/** How long Redis keeps a counter past its expiry: more than any two instances' clocks differ. */
export const EXPIRY_SLACK_MS = 60_000

// KEYS[1] the counter; ARGV: by, now, expiresAt, keep (ms Redis keeps the key)
const increment = luaScript(`
local cur = redis.call('HMGET', KEYS[1], 'v', 'e')
local v = 0
if cur[2] and tonumber(cur[2]) > tonumber(ARGV[2]) then v = tonumber(cur[1]) end
v = v + tonumber(ARGV[1])
redis.call('HSET', KEYS[1], 'v', v, 'e', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return v
`)

export function createRedisCounters(opts: { redis: Redis; prefix: string; clock: Clock }): CounterStore {
  const key = (k: string) => `${opts.prefix}counter:${k}`
  const now = () => opts.clock.now().getTime()
  return {
    async get(k) {
      const [v, e] = await opts.redis.hmget(key(k), 'v', 'e')
      if (v === null || e === null || Number(e) <= now()) return null
      return { value: Number(v), expiresAt: Number(e) }
    },
    async increment(k, ttlMs, by = 1) {
      const at = now()
      return Number(await increment(opts.redis, [key(k)], [by, at, at + ttlMs, ttlMs + EXPIRY_SLACK_MS]))
    },
    async delete(k) {
      await opts.redis.del(key(k))
    },
  }
}
