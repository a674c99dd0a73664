// The CounterStore and LockStore conformance suites on Redis (BERTH_TEST_REDIS_URL; skipped
// without it, outside `npm test`). Every store gets a key prefix of its own, and the run checks
// that nothing but expiring keys is left under it.
import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { describeCounterStore } from '../../test/conformance/counter-store.js'
import { describeLockStore } from '../../test/conformance/lock-store.js'
import { manualClock } from '../../test/helpers/clock.js'
import { createRedisCounters } from './redis-counters.js'
import { createRedisLocks } from './redis-locks.js'

const url = process.env.BERTH_TEST_REDIS_URL

if (!url) {
  test('Redis adapters: BERTH_TEST_REDIS_URL is unset', { skip: 'run with npm test or eval "$(node scripts/test-services.mjs start)"' }, () => {})
} else {
  const redis = new Redis(url)
  const runPrefix = `berth-test-${randomBytes(6).toString('hex')}:`
  let n = 0
  const fresh = () => `${runPrefix}${n++}:`

  after(async () => {
    // every key a store wrote carries an expiry: nothing stays behind for good
    const keys = await redis.keys(`${runPrefix}*`)
    const ttls = await Promise.all(keys.map((k) => redis.pttl(k)))
    assert.ok(ttls.every((t) => t > 0), 'every key expires')
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  // the stores follow Berth's clock: advancing it is time passing, as for the in-process stores
  describeCounterStore('redis', async () => {
    const clock = manualClock()
    return { store: createRedisCounters({ redis, prefix: fresh(), clock }), pass: async (ms) => clock.advance(ms) }
  })

  describeLockStore('redis', async () => {
    const clock = manualClock()
    return { store: createRedisLocks({ redis, prefix: fresh(), clock }), pass: async (ms) => clock.advance(ms) }
  })

  describe('Redis stores share their state', () => {
    test('two stores on one prefix (two instances) see the same counters and locks', async () => {
      const prefix = fresh()
      const clock = manualClock()
      const other = new Redis(url)
      try {
        const a = createRedisCounters({ redis, prefix, clock })
        const b = createRedisCounters({ redis: other, prefix, clock })
        await a.increment('k', 10_000)
        assert.equal(await b.increment('k', 10_000), 2)
        assert.equal((await a.get('k'))!.value, 2)
        const la = createRedisLocks({ redis, prefix, clock })
        const lb = createRedisLocks({ redis: other, prefix, clock })
        const held = await la.tryAcquire('x', 10_000)
        assert.ok(held)
        assert.equal(await lb.tryAcquire('x', 10_000), null)
        await held.release()
        assert.ok(await lb.tryAcquire('x', 10_000))
      } finally {
        await other.quit()
      }
    })
  })
}
