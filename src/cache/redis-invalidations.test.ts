// The invalidation bus on Redis (BERTH_TEST_REDIS_URL; skipped without it): two buses on one
// prefix are two instances. What one publishes, the other has applied when its next sync()
// resolves; when it cannot know (its subscriber down, a message lost), it clears everything.
import { afterEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { Redis } from 'ioredis'
import { pino } from 'pino'
import type { Invalidation, InvalidationBus } from './invalidations.js'
import { createRedisInvalidations } from './redis-invalidations.js'

const url = process.env.BERTH_TEST_REDIS_URL
const log = pino({ level: 'silent' })

type Instance = { bus: InvalidationBus; applied: Invalidation[]; commands: Redis; subscriber: Redis }

describe('InvalidationBus: redis', { skip: url ? false : 'BERTH_TEST_REDIS_URL is unset' }, () => {
  const open: Instance[] = []
  let prefix = ''
  const instance = async (waitMs = 100): Promise<Instance> => {
    const commands = new Redis(url!)
    const subscriber = new Redis(url!)
    const applied: Invalidation[] = []
    const bus = await createRedisInvalidations({ commands, subscriber, prefix, log, waitMs, apply: (what) => applied.push(what) })
    const i = { bus, applied, commands, subscriber }
    open.push(i)
    return i
  }
  const fresh = () => { prefix = `berth-test-${randomBytes(6).toString('hex')}:` }
  afterEach(async () => {
    for (const i of open.splice(0)) {
      await i.bus.close()
      i.subscriber.disconnect()
      await i.commands.del(`${prefix}invalidation:seq`).catch(() => {})
      i.commands.disconnect()
    }
  })

  test("what A publishes, B has applied when its next sync resolves; A does not apply its own twice", async () => {
    fresh()
    const a = await instance()
    const b = await instance()
    const what: Invalidation = { kind: 'tags', repository: 'p/app', tags: ['v1'] }
    await a.bus.publish(what)
    await b.bus.sync()
    assert.deepEqual(b.applied, [what])
    await a.bus.sync()
    assert.deepEqual(a.applied, [])
  })

  test('syncs arriving together share reads of the sequence; one begun after a publish still applies it', async () => {
    fresh()
    const a = await instance()
    const b = await instance()
    let gets = 0
    const get = b.commands.get.bind(b.commands)
    b.commands.get = ((...args: Parameters<typeof get>) => { gets++; return get(...args) }) as typeof b.commands.get
    await Promise.all(Array.from({ length: 50 }, () => b.bus.sync()))
    assert.ok(gets <= 2, `${gets} reads of the sequence for 50 syncs at once`)

    const what: Invalidation = { kind: 'tags', repository: 'p/app', tags: ['v1'] }
    const early = b.bus.sync() // its read is on the way before the publish
    await a.bus.publish(what)
    await b.bus.sync() // begun after the publish was acknowledged: must not ride on the early read
    assert.deepEqual(b.applied, [what])
    await early
  })

  test('a subscriber that is down: sync clears everything instead of trusting the caches', async () => {
    fresh()
    const b = await instance()
    const closed = once(b.subscriber, 'close')
    b.subscriber.disconnect()
    await closed
    await b.bus.sync()
    assert.deepEqual(b.applied, [{ kind: 'all' }])
  })

  test('a message lost: the wait runs out and everything is cleared; later messages apply again', async () => {
    fresh()
    const a = await instance()
    const b = await instance(50)
    await b.subscriber.unsubscribe(`${prefix}invalidations`)
    await a.bus.publish({ kind: 'auth' })
    await b.bus.sync()
    assert.deepEqual(b.applied, [{ kind: 'all' }])
    await b.subscriber.subscribe(`${prefix}invalidations`)
    await a.bus.publish({ kind: 'settings' })
    await b.bus.sync()
    assert.deepEqual(b.applied, [{ kind: 'all' }, { kind: 'settings' }])
  })

  test('a gap in the sequence (messages lost while resubscribing) clears everything', async () => {
    fresh()
    const a = await instance()
    const b = await instance()
    await b.subscriber.unsubscribe(`${prefix}invalidations`)
    await a.bus.publish({ kind: 'auth' })
    await b.subscriber.subscribe(`${prefix}invalidations`)
    await a.bus.publish({ kind: 'settings' })
    await b.bus.sync()
    assert.deepEqual(b.applied, [{ kind: 'all' }])
  })

  test('a publication that fails rejects, and is made good with a wholesale invalidation once Redis answers', async () => {
    fresh()
    const a = await instance()
    const b = await instance()
    a.commands.disconnect()
    await assert.rejects(a.bus.publish({ kind: 'auth' }))
    await a.commands.connect()
    await a.bus.sync() // settles the debt first
    await b.bus.sync()
    assert.deepEqual(b.applied, [{ kind: 'all' }])
  })
})
